package cn.zhifa.documents.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.util.Map;

/** QR codes (ZXing) for the verification address printed on every issued document. */
final class QrCodes {

    private QrCodes() {}

    /** The last code encoded on this thread: a document's PDF and then its DOCX print the same one (issue 18). */
    private static final ThreadLocal<Map.Entry<String, BitMatrix>> last = new ThreadLocal<>();

    static BitMatrix matrix(String text) {
        Map.Entry<String, BitMatrix> known = last.get();
        if (known != null && known.getKey().equals(text)) {
            return known.getValue();
        }
        try {
            BitMatrix encoded = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            last.set(Map.entry(text, encoded));
            return encoded;
        } catch (WriterException e) {
            throw new IllegalArgumentException("无法生成二维码", e);
        }
    }

    static byte[] png(String text, int scale) {
        BitMatrix m = matrix(text);
        BufferedImage img = new BufferedImage(m.getWidth() * scale, m.getHeight() * scale, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++)
                img.setRGB(x, y, m.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
        return PngCodec.encode(img);
    }
}
