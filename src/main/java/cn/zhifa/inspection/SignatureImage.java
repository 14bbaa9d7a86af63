package cn.zhifa.inspection;

import cn.zhifa.documents.SignaturePng;

/**
 * A signature drawn on a touch screen and posted as a PNG data URL, accepted only when it passes
 * {@link SignaturePng} (a real PNG of a sane size with enough ink to be a signature).
 */
public record SignatureImage(byte[] png) {

    /** A pad's {@code data:image/png;base64,…} value, checked by {@link SignaturePng}. */
    public static SignatureImage fromDataUrl(String dataUrl) {
        return new SignatureImage(SignaturePng.fromDataUrl(dataUrl));
    }

    public static SignatureImage of(byte[] bytes) {
        return new SignatureImage(SignaturePng.check(bytes));
    }

    public String sha256() {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(png));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
