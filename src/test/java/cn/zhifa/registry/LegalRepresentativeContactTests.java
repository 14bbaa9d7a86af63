package cn.zhifa.registry;

import static cn.zhifa.registry.RegistryTestSupport.actAs;
import static cn.zhifa.registry.RegistryTestSupport.validUscc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.registry.internal.EnterpriseExports;
import cn.zhifa.registry.internal.EnterpriseImports;
import cn.zhifa.registry.internal.EnterpriseImports.Status;
import cn.zhifa.registry.internal.EnterpriseSheet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The registry keeps the legal representative's 职务 and phone: optional import and export columns (a file made before
 * them still imports and keeps what is stored), checked like the other phones, shown on the firm's page masked (the full
 * number only when asked for, and that read is audited).
 */
@ZhifaIntegrationTest
class LegalRepresentativeContactTests {

    @Autowired
    EnterpriseImports imports;
    @Autowired
    EnterpriseExports exports;
    @Autowired
    EnterpriseManagement registry;
    @Autowired
    UserManagement users;
    @Autowired
    MockMvc mvc;
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

    @Test
    void title_and_phone_import_export_and_show_and_an_old_file_keeps_them() throws Exception {
        String uscc = validUscc("139902", 2700);
        String name = "示例职务导入测试有限公司";
        List<String> oldHeader = EnterpriseSheet.HEADERS.subList(0, EnterpriseSheet.OPTIONAL_FROM);
        assertThat(EnterpriseSheet.HEADERS.subList(EnterpriseSheet.OPTIONAL_FROM, EnterpriseSheet.HEADERS.size()))
                .containsExactly("法定代表人职务", "法定代表人电话");

        // a file made before the columns existed still imports
        var old = imports.runNow("旧模板.xlsx", Sheets.xlsx(oldHeader, List.of(Sheets.row(name, uscc, "139902001", "30"))));
        assertThat(old.status()).as(old.message()).isEqualTo(Status.SUCCEEDED);
        EnterpriseSummary firm = registry.findByUscc(uscc).orElseThrow();
        assertThat(registry.find(firm.id()).orElseThrow().legalRepresentativeTitle()).isNull();

        List<String> row = new ArrayList<>(Sheets.row(name, uscc, "139902001", "30"));
        row.add("执行董事");
        row.add("0591-87654321");
        var full = imports.runNow("新模板.xlsx", Sheets.xlsx(EnterpriseSheet.HEADERS, List.of(row)));
        assertThat(full.status()).as(full.message()).isEqualTo(Status.SUCCEEDED);
        assertThat(full.updated()).isEqualTo(1);
        EnterpriseSummary stored = registry.find(firm.id()).orElseThrow();
        assertThat(stored.legalRepresentativeTitle()).isEqualTo("执行董事");
        assertThat(stored.legalRepresentativePhone()).isEqualTo("0591-87654321");
        assertThat(registry.profile(firm.id()).history()).anySatisfy(h -> {
            assertThat(h.field()).isEqualTo("法定代表人职务");
            assertThat(h.newValue()).isEqualTo("执行董事");
        });

        // re-importing the old file changes nothing it does not carry
        imports.runNow("旧模板.xlsx", Sheets.xlsx(oldHeader, List.of(Sheets.row(name, uscc, "139902001", "30"))));
        assertThat(registry.find(firm.id()).orElseThrow().legalRepresentativeTitle()).isEqualTo("执行董事");

        // a bad phone is refused by row and column
        row.set(EnterpriseSheet.OPTIONAL_FROM + 1, "12345");
        var bad = imports.runNow("错误电话.xlsx", Sheets.xlsx(EnterpriseSheet.HEADERS, List.of(row)));
        assertThat(bad.status()).isEqualTo(Status.REJECTED);
        try (XSSFWorkbook report = new XSSFWorkbook(new ByteArrayInputStream(imports.errorReport(bad.id()).orElseThrow()))) {
            Row first = report.getSheetAt(0).getRow(1);
            assertThat(new DataFormatter().formatCellValue(first.getCell(first.getLastCellNum() - 1)))
                    .contains("【法定代表人电话】").contains("格式不正确");
        }
        assertThat(registry.find(firm.id()).orElseThrow().legalRepresentativePhone()).isEqualTo("0591-87654321");

        // the export carries both columns (the phone masked, as the other phones)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.export(EnterpriseQuery.all().withKeyword(uscc), out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            DataFormatter cells = new DataFormatter();
            Row header = book.getSheetAt(0).getRow(0);
            Row exported = book.getSheetAt(0).getRow(1);
            assertThat(cells.formatCellValue(header.getCell(EnterpriseSheet.OPTIONAL_FROM))).isEqualTo("法定代表人职务");
            assertThat(cells.formatCellValue(exported.getCell(EnterpriseSheet.OPTIONAL_FROM))).isEqualTo("执行董事");
            assertThat(cells.formatCellValue(exported.getCell(EnterpriseSheet.OPTIONAL_FROM + 1))).isEqualTo("059****4321");
        }

        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("officer1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        String page = mvc.perform(get("/registry/enterprises/" + firm.id()).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        // the page shows the phone masked, like the export; the full number is an audited read (个人信息查阅)
        assertThat(page).contains("id=\"legal-representative-title\">执行董事</dd>")
                .contains("id=\"legal-representative-phone\">059****4321</span>").doesNotContain("87654321")
                .contains("hx-get=\"/registry/enterprises/" + firm.id() + "/phone\"").contains("查看完整号码");
        long reveals = reveals(firm.id());
        String revealed = mvc.perform(get("/registry/enterprises/" + firm.id() + "/phone").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(revealed).isEqualTo("<span class=\"text-break\" id=\"legal-representative-phone-full\">0591-87654321</span>");
        assertThat(reveals(firm.id())).isEqualTo(reveals + 1);
        String form = mvc.perform(get("/registry/enterprises/" + firm.id() + "/edit").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"legalRepresentativeTitle\"").contains("value=\"执行董事\"");
    }

    @Test
    void a_firm_without_a_representative_phone_shows_a_dash_and_nothing_to_reveal() throws Exception {
        String uscc = validUscc("139902", 2702);
        var imported = imports.runNow("无电话.xlsx", Sheets.xlsx(EnterpriseSheet.HEADERS.subList(0, EnterpriseSheet.OPTIONAL_FROM),
                List.of(Sheets.row("示例无电话测试有限公司", uscc, "139902001", "30"))));
        assertThat(imported.status()).as(imported.message()).isEqualTo(Status.SUCCEEDED);
        long id = registry.findByUscc(uscc).orElseThrow().id();
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("officer1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        String page = mvc.perform(get("/registry/enterprises/" + id).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"legal-representative-phone\">—</span>").doesNotContain("查看完整号码");
        String refused = mvc.perform(get("/registry/enterprises/" + id + "/phone").session(session)).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(refused).contains("该企业未登记法定代表人电话");
    }

    private long reveals(long firm) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = '查看企业法定代表人电话' AND outcome = 'SUCCESS' AND target_id = :id")
                .param("id", String.valueOf(firm)).query(Long.class).single();
    }

    @Test
    void a_bad_representative_phone_is_named_in_the_forms_problems() {
        EnterpriseForm form = new EnterpriseForm("示例有限公司", validUscc("139902", 2701), "张三", null, null, null, null, null,
                null, null, "139902001", "C33", 10, null, EnterpriseStatus.OPERATING, null, null, false,
                SupervisionLevel.DISTRICT, "总经理", "12345");
        assertThat(form.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("法定代表人电话");
            assertThat(p.message()).contains("格式不正确");
        });
    }
}
