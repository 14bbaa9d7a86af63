package cn.zhifa.shared.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.util.BigIntegers;

/**
 * SM2 signatures (GB/T 32918.2, curve sm2p256v1, the default signer identity 1234567812345678 of
 * GM/T 0009) over SM3. A key pair is the private scalar (32 bytes) and the uncompressed public point
 * (65 bytes); signatures are DER-encoded (r, s).
 */
public final class Sm2 {

    private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sm2() {
    }

    /** An SM2 key pair. */
    public record KeyPair(byte[] privateKey, byte[] publicKey) {
    }

    public static KeyPair generate() {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(DOMAIN, RANDOM));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        BigInteger d = ((ECPrivateKeyParameters) pair.getPrivate()).getD();
        return new KeyPair(BigIntegers.asUnsignedByteArray(32, d), publicKeyOf(d));
    }

    /** The uncompressed public point of a private scalar. */
    public static byte[] publicKeyOf(BigInteger d) {
        return CURVE.getG().multiply(d).normalize().getEncoded(false);
    }

    public static byte[] sign(byte[] privateKey, byte[] message) {
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithRandom(
                new ECPrivateKeyParameters(new BigInteger(1, privateKey), DOMAIN), RANDOM));
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 签名失败", e);
        }
    }

    /** False for a wrong key, a changed message or a malformed signature (never throws for bad input). */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        try {
            SM2Signer signer = new SM2Signer();
            signer.init(false, new ECPublicKeyParameters(CURVE.getCurve().decodePoint(publicKey), DOMAIN));
            signer.update(message, 0, message.length);
            return signer.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
