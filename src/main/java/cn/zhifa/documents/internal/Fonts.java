package cn.zhifa.documents.internal;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Noto Sans SC (SIL OFL) from the ph-fonts-noto-sans-sc jar, embedded as Identity-H subsets: PDFs render the
 * same on any machine, with no system font.
 */
final class Fonts {

    private static final String DIR = "/fonts/ttf/NotoSansSC/";

    private Fonts() {}

    private static final class Regular {
        static final BaseFont FONT = load("NotoSansSC-Regular.ttf");
    }

    private static final class Bold {
        static final BaseFont FONT = load("NotoSansSC-Bold.ttf");
    }

    static BaseFont regular() {
        return Regular.FONT;
    }

    static BaseFont bold() {
        return Bold.FONT;
    }

    private static BaseFont load(String file) {
        try (InputStream in = Fonts.class.getResourceAsStream(DIR + file)) {
            if (in == null) throw new IllegalStateException("字体 " + file + " 不在类路径上（依赖 ph-fonts-noto-sans-sc）");
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
