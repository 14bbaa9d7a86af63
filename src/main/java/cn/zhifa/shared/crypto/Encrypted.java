package cn.zhifa.shared.crypto;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A String field of a Spring Data JDBC aggregate kept sealed at rest by {@link FieldCipher} (AAD
 * {@code table.column}): sealed before the row is written, opened when it is read and after it is saved, so
 * the aggregate only ever holds the clear value.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Encrypted {

    /** Optional: the String property that receives {@link FieldCipher#lookupHash} of the clear value on every save. */
    String lookupHashIn() default "";

    /** The kind passed to {@link FieldCipher#lookupHash} (e.g. {@code phone}, {@code id-number}). */
    String lookupKind() default "";
}
