package cn.zhifa.documents.internal;

import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * PNG images to and from bytes, in memory. ImageIO's own {@code read(InputStream)} and {@code write(…, OutputStream)}
 * first put the stream in a temporary file (its cache is on by default): a file created and deleted for every signature
 * of every submission and every QR code of every document (issue 18).
 */
public final class PngCodec {

    private PngCodec() {
    }

    /** The image, or null when the bytes are no image ImageIO reads. */
    public static BufferedImage decode(byte[] bytes) throws IOException {
        ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes));
        BufferedImage image = ImageIO.read(in); // closes the stream once a reader took it
        if (image == null) {
            in.close();
        }
        return image;
    }

    public static byte[] encode(RenderedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
