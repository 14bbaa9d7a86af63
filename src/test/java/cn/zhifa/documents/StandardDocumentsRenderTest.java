package cn.zhifa.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StandardDocumentsRenderTest {

    static final DocumentTemplates templates = DocumentTemplates.standard();
    static final Path OUT = Path.of("target", "documents");

    @BeforeAll
    static void outputFolder() throws Exception {
        Files.createDirectories(OUT);
    }

    static Stream<TemplateSummary> kinds() {
        return templates.kinds().stream();
    }

    @Test
    void the_standard_set_covers_the_documents_of_issue_8() {
        assertThat(templates.kinds()).extracting(TemplateSummary::title).contains("执法检查告知书", "现场检查记录",
                "现场处理措施决定书", "责令限期整改指令书", "整改复查意见书", "立案审批表", "询问通知书", "询问笔录", "勘验笔录",
                "先行登记保存证据通知书", "案件调查报告", "案件处理呈批表", "法制审核意见书", "行政处罚集体讨论记录", "行政处罚告知书",
                "行政处罚听证告知书", "听证笔录", "行政处罚决定书（单位）", "行政处罚决定书（个人）", "行政（当场）处罚决定书", "送达回执",
                "延期（分期）缴纳罚款批准书", "履行义务催告书", "强制执行申请书", "案件移送书", "结案审批表");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void every_template_renders_a_pdf_and_docx_with_title_number_and_party(TemplateSummary t) throws Exception {
        DocumentContent content = SampleDocuments.issued(t, 12);
        assertThat(templates.missing(content)).as("sample data is complete").isEmpty();

        RenderedDocument r = templates.render(content);

        String partyName = content.parties().isEmpty() ? null : content.parties().values().iterator().next().name();
        String number = t.numbered() ? "（津东丽）应急" + t.prefix() + "〔2026〕12号" : null;
        String pdfText;
        try (PDDocument pdf = Loader.loadPDF(r.pdf())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(r.pages());
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
            pdfText = new PDFTextStripper().getText(pdf).replaceAll("[ \\u2009]", "");
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    assertThat(f.isEmbedded()).as("font %s embedded", f.getName()).isTrue();
                    if (f instanceof PDType0Font) assertThat(f.getName()).contains("NotoSansSC");
                }
            }
        }
        assertThat(pdfText).contains(t.title()).contains("共" + r.pages() + "页").contains("核验码K7Q2-M9XD");
        if (number != null) assertThat(pdfText).contains(number);
        if (partyName != null) assertThat(pdfText).contains(partyName);

        String docxText;
        try (var docx = new XWPFDocument(new ByteArrayInputStream(r.docx())); var ex = new XWPFWordExtractor(docx)) {
            docxText = ex.getText();
            assertThat(docx.getAllPictures()).as("QR code + one drawn signature per required area").hasSize(1 + t.requiredSignatures().size());
        }
        assertThat(docxText).contains(t.title());
        if (number != null) assertThat(docxText).contains(number);
        if (partyName != null) assertThat(docxText).contains(partyName);

        String base = String.format("%03d-%s", t.filingOrder() == null ? 999 : t.filingOrder(), t.kind());
        Files.write(OUT.resolve(base + ".pdf"), r.pdf());
        Files.write(OUT.resolve(base + ".docx"), r.docx());
        toPng(OUT.resolve(base + ".pdf"), OUT.resolve(base));
    }

    /** Page 1 as PNG for a person to look at (poppler's pdftoppm; skipped quietly where it is not installed). */
    static void toPng(Path pdf, Path prefix) throws Exception {
        try {
            Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", pdf.toString(), prefix.toString())
                    .redirectErrorStream(true).start();
            p.waitFor(60, TimeUnit.SECONDS);
        } catch (java.io.IOException notInstalled) {
            // the PNG is for people; the assertions above do not depend on it
        }
    }
}
