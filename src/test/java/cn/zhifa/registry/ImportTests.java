package cn.zhifa.registry;

import static cn.zhifa.registry.RegistryTestSupport.actAs;
import static cn.zhifa.registry.RegistryTestSupport.validUscc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.registry.internal.EnterpriseImports;
import cn.zhifa.registry.internal.EnterpriseImports.Job;
import cn.zhifa.registry.internal.EnterpriseImports.Status;
import cn.zhifa.registry.internal.EnterpriseSheet;
import cn.zhifa.shared.RuleViolation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Excel import: all-or-nothing, idempotent by USCC, every bad file refused in Chinese before anything is written. */
@ZhifaIntegrationTest
@Tag("external-db")
class ImportTests {

    @Autowired
    EnterpriseImports imports;
    @Autowired
    EnterpriseManagement registry;
    @Autowired
    UserManagement users;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void login() {
        actAs(users, "officer1");
    }

    @AfterEach
    void logout() {
        RegistryTestSupport.clear();
    }

    private long enterprises() {
        return jdbc.sql("SELECT count(*) FROM enterprise").query(Long.class).single();
    }

    @Test
    void importing_the_same_file_twice_creates_once_and_then_changes_nothing_and_an_edit_updates_with_history() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(Sheets.row("示例导入幂等测试" + i + "有限公司", validUscc("139902", 2000 + i), "13990200" + (1 + i), "40"));
        }
        byte[] file = Sheets.xlsx(EnterpriseSheet.HEADERS, rows);
        long before = enterprises();

        Job first = imports.runNow("企业.xlsx", file);
        assertThat(first.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(first.created()).isEqualTo(3);
        assertThat(first.message()).contains("新增 3 家");
        assertThat(enterprises()).isEqualTo(before + 3);
        for (int i = 0; i < 3; i++) {
            EnterpriseSummary created = registry.findByUscc(validUscc("139902", 2000 + i)).orElseThrow();
            assertThat(registry.profile(created.id()).history()).as("one registration entry per imported firm")
                    .filteredOn(h -> h.field().equals("登记")).singleElement()
                    .satisfies(h -> assertThat(h.source()).isEqualTo("导入"));
        }

        Job again = imports.runNow("企业.xlsx", file);
        assertThat(again.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(enterprises()).isEqualTo(before + 3);

        rows.get(1).set(12, "55");
        Job edited = imports.runNow("企业.xlsx", Sheets.xlsx(EnterpriseSheet.HEADERS, rows));
        assertThat(edited.updated()).isEqualTo(1);
        EnterpriseSummary changed = registry.findByUscc(validUscc("139902", 2001)).orElseThrow();
        assertThat(changed.employees()).isEqualTo(55);
        assertThat(registry.profile(changed.id()).history()).anySatisfy(h -> {
            assertThat(h.field()).isEqualTo("从业人数");
            assertThat(h.oldValue()).isEqualTo("40");
            assertThat(h.newValue()).isEqualTo("55");
            assertThat(h.source()).isEqualTo("导入");
        });
    }

    @Test
    void one_bad_row_rejects_the_whole_file_and_the_report_names_every_error_by_row_and_column() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        rows.add(Sheets.row("示例全有全无甲有限公司", validUscc("139902", 2100), "139902001", "10"));
        List<String> bad = Sheets.row("示例全有全无乙有限公司", "91350100M000100Y44", "139999001", "-5");
        bad.set(11, "Z99");
        bad.set(15, "危化品使用、会飞");
        rows.add(bad);
        rows.add(Sheets.row("示例全有全无丙有限公司", validUscc("139902", 2100), "139902002", "十个"));
        long before = enterprises();

        Job job = imports.runNow("有错误.xlsx", Sheets.xlsx(EnterpriseSheet.HEADERS, rows));

        assertThat(job.status()).isEqualTo(Status.REJECTED);
        assertThat(job.message()).contains("整个文件未导入");
        assertThat(enterprises()).isEqualTo(before);
        byte[] report = imports.errorReport(job.id()).orElseThrow();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report))) {
            var sheet = workbook.getSheetAt(0);
            int errorColumn = EnterpriseSheet.HEADERS.size() + 1;
            assertThat(sheet.getRow(0).getCell(errorColumn).getStringCellValue()).isEqualTo("错误说明");
            assertThat(sheet.getRow(1).getCell(errorColumn).getStringCellValue()).isEmpty();
            String second = sheet.getRow(2).getCell(errorColumn).getStringCellValue();
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("3");
            assertThat(second).contains("【统一社会信用代码】校验码错误", "【行业代码（GB/T 4754 大类）】", "【从业人数】从业人数不能为负数",
                    "【风险特征】风险特征“会飞”不在可选范围内");
            String third = sheet.getRow(3).getCell(errorColumn).getStringCellValue();
            assertThat(third).contains("从业人数应为整数", "与第 2 行的统一社会信用代码重复");
        }
    }

    @Test
    void a_file_that_is_not_xlsx_or_is_empty_is_refused_before_parsing() {
        long before = enterprises();
        assertThatThrownBy(() -> imports.runNow("企业.csv", "名称,代码\n甲,乙".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("只接受 Excel 2007 及以上的 .xlsx 文件");
        assertThatThrownBy(() -> imports.runNow("伪装.xlsx", "not a zip at all".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("只接受 Excel 2007 及以上的 .xlsx 文件");
        assertThatThrownBy(() -> imports.runNow("空.xlsx", new byte[0])).hasMessageContaining("上传的文件为空");
        assertThat(enterprises()).isEqualTo(before);
    }

    @Test
    void wrong_headers_a_header_without_rows_and_a_blank_sheet_are_refused_in_chinese() throws Exception {
        List<String> header = new ArrayList<>(EnterpriseSheet.HEADERS);
        header.set(2, "法人");
        assertThat(imports.runNow("表头.xlsx", Sheets.xlsx(header, List.of(Sheets.row("示例表头有限公司", validUscc("139902", 2200), "139902001", "1")))).message())
                .contains("表头不正确：第 3 列应为“法定代表人”，实际为“法人”");
        assertThat(imports.runNow("只有表头.xlsx", Sheets.xlsx(EnterpriseSheet.HEADERS, List.of())).message()).contains("文件中没有企业数据");
        assertThat(imports.runNow("空表.xlsx", Sheets.xlsx(List.of(), List.of())).message()).contains("文件是空的");
    }

    @Test
    void more_than_the_row_limit_is_refused_without_writing() throws Exception {
        int limit = imports.limits().maxRows();
        List<List<String>> rows = new ArrayList<>();
        // one cell a row: the limit counts rows before any is read, and a full row (19 cells) made the file 19 times as
        // long to write and to read
        List<String> row = List.of("示例超限有限公司");
        for (int i = 0; i <= limit; i++) {
            rows.add(row);
        }
        long before = enterprises();
        Job job = imports.runNow("十万行.xlsx", Sheets.xlsx(EnterpriseSheet.HEADERS, rows));
        assertThat(job.status()).isEqualTo(Status.REJECTED);
        assertThat(job.message()).contains("超过 " + limit + " 行企业数据的上限");
        assertThat(enterprises()).isEqualTo(before);
    }

    @Test
    void a_fifty_megabyte_cell_is_refused_without_reading_it_into_the_registry() throws Exception {
        Job job = imports.runNow("巨大单元格.xlsx", Sheets.hugeCell(50 * 1024 * 1024 / 3));
        assertThat(job.status()).isEqualTo(Status.REJECTED);
        assertThat(job.message()).containsAnyOf("超过单元格上限", "解压后的数据量远超文件大小");
    }
}
