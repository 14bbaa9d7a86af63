package cn.zhifa.casework;

import static cn.zhifa.casework.CaseApiSupport.firm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The leader's and supervisor's views: deadline warnings and the daily sweep, statistics, the pages and the summary procedure. */
@ZhifaIntegrationTest
class CaseOversightTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    cn.zhifa.documents.DocumentManagement documents;
    @Autowired
    CaseDeadlines deadlines;

    CaseApiSupport api;
    long org;

    @BeforeEach
    void setUp() {
        api = new CaseApiSupport(mvc, clock);
        org = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        cn.zhifa.documents.SampleDocuments.ensureSettings(documents, documents.authorityFor(org).orElseThrow().organizationId());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_demo_cases_near_and_past_their_deadlines_are_listed_and_the_daily_sweep_raises_each_warning_once() throws Exception {
        String list = api.get("leader1", "/api/v1/cases/deadlines?size=200");
        List<String> levels = JsonPath.read(list, "$.items[*].level");
        assertThat(levels).contains("NEAR", "OVERDUE");
        List<String> overdue = JsonPath.read(list, "$.items[?(@.level == 'OVERDUE')].label");
        assertThat(overdue).contains("处罚决定", "送达");

        deadlines.sweep();
        List<Integer> caseIds = JsonPath.read(list, "$.items[*].caseId");
        List<String> codes = JsonPath.read(list, "$.items[*].code");
        List<String> dues = JsonPath.read(list, "$.items[*].due");
        for (int i = 0; i < caseIds.size(); i++) {
            assertThat(jdbc.sql("SELECT count(*) FROM case_deadline_warning WHERE penalty_case = :case AND deadline = :code "
                            + "AND level = :level AND due_on = :due")
                    .param("case", caseIds.get(i)).param("code", codes.get(i)).param("level", levels.get(i))
                    .param("due", java.time.LocalDate.parse(dues.get(i))).query(Long.class).single())
                    .as("one warning for %s of case %s", codes.get(i), caseIds.get(i)).isEqualTo(1);
        }
        assertThat(deadlines.sweep()).as("each warning is raised once, also on later sweeps").isZero();
        long handler = jdbc.sql("SELECT id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        assertThat(deadlines.warningsFor(handler, TimelineEntry.Status.OVERDUE)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void statistics_count_the_years_cases_fines_by_kind_dual_penalties_and_transfers() throws Exception {
        int year = java.time.LocalDate.now(clock).getYear();
        String figures = api.get("supervisor1", "/api/v1/cases/statistics?year=" + year);
        assertThat(((Number) JsonPath.read(figures, "$.filed")).longValue()).isGreaterThanOrEqualTo(10);
        assertThat(((Number) JsonPath.read(figures, "$.dualCases")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat(((Number) JsonPath.read(figures, "$.criminalTransfers")).longValue()).isGreaterThanOrEqualTo(1);
        assertThat(((Number) JsonPath.read(figures, "$.individualsFined")).longValue()).isGreaterThanOrEqualTo(1);
        assertThat(((Number) JsonPath.read(figures, "$.summaryPenalties")).longValue()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void an_officer_opens_a_case_through_the_page_and_sees_a_refused_step_explained_on_the_case_page() throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("officer1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        MockHttpServletResponse created = mvc.perform(post("/cases").session(session).with(csrf())
                        .param("source", "COMPLAINT").param("kind", "ENFORCEMENT").param("organizationId", String.valueOf(org))
                        .param("partyKind", "UNIT").param("partyName", "页面登记测试有限公司").param("title", "堵塞疏散通道"))
                .andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(302);
        String location = created.getRedirectedUrl();
        assertThat(location).startsWith("/cases/");
        var refused = mvc.perform(post(location + "/file").session(session).with(csrf())).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(location);
        assertThat((String) refused.getFlashMap().get("refusal")).startsWith("立案审批须由");
        String page = mvc.perform(get(location).session(session)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("页面登记测试有限公司").contains("待立案审批").contains("id=\"timeline\"");

        String empty = mvc.perform(post("/cases").session(session).with(csrf()).param("source", "COMPLAINT")
                .param("kind", "ENFORCEMENT").param("organizationId", String.valueOf(org)).param("partyKind", "UNIT")
                .param("title", "")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(empty).contains("请填写案由");
    }

    @Test
    void the_summary_procedure_decides_on_the_spot_within_the_article_51_limit_only() throws Exception {
        Map<String, Object> party = firm(org, "便利店测试", "安全出口锁闭");
        MockHttpServletResponse refused = api.post("officer1", "/api/v1/cases/on-the-spot",
                Map.of("party", party, "fineYuan", "5000", "violationCode", "105-1", "decisionNumber", "当罚〔2026〕9号"));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat((String) JsonPath.read(refused.getContentAsString(StandardCharsets.UTF_8), "$.detail")).contains("本案应适用普通程序");
        MockHttpServletResponse done = api.post("officer1", "/api/v1/cases/on-the-spot",
                Map.of("party", party, "fineYuan", "2000", "violationCode", "105-1", "decisionNumber", "当罚〔2026〕9号"));
        assertThat(done.getStatus()).isEqualTo(201);
        assertThat((String) JsonPath.read(done.getContentAsString(StandardCharsets.UTF_8), "$.stage")).isEqualTo("EXECUTING");
    }
}
