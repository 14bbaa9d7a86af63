package cn.zhifa.publicity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.publicity.Channel;
import cn.zhifa.publicity.ExchangeFile;
import cn.zhifa.shared.RuleViolation;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ExchangeRowsTests {

    static final String AUTHORITY = "示例市东城区应急管理局";
    final ExchangeRows rows = new ExchangeRows(new PublicityRules(PublicityRules.defaults().publicationPeriod(),
            PublicityRules.defaults().withdrawalPeriod(), PublicityRules.defaults().expiryPeriod(),
            PublicityRules.defaults().earliestEndPeriod(), 2, "", Map.of(AUTHORITY, "11139902MB01965706")));

    static Publication published(boolean person, String code, String fine) {
        DecisionFacts facts = new DecisionFacts(1L, "案〔2026〕00001号", 7L, "（东城）应急罚〔2026〕9号", person,
                person ? "孙某" : "示例化工有限公司", code, person ? null : "王某", "示例市东城区龙湖镇幸福村12号",
                "危险作业未安排专门人员进行现场安全管理", "孙某（电话13812345678）在示例市东城区龙湖镇幸福村12号组织动火作业无人监护",
                "《中华人民共和国安全生产法》第101条", "罚款人民币" + fine + "元，责令停产停业整顿", "责令停产停业整顿",
                new BigDecimal(fine), LocalDate.of(2026, 3, 10));
        Publication p = Publication.awaiting(facts, AUTHORITY, PublicationTests.PERIODS.publicationDue(facts.decidedOn()));
        p.publish(LocalDate.of(2026, 3, 12), Set.of(), "李局长", PublicationTests.PERIODS.expiresOn(facts.decidedOn()));
        return p;
    }

    @Test
    void a_unit_row_carries_the_national_fields_with_amounts_in_wan_yuan_to_six_decimals() {
        List<String> row = rows.row(published(false, "91350100M000100Y43", "12345.67"));
        assertThat(ExchangeRows.FIELDS).hasSize(row.size());
        assertThat(value(row, "行政相对人名称*")).isEqualTo("示例化工有限公司");
        assertThat(value(row, "行政相对人类别*")).isEqualTo("法人及非法人组织");
        assertThat(value(row, "统一社会信用代码")).isEqualTo("91350100M000100Y43");
        assertThat(value(row, "法定代表人")).isEqualTo("王某");
        assertThat(value(row, "罚款金额（万元）")).isEqualTo("1.234567");
        assertThat(value(row, "没收违法所得、没收非法财物的金额（万元）")).isEqualTo("0.000000");
        assertThat(value(row, "处罚类别*")).isEqualTo("罚款;责令停产停业");
        assertThat(value(row, "处罚决定日期*")).isEqualTo("2026-03-10");
        assertThat(value(row, "公示截止期*")).isEqualTo("2029-03-10");
        assertThat(value(row, "处罚机关统一社会信用代码*")).isEqualTo("11139902MB01965706");
        assertThat(ExchangeRows.wan(new BigDecimal("1500000.00"))).isEqualTo("150.000000");
    }

    @Test
    void a_persons_row_masks_the_id_number_phone_and_address() {
        List<String> row = rows.row(published(true, "11010519491231002X", "30000"));
        assertThat(value(row, "行政相对人类别*")).isEqualTo("自然人");
        assertThat(value(row, "统一社会信用代码")).isEmpty();
        assertThat(value(row, "证件类型")).isEqualTo("身份证");
        assertThat(value(row, "证件号码")).isEqualTo("110105********002X");
        assertThat(value(row, "违法事实*")).contains("138****5678").contains("示例市东城区****").doesNotContain("幸福村");
    }

    @Test
    void the_csv_has_the_header_and_rows_and_the_xlsx_reads_back() throws Exception {
        ExchangeFile csv = rows.file(List.of(published(false, "91350100M000100Y43", "40000")), false,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), Channel.CREDIT_CHINA);
        String text = new String(csv.content(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF\"行政相对人名称\",\"行政相对人类别\",\"统一社会信用代码\"");
        assertThat(text).contains("\"4.000000\"").contains("\"（东城）应急罚〔2026〕9号\"");
        assertThat(text.lines()).hasSize(2);
        assertThat(csv.fileName()).endsWith(".csv").contains("信用中国");

        ExchangeFile xlsx = rows.file(List.of(published(false, "91350100M000100Y43", "40000")), true,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), Channel.ENTERPRISE_CREDIT);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.content()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("行政相对人名称");
            assertThat(sheet.getRow(1).getCell(ExchangeRows.FIELDS.indexOf("罚款金额（万元）")).getStringCellValue()).isEqualTo("4.000000");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
        }
    }

    @Test
    void a_file_with_an_invalid_uscc_or_a_missing_code_is_refused_with_each_problem() {
        assertThatThrownBy(() -> rows.file(List.of(published(false, "91350100M000100Y44", "40000"), published(false, null, "1000")),
                false, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), Channel.CREDIT_CHINA))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("统一社会信用代码无效")
                .hasMessageContaining("未生成文件");
        ExchangeRows unconfigured = new ExchangeRows(PublicityRules.defaults());
        assertThatThrownBy(() -> unconfigured.file(List.of(published(false, "91350100M000100Y43", "40000")), false,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), Channel.CREDIT_CHINA))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("“处罚机关统一社会信用代码”为空");
    }

    private static String value(List<String> row, String field) {
        return row.get(ExchangeRows.FIELDS.indexOf(field));
    }
}
