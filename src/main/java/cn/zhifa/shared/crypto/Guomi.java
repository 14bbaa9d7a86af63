package cn.zhifa.shared.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.modes.gcm.BasicGCMMultiplier;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM3 digests, HMAC-SM3 and SM4-GCM authenticated encryption. Pure functions; keys are passed in
 * (see {@link KeyProvider}). SM2 signatures are in {@link Sm2}.
 */
public final class Guomi {

    /** SM4-GCM nonce length (bytes) and tag length (bits). */
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Guomi() {
    }

    public static byte[] sm3(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    public static byte[] hmacSm3(byte[] key, byte[] data) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    /** SM4-GCM with a fresh random nonce; returns nonce ‖ ciphertext ‖ tag. {@code aad} may be empty. */
    public static byte[] sm4GcmEncrypt(byte[] key, byte[] plaintext, byte[] aad) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = gcm(true, key, nonce, plaintext, aad);
        byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return out;
    }

    /** Opens what {@link #sm4GcmEncrypt} sealed; throws {@link IllegalArgumentException} when it was altered or the key is wrong. */
    public static byte[] sm4GcmDecrypt(byte[] key, byte[] sealed, byte[] aad) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("密文过短");
        }
        return gcm(false, key, Arrays.copyOf(sealed, NONCE_BYTES), Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length), aad);
    }

    static byte[] gcm(boolean encrypt, byte[] key, byte[] nonce, byte[] input, byte[] aad) {
        // the basic multiplier: the values sealed here are a few blocks long, and the default one builds a 4 KB table
        // per key set-up (about five times slower per phone or ID number)
        GCMModeCipher cipher = GCMBlockCipher.newInstance(new SM4Engine(), new BasicGCMMultiplier());
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, aad));
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int length = cipher.processBytes(input, 0, input.length, out, 0);
        try {
            length += cipher.doFinal(out, length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalArgumentException("SM4-GCM 认证失败：密文被修改或密钥不符", e);
        }
        return Arrays.copyOf(out, length);
    }

    /** One raw SM4 block (the GB/T 32907 annex A known answer); GCM is built on it. */
    static byte[] sm4Block(byte[] key, byte[] block) {
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(key));
        byte[] out = new byte[16];
        engine.processBlock(block, 0, out, 0);
        return out;
    }
}
