package cn.zhifa.documents;

/**
 * A drawn signature (PNG bytes from the signature pad of the inspection terminal) for one signature area of a
 * template, e.g. {@code officer1}, {@code party}.
 */
public record DrawnSignature(String area, String signerName, byte[] png) {
    public DrawnSignature {
        if (area == null || area.isBlank()) throw new IllegalArgumentException("area");
        if (png == null || png.length == 0) throw new IllegalArgumentException("png");
    }
}
