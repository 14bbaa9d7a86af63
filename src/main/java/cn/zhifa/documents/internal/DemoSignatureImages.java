package cn.zhifa.documents.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Handwriting-like signature images for the demo users: a few connected, slanted pen strokes per character of the
 * name, drawn with Java2D from a seed derived from the username, so the same user always gets the same image.
 */
public final class DemoSignatureImages {

    private DemoSignatureImages() {
    }

    public static byte[] of(String username, String name) {
        int width = 600, height = 200;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(new Color(17, 17, 17));
        g.setStroke(new BasicStroke(4.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Random random = new Random(username.hashCode() * 31L + 7);
        int characters = Math.max(2, Math.min(4, name == null || name.isBlank() ? 3 : name.length()));
        double cell = (width - 80) / (double) characters;
        Path2D.Double pen = new Path2D.Double();
        double x = 40, y = 120;
        pen.moveTo(x, y);
        for (int c = 0; c < characters; c++) {
            double left = 40 + c * cell, base = 120 + random.nextGaussian() * 6;
            int strokes = 4 + random.nextInt(3);
            for (int s = 0; s < strokes; s++) {
                double tx = left + random.nextDouble() * cell * 0.85;
                double ty = base - 70 + random.nextDouble() * 95;
                double cx = (x + tx) / 2 + random.nextGaussian() * 28;
                double cy = (y + ty) / 2 + random.nextGaussian() * 28;
                pen.quadTo(cx, cy, tx + (ty - base) * -0.25, ty);   // slant to the right like a quick hand
                x = tx + (ty - base) * -0.25;
                y = ty;
            }
        }
        // the closing flourish under the name
        pen.curveTo(x + 20, y + 30, width * 0.55, 175, width - 45, 150 + random.nextInt(15));
        g.draw(pen);
        g.dispose();
        return PngCodec.encode(image);
    }
}
