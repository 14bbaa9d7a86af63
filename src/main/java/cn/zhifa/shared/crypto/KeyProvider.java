package cn.zhifa.shared.crypto;

/**
 * Where the platform's keys come from. The default reads (and on first start creates) files in a key
 * directory outside the data directory; a deployment with a 密码机 or KMS provides its own bean.
 * Names are short stable words such as {@code audit-chain}, {@code field-encryption}, {@code signing}.
 */
public interface KeyProvider {

    /** A symmetric secret of {@code bytes} length (HMAC-SM3 keys: 32, SM4 keys: 16). */
    byte[] secret(String name, int bytes);

    /** An SM2 key pair used to sign (checkpoints, archives, issued documents). */
    Sm2.KeyPair signingKey(String name);
}
