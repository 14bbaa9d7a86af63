package cn.zhifa.documents;

import cn.zhifa.documents.internal.PngCodec;
import cn.zhifa.shared.RuleViolation;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Base64;

/**
 * The check every drawn signature must pass before it is placed in a document — the registered specimen (我的签名)
 * and the pads of the inspection terminal, hazard 复查 and case records alike: a real PNG (at most 200 KB, 100×40 to
 * 2000×1000 px) with enough ink to be a signature.
 */
public final class SignaturePng {

    static final int MAX_BYTES = 200 * 1024;
    private static final String PREFIX = "data:image/png;base64,";
    private static final int MIN_INK_PIXELS = 60;

    private SignaturePng() {
    }

    /** The PNG bytes of a {@code data:image/png;base64,…} URL from the canvas, checked. */
    public static byte[] fromDataUrl(String dataUrl) {
        if (dataUrl == null || dataUrl.isBlank()) {
            throw new RuleViolation("签名缺失：请在签名框内签名。");
        }
        if (!dataUrl.startsWith(PREFIX)) {
            throw new RuleViolation("签名格式不正确，须为 PNG 图片。");
        }
        if (dataUrl.length() > MAX_BYTES * 4 / 3 + PREFIX.length() + 4) {
            throw new RuleViolation("签名图片过大（不超过 200 KB）。");
        }
        try {
            return check(Base64.getDecoder().decode(dataUrl.substring(PREFIX.length()).strip()));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("签名图片数据损坏，请重新签名。");
        }
    }

    /** The bytes, when they are an acceptable signature PNG. */
    public static byte[] check(byte[] bytes) {
        if (bytes == null || bytes.length < 8 || (bytes[0] & 0xFF) != 0x89 || bytes[1] != 'P' || bytes[2] != 'N' || bytes[3] != 'G') {
            throw new RuleViolation("签名格式不正确，须为 PNG 图片。");
        }
        if (bytes.length > MAX_BYTES) {
            throw new RuleViolation("签名图片过大（不超过 200 KB）。");
        }
        BufferedImage image;
        try {
            image = PngCodec.decode(bytes);
        } catch (IOException e) {
            image = null;
        }
        if (image == null) {
            throw new RuleViolation("签名图片数据损坏，请重新签名。");
        }
        if (image.getWidth() < 100 || image.getHeight() < 40 || image.getWidth() > 2000 || image.getHeight() > 1000) {
            throw new RuleViolation("签名图片尺寸不合理（宽 100–2000、高 40–1000 像素）。");
        }
        if (!hasInk(image, MIN_INK_PIXELS)) {
            throw new RuleViolation("签名为空白：请在签名框内签名。");
        }
        return bytes;
    }

    /** Pixels that are neither transparent nor near-white. */
    static int inkPixels(BufferedImage image) {
        return countInk(image, Integer.MAX_VALUE);
    }

    /**
     * Whether at least {@code enough} pixels are ink: counts a row at a time and stops at {@code enough} (issue 18: the
     * whole image was counted pixel by pixel on every submitted signature).
     */
    static boolean hasInk(BufferedImage image, int enough) {
        return countInk(image, enough) >= enough;
    }

    private static int countInk(BufferedImage image, int enough) {
        int width = image.getWidth();
        // a canvas's RGBA PNG (and an RGB one) decodes to 8-bit sRGB samples, read a row at a time as they are; other
        // kinds go through their colour model, pixel by pixel (issue 18: that was most of the check's time)
        int bands = switch (image.getType()) {
            case BufferedImage.TYPE_4BYTE_ABGR -> 4;
            case BufferedImage.TYPE_3BYTE_BGR -> 3;
            default -> 0;
        };
        int[] row = new int[width * Math.max(bands, 1)];
        int ink = 0;
        for (int y = 0; y < image.getHeight() && ink < enough; y++) {
            if (bands > 0) {
                image.getRaster().getPixels(0, y, width, 1, row);
                for (int i = 0; i < row.length; i += bands) {
                    if ((bands == 3 || row[i + 3] > 64) && isDark(row[i], row[i + 1], row[i + 2])) {
                        ink++;
                    }
                }
            } else {
                image.getRGB(0, y, width, 1, row, 0, width);
                for (int argb : row) {
                    if ((argb >>> 24) > 64 && isDark((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF)) {
                        ink++;
                    }
                }
            }
        }
        return ink;
    }

    private static boolean isDark(int r, int g, int b) {
        return r < 200 || g < 200 || b < 200;
    }
}
