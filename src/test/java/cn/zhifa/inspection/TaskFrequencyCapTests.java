package cn.zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.UserManagement;
import java.time.Clock;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * 严控涉企检查频次 for tasks outside the plan: each unplanned task counts against the firm's annual cap; beyond it the
 * task form offers the legal exception and its ground, refuses in Chinese without one, and stores nothing refused.
 */
@ZhifaIntegrationTest
class TaskFrequencyCapTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserManagement users;
    @Autowired
    Clock clock;

    MockHttpSession officer;
    long officerA;
    long officerB;
    YearMonth month;

    @BeforeEach
    void login() throws Exception {
        officer = (MockHttpSession) mvc.perform(formLogin().user("officer1").password(Tokens.DEMO_PASSWORD)).andReturn()
                .getRequest().getSession();
        officerA = users.findByUsername("officer1").orElseThrow().id();
        officerB = users.findByUsername("officer2").orElseThrow().id();
        month = YearMonth.now(clock);
    }

    private MvcResult adHoc(long enterpriseId, String exception, String note) throws Exception {
        var request = post("/inspection/tasks").session(officer).with(csrf())
                .param("source", "AD_HOC").param("sourceRef", "临时检查").param("enterpriseId", String.valueOf(enterpriseId))
                .param("kind", "GENERAL").param("mode", "ON_SITE").param("team", String.valueOf(officerA))
                .param("team", String.valueOf(officerB)).param("dueMonth", month.toString()).param("templateCode", "GM-MGMT");
        if (exception != null) {
            request.param("capException", exception).param("capExceptionNote", note);
        }
        return mvc.perform(request).andReturn();
    }

    private long tasks(long enterpriseId) {
        return jdbc.sql("SELECT count(*) FROM inspection_task WHERE enterprise_id = ?").param(enterpriseId).query(Long.class).single();
    }

    private long extras(long enterpriseId) {
        return jdbc.sql("SELECT count(*) FROM planning_extra_inspection WHERE enterprise_id = ?").param(enterpriseId)
                .query(Long.class).single();
    }

    @Test
    void an_unplanned_task_beyond_the_cap_needs_a_recorded_exception_with_its_ground() throws Exception {
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 37);
        MvcResult refused = null;
        int created = 0;
        for (int i = 0; i < 8 && refused == null; i++) {
            MvcResult result = adHoc(firm.id(), null, null);
            if (result.getResponse().getRedirectedUrl() != null) {
                created++;
            } else {
                refused = result;
            }
        }
        assertThat(refused).as("the cap is reached within 8 unplanned tasks").isNotNull();
        assertThat(created).as("each unplanned task counted as an extra inspection").isEqualTo(
                (int) extras(firm.id()));
        String page = refused.getResponse().getContentAsString();
        assertThat(page).contains("年度上限").contains("已达频次上限").contains("投诉举报核查").contains("上级交办、转办")
                .doesNotContain("HIGHER_ASSIGNMENT\">HIGHER");
        long tasksBefore = tasks(firm.id());
        long extrasBefore = extras(firm.id());

        MvcResult withoutGround = adHoc(firm.id(), "COMPLAINT", " ");
        assertThat(withoutGround.getResponse().getRedirectedUrl()).isNull();
        assertThat(withoutGround.getResponse().getContentAsString()).contains("请写明例外情形（投诉举报核查）的具体依据");
        assertThat(tasks(firm.id())).isEqualTo(tasksBefore);
        assertThat(extras(firm.id())).isEqualTo(extrasBefore);

        MvcResult withException = adHoc(firm.id(), "COMPLAINT", "举报件2026-377：车间消防通道堵塞");
        assertThat(withException.getResponse().getRedirectedUrl()).isEqualTo("/inspection/tasks");
        assertThat(tasks(firm.id())).isEqualTo(tasksBefore + 1);
        assertThat(jdbc.sql("""
                        SELECT cap_exception || '|' || cap_exception_note FROM inspection_task WHERE enterprise_id = ?
                        ORDER BY id DESC LIMIT 1""").param(firm.id()).query(String.class).single())
                .isEqualTo("COMPLAINT|举报件2026-377：车间消防通道堵塞");
        assertThat(jdbc.sql("""
                        SELECT exception || '|' || exception_note FROM planning_extra_inspection WHERE enterprise_id = ?
                        ORDER BY id DESC LIMIT 1""").param(firm.id()).query(String.class).single())
                .isEqualTo("COMPLAINT|举报件2026-377：车间消防通道堵塞");
        String list = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/inspection/tasks")
                .session(officer)).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("频次例外：投诉举报核查");
    }

    @Test
    void the_api_refuses_an_unplanned_task_beyond_the_cap_in_chinese_and_stores_nothing() throws Exception {
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 38);
        while (adHoc(firm.id(), null, null).getResponse().getRedirectedUrl() != null) {
            assertThat(extras(firm.id())).isLessThan(8);
        }
        long tasksBefore = tasks(firm.id());
        long extrasBefore = extras(firm.id());
        String body = """
                {"source":"ACCIDENT","sourceRef":"事故调查","enterpriseId":%d,"kind":"KEY","mode":"ON_SITE","team":[%d,%d],
                 "dueMonth":"%s","templateCode":"GM-MGMT","noticeRequired":false%s}""";
        mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", Tokens.bearer(mvc, "officer1"))
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(firm.id(), officerA, officerB, month, "")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("年度上限")));
        assertThat(tasks(firm.id())).isEqualTo(tasksBefore);
        assertThat(extras(firm.id())).isEqualTo(extrasBefore);

        mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", Tokens.bearer(mvc, "officer1"))
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(firm.id(), officerA, officerB, month,
                                ",\"capException\":\"ACCIDENT\",\"capExceptionNote\":\"2026年第3号事故调查\"")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.capException").value("ACCIDENT"));
        assertThat(tasks(firm.id())).isEqualTo(tasksBefore + 1);
    }
}
