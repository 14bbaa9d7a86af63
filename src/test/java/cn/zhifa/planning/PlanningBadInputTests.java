package cn.zhifa.planning;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.UserManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Bad input to grading, plans, caps and draws: a clear Chinese message, nothing changed. */
@ZhifaIntegrationTest
@Tag("external-db")
class PlanningBadInputTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserManagement users;

    MockHttpSession leader;
    long brigade;

    @BeforeEach
    void login() throws Exception {
        leader = (MockHttpSession) mvc.perform(formLogin().user("leader1").password(Tokens.DEMO_PASSWORD)).andReturn()
                .getRequest().getSession();
        brigade = users.findByUsername("leader1").orElseThrow().organizationId();
    }

    private String submit(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.session(leader).with(csrf())).andReturn().getResponse().getContentAsString();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private MockHttpServletRequestBuilder draw(String month, String industry, String count, String teamSize) {
        return post("/planning/draws").param("organizationId", "" + brigade).param("mode", "OWN").param("itemCode", "AQ-02")
                .param("month", month).param("industry", industry).param("count", count).param("teamSize", teamSize);
    }

    @Test
    void a_draw_on_an_empty_pool_is_refused() throws Exception {
        long before = count("planning_draw");
        assertThat(submit(draw("2029-01", "不存在的行业", "3", "2"))).contains("企业池为空");
        assertThat(count("planning_draw")).isEqualTo(before);
    }

    @Test
    void a_team_larger_than_the_certified_officers_or_smaller_than_two_is_refused() throws Exception {
        long before = count("planning_draw");
        assertThat(submit(draw("2029-02", "", "3", "99"))).contains("大于符合条件的持证执法人员数");
        assertThat(submit(draw("2029-02", "", "3", "1"))).contains("每组执法人员不得少于 2 名");
        assertThat(count("planning_draw")).isEqualTo(before);
    }

    @Test
    void a_second_draw_for_the_same_month_and_item_needs_the_first_voided_with_a_reason() throws Exception {
        String first = mvc.perform(draw("2029-03", "", "2", "2").session(leader).with(csrf())).andReturn().getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(first.substring("/planning/draws/".length()));
        submit(post("/planning/draws/" + id + "/execute"));
        long before = count("planning_draw");
        assertThat(submit(draw("2029-03", "", "2", "2"))).contains("重新抽取须先说明理由作废原抽取");
        assertThat(submit(post("/planning/draws/" + id + "/execute"))).contains("结果不可更改");
        assertThat(submit(post("/planning/draws/" + id + "/void").param("reason", ""))).contains("作废抽取结果必须写明理由");
        assertThat(count("planning_draw")).isEqualTo(before);
        assertThat(jdbc.sql("SELECT status FROM planning_draw WHERE id = ?").param(id).query(String.class).single()).isEqualTo("DRAWN");

        submit(post("/planning/draws/" + id + "/void").param("reason", "抽查事项选择错误，经局长批准重新抽取"));
        assertThat(jdbc.sql("SELECT status FROM planning_draw WHERE id = ?").param(id).query(String.class).single()).isEqualTo("VOIDED");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = '作废双随机抽取' AND target_id = ?").param("" + id)
                .query(Long.class).single()).isPositive();
        assertThat(mvc.perform(draw("2029-03", "", "2", "2").session(leader).with(csrf())).andReturn().getResponse()
                .getRedirectedUrl()).startsWith("/planning/draws/");
    }

    @Test
    void an_inspection_beyond_the_annual_cap_is_refused_unless_a_legal_exception_is_recorded() throws Exception {
        long firm = jdbc.sql("SELECT enterprise_id FROM planning_grading WHERE year = 2026 ORDER BY enterprise_id DESC LIMIT 1")
                .query(Long.class).single();
        long before = count("planning_extra_inspection");
        submit(post("/planning/caps/extra").param("enterpriseId", "" + firm).param("date", "2028-05-06"));
        assertThat(count("planning_extra_inspection")).isEqualTo(before + 1);
        assertThat(submit(post("/planning/caps/extra").param("enterpriseId", "" + firm).param("date", "2028-06-06")))
                .contains("年度上限 1 次");
        assertThat(submit(post("/planning/caps/extra").param("enterpriseId", "" + firm).param("date", "2028-06-06")
                .param("exception", "COMPLAINT"))).contains("具体依据");
        assertThat(count("planning_extra_inspection")).isEqualTo(before + 1);
        submit(post("/planning/caps/extra").param("enterpriseId", "" + firm).param("date", "2028-06-06")
                .param("exception", "COMPLAINT").param("note", "12345 热线投诉 2028-0601"));
        assertThat(count("planning_extra_inspection")).isEqualTo(before + 2);
    }

    @Test
    void grading_without_rules_and_a_second_plan_for_the_same_year_are_refused() throws Exception {
        assertThat(submit(post("/planning/grading/run").param("org", "" + brigade).param("year", "2041")))
                .contains("2041 年度还没有分类分级规则");
        long plans = count("planning_plan");
        assertThat(submit(post("/planning/plans").param("org", "" + brigade).param("year", "2041"))).contains("请先完成 2041 年度分类分级");
        assertThat(count("planning_plan")).isEqualTo(plans);
    }
}
