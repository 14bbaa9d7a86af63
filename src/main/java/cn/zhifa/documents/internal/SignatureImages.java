package cn.zhifa.documents.internal;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Drawn signatures decoded once for the PDF (issue 18): a record's signatures are printed on each of its documents,
 * and decoding a PNG for OpenPDF (through AWT) took a fifth of the rendering time. The last signatures used, by their
 * bytes; each use gets its own copy of the decoded image (it is scaled per use).
 */
final class SignatureImages {

    private static final int KEPT = 64;

    private static final Map<ByteBuffer, Image> decoded = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Image> eldest) {
            return size() > KEPT;
        }
    };

    private SignatureImages() {
    }

    /** A copy of the decoded PNG, to scale and place. */
    static Image pdf(byte[] png) throws IOException, BadElementException {
        ByteBuffer key = ByteBuffer.wrap(png.clone());
        Image image;
        synchronized (decoded) {
            image = decoded.get(key);
        }
        if (image == null) {
            image = Image.getInstance(png);
            synchronized (decoded) {
                decoded.put(key, image);
            }
        }
        return Image.getInstance(image);
    }

    /** Width and height in pixels from the PNG header, or null when the bytes are not a PNG. */
    static int[] pngSize(byte[] png) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (png == null || png.length < 24) return null;
        for (int i = 0; i < signature.length; i++) {
            if (png[i] != signature[i]) return null;
        }
        if (png[12] != 'I' || png[13] != 'H' || png[14] != 'D' || png[15] != 'R') return null;
        ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
        int width = header.getInt(), height = header.getInt();
        return width > 0 && height > 0 ? new int[] {width, height} : null;
    }
}
