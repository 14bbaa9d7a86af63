package cn.zhifa.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class CaseFileAssemblyTest {

    static final DocumentTemplates templates = DocumentTemplates.standard();

    static CaseFileEntry issued(String kind, int serial, List<String> unsigned) {
        TemplateSummary t = templates.find(kind).orElseThrow();
        DocumentContent c = SampleDocuments.issued(t, serial);
        RenderedDocument r = templates.render(c);
        return new CaseFileEntry(kind, t.title(), c.number() == null ? null : c.number().text(), c.date(), r.pdf(), unsigned, List.of());
    }

    static CaseFileCover cover() {
        return new CaseFileCover("GENERAL", "天津市东丽区应急管理局", SampleDocuments.UNIT + "未如实记录安全生产教育和培训情况案",
                "未如实记录安全生产教育和培训情况", "罚款人民币伍万元整", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 20),
                "赵立新、孙雪梅", LocalDate.of(2026, 3, 25), "东丽应急-2026-罚-012", "永久");
    }

    @Test
    void documents_are_filed_in_the_standard_order_behind_a_table_of_contents_with_page_numbers() throws Exception {
        // handed over in the order they happened to be issued, not in 立卷顺序
        List<CaseFileEntry> entries = new ArrayList<>(List.of(
                issued("CASE_CLOSING_APPROVAL", 3, List.of("审核人（签名）")),
                issued("INQUIRY_RECORD", 0, List.of()),
                issued("PENALTY_DECISION_UNIT", 12, List.of()),
                issued("CASE_FILING_APPROVAL", 7, List.of()),
                issued("PENALTY_NOTICE", 9, List.of()),
                issued("SERVICE_RECEIPT", 4, List.of())));

        CaseFile file = templates.assembleCaseFile(cover(), entries);

        assertThat(file.contents()).extracting(CaseFile.Item::title).containsExactly(
                "行政处罚决定书（单位）", "立案审批表", "询问笔录", "行政处罚告知书", "送达回执", "结案审批表");
        assertThat(file.contents().get(0).firstPage()).isEqualTo(1);
        for (int i = 1; i < file.contents().size(); i++) {
            assertThat(file.contents().get(i).firstPage()).isEqualTo(file.contents().get(i - 1).lastPage() + 1);
        }
        int documentPages = file.contents().get(file.contents().size() - 1).lastPage();
        assertThat(file.pages()).isEqualTo(3 + documentPages); // cover + one 卷内目录 page + 卷内备考表

        assertThat(file.missingDocuments()).containsExactly("缺少《案件调查报告》或《案件处理呈批表》（其一）");
        assertThat(file.signatureFindings()).containsExactly("《结案审批表》（津东丽）应急结〔2026〕3号：审核人（签名）未签名");
        assertThat(file.complete()).isFalse();

        try (var pdf = Loader.loadPDF(file.pdf())) {
            var strip = new PDFTextStripper();
            strip.setStartPage(2);
            strip.setEndPage(2);
            String toc = strip.getText(pdf).replaceAll("[ \\u2009\\u3000]", "");
            assertThat(toc).contains("卷内目录").contains("（津东丽）应急罚〔2026〕12号").contains("立案审批表");
            strip.setStartPage(3);
            strip.setEndPage(3);
            assertThat(strip.getText(pdf).replaceAll("[ \\u2009]", "")).contains("页号1").contains("行政处罚决定书（单位）");
            strip.setStartPage(file.pages());
            strip.setEndPage(file.pages());
            assertThat(strip.getText(pdf).replaceAll("[ \\u2009\\u3000]", "")).contains("卷内备考表")
                    .contains("本卷共有文件材料6件，共" + documentPages + "页").contains("缺少《案件调查报告》或《案件处理呈批表》（其一）");
        }
        Files.createDirectories(Path.of("target", "documents"));
        Files.write(Path.of("target", "documents", "case-file.pdf"), file.pdf());
        StandardDocumentsRenderTest.toPng(Path.of("target", "documents", "case-file.pdf"), Path.of("target", "documents", "case-file"));
    }

    @Test
    void a_complete_summary_case_has_no_findings() {
        var cover = new CaseFileCover("SUMMARY", "天津市东丽区应急管理局", "当场处罚案", "未佩戴劳动防护用品", "罚款200元",
                LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 5), "赵立新、孙雪梅", LocalDate.of(2026, 3, 6), "A-1", "30年");
        CaseFile file = templates.assembleCaseFile(cover, List.of(issued("ON_SPOT_PENALTY", 1, List.of())));
        assertThat(file.complete()).isTrue();
    }

    @Test
    void an_unknown_procedure_is_refused_in_chinese() {
        var cover = new CaseFileCover("SPECIAL", "x", "x", "x", "x", null, null, null, null, null, null);
        assertThatThrownBy(() -> templates.assembleCaseFile(cover, List.of())).hasMessageContaining("未知的案件程序：SPECIAL");
    }
}
