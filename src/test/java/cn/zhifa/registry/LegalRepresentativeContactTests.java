package cn.zhifa.registry;

import static cn.zhifa.registry.RegistryTestSupport.actAs;
import static cn.zhifa.registry.RegistryTestSupport.validUscc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
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

    @Test
    void the_edit_form_hints_the_phones_and_the_id_number_masked_keeps_them_when_left_empty_and_a_typed_one_replaces_it()
            throws Exception {
        String uscc = validUscc("139902", 2703);
        List<String> row = new ArrayList<>(Sheets.row("示例电话修改测试有限公司", uscc, "139902001", "30"));
        row.set(3, "11010519491231002X");
        row.set(5, "13812345671");
        row.add("总经理");
        row.add("0591-87654322");
        var imported = imports.runNow("电话修改.xlsx", Sheets.xlsx(EnterpriseSheet.HEADERS, List.of(row)));
        assertThat(imported.status()).as(imported.message()).isEqualTo(Status.SUCCEEDED);
        long id = registry.findByUscc(uscc).orElseThrow().id();
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("officer1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();

        String form = mvc.perform(get("/registry/enterprises/" + id + "/edit").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).doesNotContain("13812345671").doesNotContain("87654322").doesNotContain("13900000000")
                .doesNotContain("11010519491231002X").contains("placeholder=\"已登记 110105********002X\"")
                .contains("id=\"legalRepresentativeId-kept\">已登记 110105********002X，不修改请留空；填写新号码则替换。</div>")
                .contains("placeholder=\"已登记 059****4322\"").contains("placeholder=\"已登记 138****5671\"")
                .contains("placeholder=\"已登记 139****0000\"")
                .contains("id=\"legalRepresentativePhone-kept\">已登记 059****4322，不修改请留空；填写新号码则替换。</div>")
                .doesNotContainPattern("id=\"legalRepresentativePhone\"[^>]*value=\"[^\"]");

        // refused for another field, the form shows what was typed and the stored numbers still masked
        String refused = mvc.perform(post("/registry/enterprises/" + id).session(session).with(csrf())
                        .param("version", String.valueOf(profile(id).version())).param("name", "示例电话修改测试有限公司")
                        .param("uscc", uscc).param("legalRepresentative", "张三").param("townCode", "139902001")
                        .param("industry", "C33").param("employees", "-3").param("status", "OPERATING").param("level", "DISTRICT")
                        .param("legalRepresentativePhone", "13612349999").param("principalPhone", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("从业人数不能为负数").contains("value=\"13612349999\"").contains("已登记 138****5671")
                .doesNotContain("13812345671").doesNotContain("87654322");

        // a field that cannot even be read as a number (the form is not bound at all): the typed phone still comes back
        String unreadable = mvc.perform(post("/registry/enterprises/" + id).session(session).with(csrf())
                        .param("version", String.valueOf(profile(id).version())).param("name", "示例电话修改测试有限公司")
                        .param("uscc", uscc).param("legalRepresentative", "张三").param("townCode", "139902001")
                        .param("industry", "C33").param("employees", "很多").param("status", "OPERATING").param("level", "DISTRICT")
                        .param("legalRepresentativePhone", "13612348888").param("principalPhone", "")
                        .param("legalRepresentativeId", "110105194912310037"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(unreadable).contains("value=\"13612348888\"").contains("已登记 138****5671").doesNotContain("13812345671")
                .as("the typed ID number comes back too").contains("value=\"110105194912310037\"");

        // left empty, every phone is kept; the other fields change
        long phoneChanges = profile(id).history().stream().filter(h -> h.field().endsWith("电话")).count();
        assertThat(save(id, session, "", 31).getRedirectedUrl()).isEqualTo("/registry/enterprises/" + id);
        EnterpriseForm kept = profile(id).form();
        assertThat(kept.employees()).isEqualTo(31);
        assertThat(kept.legalRepresentativePhone()).isEqualTo("0591-87654322");
        assertThat(kept.principalPhone()).isEqualTo("13812345671");
        assertThat(kept.safetyPhone()).isEqualTo("13900000000");
        assertThat(kept.legalRepresentativeId()).isEqualTo("11010519491231002X");
        assertThat(profile(id).history().stream().filter(h -> h.field().endsWith("电话")).count()).isEqualTo(phoneChanges);

        // typed, it replaces the stored one (the history keeps it masked)
        assertThat(save(id, session, "13712340022", 31).getRedirectedUrl()).isEqualTo("/registry/enterprises/" + id);
        assertThat(profile(id).form().legalRepresentativePhone()).isEqualTo("13712340022");
        assertThat(profile(id).form().principalPhone()).isEqualTo("13812345671");
        assertThat(profile(id).history()).anySatisfy(h -> {
            assertThat(h.field()).isEqualTo("法定代表人电话");
            assertThat(h.newValue()).isEqualTo("137****0022");
        });

        assertThat(save(id, session, "", 31, "110101199003074477").getRedirectedUrl()).isEqualTo("/registry/enterprises/" + id);
        assertThat(profile(id).form().legalRepresentativeId()).isEqualTo("110101199003074477");
        assertThat(profile(id).history()).anySatisfy(h -> {
            assertThat(h.field()).isEqualTo("法定代表人身份证号");
            assertThat(h.newValue()).isEqualTo("110101********4477");
        });
    }

    @Test
    void the_api_answers_the_phone_masked_and_the_full_number_only_through_the_audited_reveal() throws Exception {
        String uscc = validUscc("139902", 2704);
        List<String> row = new ArrayList<>(Sheets.row("示例接口电话测试有限公司", uscc, "139902001", "30"));
        row.add("总经理");
        row.add("13612340033");
        var imported = imports.runNow("接口电话.xlsx", Sheets.xlsx(EnterpriseSheet.HEADERS, List.of(row)));
        assertThat(imported.status()).as(imported.message()).isEqualTo(Status.SUCCEEDED);
        long id = registry.findByUscc(uscc).orElseThrow().id();
        String token = Tokens.bearer(mvc, "officer1");

        String summary = mvc.perform(get("/api/v1/enterprises/" + id).header("Authorization", token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(summary).contains("\"legalRepresentativePhone\":\"136****0033\"").doesNotContain("13612340033");

        long reveals = reveals(id);
        String revealed = mvc.perform(get("/api/v1/enterprises/" + id + "/phone").header("Authorization", token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(revealed).contains("\"field\":\"legalRepresentativePhone\"").contains("\"label\":\"法定代表人电话\"")
                .contains("\"phone\":\"13612340033\"");
        assertThat(reveals(id)).as("the reveal is audited as a read of personal data").isEqualTo(reveals + 1);

        String docs = mvc.perform(get("/v3/api-docs").header("Authorization", Tokens.bearer(mvc, "admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(docs).contains("/api/v1/enterprises/{id}/phone").contains("记入审计日志");
    }

    private MockHttpServletResponse save(long id, MockHttpSession session, String legalRepresentativePhone, int employees)
            throws Exception {
        return save(id, session, legalRepresentativePhone, employees, "");
    }

    /**
     * Saves the firm's edit form as the page posts it: its stored values, the phones and the ID number left empty unless
     * one is typed.
     */
    private MockHttpServletResponse save(long id, MockHttpSession session, String legalRepresentativePhone, int employees,
                                         String legalRepresentativeId) throws Exception {
        EnterpriseProfile profile = profile(id);
        EnterpriseForm f = profile.form().withoutPersonalNumbers();
        MockHttpServletRequestBuilder post = post("/registry/enterprises/" + id).session(session).with(csrf())
                .param("version", String.valueOf(profile.version())).param("name", f.name()).param("uscc", f.uscc())
                .param("legalRepresentative", f.legalRepresentative()).param("legalRepresentativeId", legalRepresentativeId)
                .param("legalRepresentativeTitle", f.legalRepresentativeTitle())
                .param("legalRepresentativePhone", legalRepresentativePhone).param("principalLeader", f.principalLeader())
                .param("principalPhone", "").param("safetyManager", f.safetyManager()).param("safetyPhone", "")
                .param("registeredAddress", f.registeredAddress()).param("operatingAddress", f.operatingAddress())
                .param("townCode", f.townCode()).param("industry", f.industry()).param("employees", String.valueOf(employees))
                .param("annualOutputWan", f.annualOutputWan().toPlainString()).param("status", f.status().name())
                .param("level", f.level().name()).param("whitelisted", "false");
        f.riskFeaturesOrEmpty().forEach(r -> post.param("riskFeatures", r.name()));
        MockHttpServletResponse response = mvc.perform(post).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(302);
        return response;
    }

    /** The firm's profile as officer1 reads it (a request through MockMvc leaves the test thread without an actor). */
    private EnterpriseProfile profile(long id) {
        actAs(users, "officer1");
        return registry.profile(id);
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
