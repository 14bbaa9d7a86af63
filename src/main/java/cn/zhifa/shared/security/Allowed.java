package cn.zhifa.shared.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the {@link Action} a controller method performs; the role check runs before the request
 * is bound or validated, refuses with 403 and is audited as refused. On a class it declares who may
 * read (GET); every state-changing method declares its own action, and one without is refused.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Allowed {

    Action value();
}
