package cn.zhifa.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.reporting.ReportingManagement;
import cn.zhifa.reporting.WorkFigure;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 普法, 帮扶 and the letters through the pages of 东城's brigade: bad input is shown on the form and stores nothing, an
 * activity counts in the annual figures at once, a 警示函 is a numbered document whose PDF reads back with the firm and
 * its number and sits on the firm's profile, the expert's phone is sealed in the table and masked on the list.
 */
@ZhifaIntegrationTest
class OutreachTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ReportingManagement reporting;
    @Autowired DocumentManagement documents;
    @Autowired UserManagement users;
    @Autowired cn.zhifa.TestClock clock;

    long brigade;
    long ownFirm;
    MockHttpSession officer;

    @BeforeEach
    void setUp() throws Exception {
        brigade = users.findByUsername("officer1").orElseThrow().organizationId();
        ownFirm = jdbc.sql("SELECT e.id FROM enterprise e WHERE e.organization_id = ? AND e.status = 'OPERATING' "
                + "AND e.merged_into IS NULL ORDER BY e.id LIMIT 1").param(brigade).query(Long.class).single();
        officer = login("officer1");
    }

    @AfterEach
    void clean() {
        SecurityContextHolder.clearContext();
        jdbc.sql("DELETE FROM outreach_activity WHERE title LIKE '测试：%'").update();
        jdbc.sql("DELETE FROM outreach_expert WHERE name = '测试专家' AND id NOT IN (SELECT expert_id FROM outreach_visit_expert)").update();
    }

    @Test
    void the_demo_brigades_annual_figures_carry_its_outreach_and_a_new_activity_counts_at_once() throws Exception {
        int year = LocalDate.now(clock).getYear();
        long quizPeople = jdbc.sql("SELECT coalesce(sum(people_reached), 0) FROM outreach_activity WHERE organization_id = ? "
                + "AND kind = 'QUIZ' AND extract(year FROM held_on) = ?").params(brigade, year).query(Long.class).single();
        long visits = jdbc.sql("SELECT count(*) FROM outreach_visit WHERE organization_id = ? AND extract(year FROM visited_on) = ?")
                .params(brigade, year).query(Long.class).single();
        assertThat(quizPeople).as("the demo's quiz: 1,843 people").isGreaterThanOrEqualTo(1843);
        assertThat(visits).as("the demo's visits").isGreaterThanOrEqualTo(6);

        List<WorkFigure> figures = figures(year);
        assertThat(figures).contains(WorkFigure.count("普法宣传", "参加答题", quizPeople, "人"),
                WorkFigure.count("执法+普法+服务", "走访帮扶企业", visits, "家次"));
        assertThat(value(figures, "专家参与帮扶")).isGreaterThanOrEqualTo(6);
        assertThat(value(figures, "下发警示函")).isGreaterThanOrEqualTo(1);
        long liveBefore = value(figures, "直播课观看");

        MockHttpServletResponse recorded = mvc.perform(post("/outreach/activities").session(officer).with(csrf())
                .param("kind", "LIVE").param("title", "测试：惠企安全空中课堂").param("heldOn", LocalDate.now(clock).toString())
                .param("place", "网络直播").param("organizer", "东城区执法大队").param("peopleReached", "500")).andReturn().getResponse();
        assertThat(recorded.getRedirectedUrl()).isEqualTo("/outreach/activities");
        assertThat(value(figures(year), "直播课观看")).isEqualTo(liveBefore + 500);
        assertThat(page("/outreach/activities?kind=LIVE&q=测试")).contains("测试：惠企安全空中课堂").contains("受众 500 人");

        MockHttpServletResponse xlsx = mvc.perform(get("/outreach/activities.xlsx").param("q", "测试").session(officer))
                .andReturn().getResponse();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("活动类型");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("直播");
            assertThat(sheet.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(500.0);
        }
    }

    @Test
    void bad_input_is_shown_on_the_form_in_chinese_and_stores_nothing() throws Exception {
        long activities = count("outreach_activity");
        String noTitle = body(mvc.perform(post("/outreach/activities").session(officer).with(csrf())
                .param("kind", "QUIZ").param("heldOn", LocalDate.now(clock).toString()).param("place", "线上")
                .param("organizer", "东城区执法大队").param("peopleReached", "30")).andReturn().getResponse());
        assertThat(noTitle).contains("id=\"activity-form-error\"").contains("请填写活动名称。");
        String notANumber = body(mvc.perform(post("/outreach/activities").session(officer).with(csrf())
                .param("kind", "QUIZ").param("title", "测试：答题").param("heldOn", LocalDate.now(clock).toString())
                .param("place", "线上").param("organizer", "东城区执法大队").param("peopleReached", "三十")).andReturn().getResponse());
        assertThat(notANumber).contains("请检查日期和人数的填写格式。");
        assertThat(count("outreach_activity")).isEqualTo(activities);

        long visits = count("outreach_visit");
        String noAdvice = body(mvc.perform(post("/outreach/visits").session(officer).with(csrf())
                .param("enterpriseId", String.valueOf(ownFirm)).param("visitedOn", LocalDate.now(clock).toString())
                .param("problems", "测试：未设警示标志")).andReturn().getResponse());
        assertThat(noAdvice).contains("id=\"visit-form-error\"").contains("请填写帮扶建议。").contains("id=\"visit-form\"");
        String badDate = body(mvc.perform(post("/outreach/visits").session(officer).with(csrf())
                .param("enterpriseId", String.valueOf(ownFirm)).param("visitedOn", "昨天")
                .param("problems", "测试：未设警示标志").param("advice", "设置")).andReturn().getResponse());
        assertThat(badDate).contains("请检查走访日期的填写格式。").contains("id=\"visit-form\"");
        assertThat(count("outreach_visit")).isEqualTo(visits);

        long letters = count("outreach_letter");
        String today = body(mvc.perform(post("/outreach/letters").session(officer).with(csrf())
                .param("enterpriseId", String.valueOf(ownFirm)).param("kind", "TIP").param("subject", "测试：汛期")
                .param("risks", "排水不畅").param("demands", "疏通排水").param("replyBy", LocalDate.now(clock).toString())
                .param("idempotencyKey", UUID.randomUUID().toString())).andReturn().getResponse());
        assertThat(today).contains("id=\"letter-form-error\"").contains("反馈期限应晚于今天。");
        assertThat(count("outreach_letter")).isEqualTo(letters);
    }

    @Test
    void a_warning_letter_is_a_numbered_document_read_back_from_its_pdf_on_the_firms_profile_and_a_retry_adds_nothing() throws Exception {
        String key = UUID.randomUUID().toString();
        long letters = count("outreach_letter");
        for (int attempt = 0; attempt < 2; attempt++) {
            MockHttpServletResponse issued = mvc.perform(post("/outreach/letters").session(officer).with(csrf())
                    .param("enterpriseId", String.valueOf(ownFirm)).param("kind", "WARNING").param("subject", "测试：帮扶走访")
                    .param("risks", "除尘系统未设置锁气卸灰装置。").param("demands", "加装锁气卸灰装置，落实每班清扫。")
                    .param("replyBy", LocalDate.now(clock).plusDays(10).toString()).param("idempotencyKey", key))
                    .andReturn().getResponse();
            assertThat(issued.getRedirectedUrl()).isEqualTo("/outreach/letters?enterpriseId=" + ownFirm);
        }
        assertThat(count("outreach_letter")).as("the retry issues nothing new").isEqualTo(letters + 1);
        var row = jdbc.sql("SELECT document_id, document_number FROM outreach_letter WHERE source_key = ?").param(key)
                .query().singleRow();
        long documentId = ((Number) row.get("document_id")).longValue();
        String number = (String) row.get("document_number");
        assertThat(number).contains("警示").endsWith("号");

        byte[] pdf = documents.pdf(documentId).orElseThrow();
        String firm = jdbc.sql("SELECT name FROM enterprise WHERE id = ?").param(ownFirm).query(String.class).single();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("[ \\t\\u2009\\u3000\\r\\n]", "");
            assertThat(text).contains("安全生产警示函").contains(firm).contains(number.replace(" ", ""))
                    .contains("除尘系统未设置锁气卸灰装置").contains("特此警示");
        }
        assertThat(page("/outreach/letters?enterpriseId=" + ownFirm)).contains(number).contains("测试：帮扶走访");
        assertThat(page("/registry/enterprises/" + ownFirm)).contains("帮扶与提示警示").contains(number);
    }

    @Test
    void a_visit_names_the_experts_and_officers_who_joined_and_the_experts_phone_is_sealed_and_masked() throws Exception {
        mvc.perform(post("/outreach/experts").session(officer).with(csrf()).param("name", "测试专家").param("field", "有限空间")
                .param("workUnit", "示例市安全技术服务中心").param("phone", "13912345678")).andReturn();
        var expert = jdbc.sql("SELECT id, phone FROM outreach_expert WHERE name = '测试专家' ORDER BY id DESC LIMIT 1").query().singleRow();
        assertThat((String) expert.get("phone")).startsWith("sm4gcm:v1:").doesNotContain("13912345678");
        assertThat(page("/outreach/experts?q=测试专家")).contains("139****5678").doesNotContain("13912345678");

        long officerId = users.findByUsername("officer2").orElseThrow().id();
        MockHttpServletResponse recorded = mvc.perform(post("/outreach/visits").session(officer).with(csrf())
                .param("enterpriseId", String.valueOf(ownFirm)).param("visitedOn", LocalDate.now(clock).toString())
                .param("expertIds", expert.get("id").toString()).param("officerIds", String.valueOf(officerId))
                .param("problems", "测试：有限空间未设警示标志").param("advice", "设置警示标志并完善审批")).andReturn().getResponse();
        assertThat(recorded.getRedirectedUrl()).isEqualTo("/outreach/visits?enterpriseId=" + ownFirm);
        String list = page("/outreach/visits?enterpriseId=" + ownFirm);
        assertThat(list).contains("测试：有限空间未设警示标志").contains("<span>测试专家</span>")
                .contains(users.findByUsername("officer2").orElseThrow().displayName());
        jdbc.sql("DELETE FROM outreach_visit WHERE problems LIKE '测试：%'").update();
    }

    private List<WorkFigure> figures(int year) {
        UserView leader = users.findByUsername("leader1").orElseThrow();
        Actor actor = new Actor() {
            public long userId() { return leader.id(); }
            public String username() { return leader.username(); }
            public String displayName() { return leader.displayName(); }
            public long organizationId() { return leader.organizationId(); }
            public Set<Role> roles() { return leader.roles(); }
        };
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(actor, null,
                leader.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
        try {
            return reporting.annual(year, brigade).workFigures();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static long value(List<WorkFigure> figures, String label) {
        return figures.stream().filter(f -> f.label().equals(label)).map(WorkFigure::value).findFirst()
                .orElse(BigDecimal.ZERO).longValueExact();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private String page(String path) throws Exception {
        return body(mvc.perform(get(path).session(officer)).andReturn().getResponse());
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(Tokens.DEMO_PASSWORD)).andReturn()
                .getRequest().getSession();
    }
}
