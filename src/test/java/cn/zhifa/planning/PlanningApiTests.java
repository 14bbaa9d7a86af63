package cn.zhifa.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /api/v1/planning/plans} and {@code /api/v1/planning/grading}: shape, filters, paging, scope, bad parameters. */
@ZhifaIntegrationTest
class PlanningApiTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    long brigade;
    long westOrg;

    @BeforeEach
    void demoCity() {
        brigade = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'leader1'").query(Long.class).single();
        westOrg = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'zf001'").query(Long.class).single();
    }

    MockHttpServletResponse call(String user, String path, Object... params) throws Exception {
        var request = get(path).header("Authorization", Tokens.bearer(mvc, user));
        for (int i = 0; i < params.length; i += 2) request.param((String) params[i], String.valueOf(params[i + 1]));
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    String json(String user, String path, Object... params) throws Exception {
        MockHttpServletResponse response = call(user, path, params);
        assertThat(response.getStatus()).as(path + " " + response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    /** The brigade's 2026 plan (demo grading exists for 2026), drafted through the page as leader1 when missing. */
    long brigadePlan() throws Exception {
        var existing = jdbc.sql("SELECT id FROM planning_plan WHERE organization_id = ? AND year = 2026").param(brigade).query(Long.class).optional();
        if (existing.isPresent()) return existing.get();
        MockHttpSession leader = (MockHttpSession) mvc.perform(formLogin().user("leader1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        String location = mvc.perform(post("/planning/plans").param("org", "" + brigade).param("year", "2026").session(leader).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/planning/plans/");
        return Long.parseLong(location.substring("/planning/plans/".length()));
    }

    @Test
    void an_officer_lists_and_reads_the_plans_of_his_units_and_another_districts_officer_is_refused() throws Exception {
        long planId = brigadePlan();
        String list = json("officer1", "/api/v1/planning/plans", "year", 2026);
        assertThat(JsonPath.<Map<String, Object>>read(list, "$")).containsOnlyKeys("items", "total", "page", "size");
        assertThat(JsonPath.<List<Integer>>read(list, "$.items[*].id")).contains((int) planId);
        assertThat(JsonPath.<List<Integer>>read(list, "$.items[*].year")).containsOnly(2026);
        assertThat(JsonPath.<List<Object>>read(json("officer1", "/api/v1/planning/plans", "year", 2001), "$.items")).isEmpty();

        String plan = json("officer1", "/api/v1/planning/plans/" + planId);
        assertThat(JsonPath.<Integer>read(plan, "$.plan.id")).isEqualTo((int) planId);
        assertThat(JsonPath.<String>read(plan, "$.plan.statusLabel")).isNotBlank();
        List<Object> items = JsonPath.read(plan, "$.items");
        assertThat(items).isNotEmpty();
        assertThat(JsonPath.<Integer>read(plan, "$.plan.keyFirms")).isPositive();
        assertThat(JsonPath.<List<String>>read(plan, "$.items[*].enterpriseName")).allMatch(n -> !n.isBlank());

        MockHttpServletResponse refused = call("zf001", "/api/v1/planning/plans/" + planId);
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).contains("无权访问本单位及下级单位以外的数据");
        assertThat(JsonPath.<List<Integer>>read(json("zf001", "/api/v1/planning/plans", "size", 200), "$.items[*].id"))
                .doesNotContain((int) planId);
        MockHttpServletResponse unknown = call("officer1", "/api/v1/planning/plans/999999999");
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentAsString()).contains("计划不存在");
        assertThat(call("admin", "/api/v1/planning/plans").getStatus()).isEqualTo(403);
    }

    @Test
    void grading_lists_each_firms_grade_level_and_why_pages_and_filters_and_stays_in_scope() throws Exception {
        String all = json("officer1", "/api/v1/planning/grading", "year", 2026, "size", 5);
        int total = JsonPath.read(all, "$.total");
        assertThat(total).isGreaterThan(5);
        assertThat(JsonPath.<List<Object>>read(all, "$.items")).hasSize(5);
        assertThat(JsonPath.<String>read(all, "$.items[0].gradeLabel")).isNotBlank();
        assertThat(JsonPath.<String>read(all, "$.items[0].levelLabel")).isNotBlank();
        assertThat(JsonPath.<String>read(all, "$.items[0].ruleName")).isNotBlank();
        assertThat(JsonPath.<Integer>read(all, "$.items[0].annualFrequency")).isNotNegative();
        assertThat(JsonPath.<List<Object>>read(all, "$.items[0].reasons")).isNotNull();
        String next = json("officer1", "/api/v1/planning/grading", "year", 2026, "size", 5, "page", 1);
        assertThat(JsonPath.<List<Integer>>read(next, "$.items[*].enterpriseId"))
                .doesNotContainAnyElementsOf(JsonPath.<List<Integer>>read(all, "$.items[*].enterpriseId"));
        String keyFirms = json("officer1", "/api/v1/planning/grading", "year", 2026, "grade", "A", "size", 200);
        assertThat(JsonPath.<List<String>>read(keyFirms, "$.items[*].grade")).containsOnly("A");
        // without a year, this year's (the demo clock's) grading
        assertThat(call("officer1", "/api/v1/planning/grading").getStatus()).isEqualTo(200);

        MockHttpServletResponse foreign = call("officer1", "/api/v1/planning/grading", "organizationId", westOrg);
        assertThat(foreign.getStatus()).isEqualTo(403);
        String west = json("zf001", "/api/v1/planning/grading", "year", 2026, "size", 200);
        assertThat(JsonPath.<List<Integer>>read(west, "$.items[*].enterpriseId"))
                .doesNotContainAnyElementsOf(JsonPath.<List<Integer>>read(json("officer1", "/api/v1/planning/grading", "year", 2026, "size", 200),
                        "$.items[*].enterpriseId"));

        for (Object[] bad : List.of(new Object[] {"year", "明年", "格式不正确"}, new Object[] {"year", 3000, "不在 2000—2100 之间"},
                new Object[] {"grade", "E", "格式不正确"})) {
            MockHttpServletResponse response = call("officer1", "/api/v1/planning/grading", bad[0], bad[1]);
            assertThat(response.getStatus()).as(bad[0] + "=" + bad[1]).isEqualTo(400);
            assertThat((String) JsonPath.read(response.getContentAsString(), "$.detail")).contains((String) bad[2]);
        }
        assertThat(call("officer1", "/api/v1/planning/plans", "year", 1999).getStatus()).isEqualTo(400);
    }
}
