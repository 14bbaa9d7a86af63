package cn.zhifa.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Personal data at rest (GB/T 39786-2021 level 3: ID numbers, phone numbers, TOTP secrets): SM4-GCM with a
 * fresh 96-bit nonce per value and the column ({@code table.column}) as associated data, so a sealed value
 * copied into another column does not open. Stored form: {@code sm4gcm:v1:<keyId>:<base64(nonce|ct|tag)>}.
 * <p>
 * New values are sealed with the current key ({@code zhifa.crypto.field.key-id}, the key named
 * {@code field-sm4-<keyId>} in the {@link KeyProvider}); values sealed with an earlier key still open, and the
 * start-up step ({@code PersonalDataSealing}) re-seals them with the current key — that is the rotation.
 * Exact-value search goes through {@link #lookupHash}: HMAC-SM3 under a separate key ({@code field-lookup}).
 */
@Component
public class FieldCipher {

    public static final String PREFIX = "sm4gcm:v1:";
    private static final int SM4_KEY_BYTES = 16;
    private static final int LOOKUP_KEY_BYTES = 32;

    private final KeyProvider keys;
    private final String currentKeyId;

    public FieldCipher(KeyProvider keys, @Value("${zhifa.crypto.field.key-id:f1}") String currentKeyId) {
        if (!currentKeyId.matches("[a-z0-9]{1,16}")) {
            throw new IllegalArgumentException("zhifa.crypto.field.key-id must be 1-16 lower-case letters or digits");
        }
        this.keys = keys;
        this.currentKeyId = currentKeyId;
    }

    /** The value sealed with the current key; {@code null} and blank stay as they are, a sealed value is not sealed twice. */
    public String seal(String column, String plain) {
        if (plain == null || plain.isBlank() || isSealed(plain)) {
            return plain;
        }
        byte[] sealed = Guomi.sm4GcmEncrypt(key(currentKeyId), plain.getBytes(StandardCharsets.UTF_8), aad(column));
        return PREFIX + currentKeyId + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    /**
     * The clear value. A value without the prefix is returned as it is (a row written before sealing and not yet
     * re-sealed by the start-up step). Throws {@link IllegalStateException} when a sealed value was altered, moved
     * to another column, or its key is not available.
     */
    public String open(String column, String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        int keyEnd = stored.indexOf(':', PREFIX.length());
        if (keyEnd < 0) {
            throw new IllegalStateException("加密字段格式错误: " + column);
        }
        String keyId = stored.substring(PREFIX.length(), keyEnd);
        try {
            byte[] sealed = Base64.getDecoder().decode(stored.substring(keyEnd + 1));
            return new String(Guomi.sm4GcmDecrypt(key(keyId), sealed, aad(column)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("加密字段无法解密（被修改、被移动或密钥不符）: " + column, e);
        }
    }

    /** Re-seals a value with the current key when it is clear or sealed with an earlier key; else returns it unchanged. */
    public String reseal(String column, String stored) {
        if (stored == null || stored.isBlank() || isCurrent(stored)) {
            return stored;
        }
        return seal(column, open(column, stored));
    }

    /**
     * A keyed hash (HMAC-SM3, hex) for finding a row by an exact value without storing it in clear. The value is
     * normalised first (blanks removed, upper case: an ID number's final x and X are the same); {@code kind} (e.g.
     * {@code phone}, {@code id-number}) separates kinds so equal strings of different kinds never match.
     */
    public String lookupHash(String kind, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String normal = value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        byte[] mac = Guomi.hmacSm3(keys.secret("field-lookup", LOOKUP_KEY_BYTES),
                (kind + "\u001f" + normal).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac);
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Sealed with the key new values are sealed with. */
    public boolean isCurrent(String stored) {
        return isSealed(stored) && stored.startsWith(currentPrefix());
    }

    /** The start of every value sealed with the current key: {@code sm4gcm:v1:<keyId>:}. */
    public String currentPrefix() {
        return PREFIX + currentKeyId + ":";
    }

    private byte[] key(String keyId) {
        return keys.secret("field-sm4-" + keyId, SM4_KEY_BYTES);
    }

    private static byte[] aad(String column) {
        return column.getBytes(StandardCharsets.UTF_8);
    }
}
