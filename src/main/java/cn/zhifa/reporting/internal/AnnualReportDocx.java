package cn.zhifa.reporting.internal;

import cn.zhifa.reporting.AnnualReport;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes an {@link AnnualReport} as an editable DOCX in the usual 公文 look: 方正小标宋-style title, 黑体 level-one
 * headings, 楷体 level-two headings, 仿宋 body with a two-character first-line indent; prompts in grey brackets.
 */
public final class AnnualReportDocx {

    private AnnualReportDocx() {
    }

    public static byte[] write(AnnualReport report) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, report.title(), "方正小标宋简体", 22, false, null);
            for (AnnualReport.Section section : report.sections()) {
                if (!section.heading().isEmpty()) {
                    XWPFParagraph heading = doc.createParagraph();
                    heading.setFirstLineIndent(640);
                    String font = switch (section.level()) {
                        case 1 -> "黑体";
                        case 2 -> "楷体_GB2312";
                        default -> "仿宋_GB2312";
                    };
                    run(heading, section.heading(), font, 16, section.level() == 3, null);
                }
                for (AnnualReport.Paragraph paragraph : section.paragraphs()) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setFirstLineIndent(640);
                    if (paragraph.prompt()) {
                        run(p, "【请填写：" + paragraph.text() + "】", "仿宋_GB2312", 16, false, "808080");
                    } else {
                        run(p, paragraph.text(), "仿宋_GB2312", 16, false, null);
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(XWPFParagraph paragraph, String text, String font, int size, boolean bold, String color) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setFontFamily(font);
        run.setFontSize(size);
        run.setBold(bold);
        if (color != null) {
            run.setColor(color);
        }
    }
}
