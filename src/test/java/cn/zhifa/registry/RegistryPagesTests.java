package cn.zhifa.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.registry.internal.EnterpriseSheet;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Pages and API of the registry through the real security chain. */
@ZhifaIntegrationTest
class RegistryPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserManagement users;

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(Tokens.DEMO_PASSWORD)).andReturn().getRequest().getSession();
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void the_list_filters_and_the_profile_shows_key_data_risks_and_the_timeline() throws Exception {
        MockHttpSession supervisor = login("supervisor1");
        String list = page(supervisor, "/registry/enterprises?risk=MAJOR_HAZARD&status=OPERATING&sort=NAME");
        assertThat(list).contains("企业库", "重大危险源", "共 ");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/registry/enterprises/(\\d+)\"").matcher(list);
        assertThat(link.find()).isTrue();
        String id = link.group(1);
        String profile = page(supervisor, "/registry/enterprises/" + id);
        assertThat(profile).contains("基本信息", "执法档案时间线", "变更历史", "重大危险源");
        assertThat(page(supervisor, "/registry/statistics")).contains("执法参与率", "chart-risk");
        assertThat(page(supervisor, "/registry/officers")).contains("持证执法人员", "天内到期");
        assertThat(page(supervisor, "/registry/agencies")).contains("安全评价");
        assertThat(page(supervisor, "/registry/supervisors")).contains("社会监督员");
    }

    @Test
    void an_export_of_a_filtered_list_is_an_xlsx_in_the_template_columns_with_personal_data_masked() throws Exception {
        MockHttpSession officer = login("officer1");
        byte[] xlsx = mvc.perform(get("/registry/enterprises/export.xlsx?level=DISTRICT").session(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(EnterpriseSheet.HEADERS.get(0));
            assertThat(sheet.getLastRowNum()).isPositive();
            assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).contains("****");
            assertThat(sheet.getRow(1).getCell(18).getStringCellValue()).isEqualTo("区级");
        }
        byte[] template = mvc.perform(get("/registry/import/template.xlsx").session(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(template).startsWith(0x50, 0x4B);
    }

    @Test
    void an_upload_runs_in_the_background_and_its_progress_page_reports_the_result() throws Exception {
        MockHttpSession officer = login("officer1");
        byte[] file = Sheets.xlsx(EnterpriseSheet.HEADERS, List.of(
                Sheets.row("示例页面导入测试有限公司", RegistryTestSupport.validUscc("139902", 2300), "139902003", "12")));
        String location = mvc.perform(multipart("/registry/import").file(new MockMultipartFile("file", "企业.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file)).session(officer).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/registry/import/");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> page(officer, location + "/status").contains("job-result"));
        assertThat(page(officer, location)).contains("导入完成：新增 1 家");

        String refused = mvc.perform(multipart("/registry/import").file(new MockMultipartFile("file", "企业.xls",
                        "application/vnd.ms-excel", new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})).session(officer).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("只接受 Excel 2007 及以上的 .xlsx 文件");
    }

    @Test
    void a_form_with_bad_input_shows_chinese_messages_and_registers_nothing() throws Exception {
        MockHttpSession officer = login("officer1");
        String page = mvc.perform(post("/registry/enterprises").session(officer).with(csrf())
                        .param("name", "示例表单测试有限公司").param("uscc", "123").param("legalRepresentative", "张三")
                        .param("townCode", "139902001").param("industry", "C33").param("employees", "很多")
                        .param("status", "OPERATING").param("level", "DISTRICT"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("从业人数格式不正确");
        page = mvc.perform(post("/registry/enterprises").session(officer).with(csrf())
                        .param("name", "示例表单测试有限公司").param("uscc", "123").param("legalRepresentative", "张三")
                        .param("townCode", "139902001").param("industry", "C33").param("employees", "-3")
                        .param("status", "OPERATING").param("level", "DISTRICT"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("统一社会信用代码应为18位", "从业人数不能为负数");
    }

    @Test
    void the_api_searches_in_scope_and_answers_whether_an_officer_may_enforce() throws Exception {
        String token = Tokens.bearer(mvc, "officer1");
        String body = mvc.perform(get("/api/v1/enterprises").param("level", "DISTRICT").header("Authorization", token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].uscc").exists()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.items[*].supervisionLevel")).containsOnly("DISTRICT");
        long revoked = users.findByUsername("zf038").orElseThrow().id();
        mvc.perform(get("/api/v1/officers/" + revoked + "/may-enforce").header("Authorization", token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.allowed").value(false));
        mvc.perform(post("/api/v1/enterprises").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"示例接口测试有限公司","uscc":"91350100M000100Y44","legalRepresentative":"张三","townCode":"139902001",
                                 "industry":"C33","employees":5,"status":"OPERATING","level":"DISTRICT","riskFeatures":[]}"""))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("校验码错误")));
        mvc.perform(get("/api/v1/enterprises").header("Authorization", Tokens.bearer(mvc, "admin"))).andExpect(status().isForbidden());
    }

    @Test
    void the_social_supervisor_list_is_public_and_masks_phones() throws Exception {
        String page = mvc.perform(get("/public/supervisors")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("安全生产社会监督员名单", "****").doesNotContain("技术检查员");
    }
}
