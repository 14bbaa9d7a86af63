package cn.zhifa.supervision.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The review plan's page form: refusals shown on the form with what was typed and nothing stored; a valid plan is made. */
@ZhifaIntegrationTest
class ReviewPlanFormTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @Test
    void the_plan_form_shows_refusals_on_the_form_and_creates_a_random_plan() throws Exception {
        MockHttpSession supervisor = (MockHttpSession) mvc.perform(formLogin().user("supervisor1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        long unit = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        long reviewer = jdbc.sql("SELECT id FROM app_user WHERE username = 'supervisor1'").query(Long.class).single();
        int year = jdbc.sql("SELECT max(year) FROM case_review_plan").query(Integer.class).optional().orElse(LocalDate.now(clock).getYear());
        long before = plans();

        String noUnit = mvc.perform(post("/supervision/case-reviews").session(supervisor).with(csrf())
                        .param("year", String.valueOf(year)).param("name", "表单测试计划").param("sampling", "random")
                        .param("sampleSize", "2").param("reviewerIds", String.valueOf(reviewer)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(noUnit).contains("plan-form-error").contains("请选择被评查单位").contains("value=\"表单测试计划\"");
        String badCases = mvc.perform(post("/supervision/case-reviews").session(supervisor).with(csrf())
                        .param("year", String.valueOf(year)).param("name", "表单测试计划").param("unitIds", String.valueOf(unit))
                        .param("sampling", "chosen").param("caseIds", "第一件").param("reviewerIds", String.valueOf(reviewer)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(badCases).contains("指定案卷请填写案件编号");
        assertThat(plans()).isEqualTo(before);

        MockHttpServletResponse created = mvc.perform(post("/supervision/case-reviews").session(supervisor).with(csrf())
                .param("year", String.valueOf(year)).param("name", "表单测试计划").param("unitIds", String.valueOf(unit))
                .param("sampling", "random").param("sampleSize", "2").param("reviewerIds", String.valueOf(reviewer)))
                .andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(302);
        long id = jdbc.sql("SELECT id FROM case_review_plan WHERE name = '表单测试计划'").query(Long.class).single();
        assertThat(created.getRedirectedUrl()).isEqualTo("/supervision/case-reviews/" + id);
        assertThat(jdbc.sql("SELECT count(*) FROM case_review_file WHERE plan_id = ? AND reviewer_id = ?").param(id).param(reviewer)
                .query(Long.class).single()).isBetween(1L, 2L);
        jdbc.sql("DELETE FROM case_review_file WHERE plan_id = ?").param(id).update();
        jdbc.sql("DELETE FROM case_review_plan WHERE id = ?").param(id).update();
    }

    private long plans() {
        return jdbc.sql("SELECT count(*) FROM case_review_plan").query(Long.class).single();
    }
}
