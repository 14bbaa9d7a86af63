package cn.zhifa.planning;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.UserManagement;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The read API of draws: scoped lists, a drawn draw with its teams and no secret, 403 across districts, 404 problem. */
@ZhifaIntegrationTest
class DrawApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserManagement users;

    @Test
    void an_officer_lists_and_reads_the_draws_of_the_brigade_with_teams_but_never_the_secret() throws Exception {
        long brigade = users.findByUsername("officer1").orElseThrow().organizationId();
        String token = Tokens.bearer(mvc, "officer1");
        String list = mvc.perform(get("/api/v1/planning/draws").header("Authorization", token))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("secret"))))
                .andReturn().getResponse().getContentAsString();
        List<Integer> orgs = JsonPath.read(list, "$.items[*].organizationId");
        assertThat(orgs).isNotEmpty().allSatisfy(org -> assertThat(org.longValue()).isEqualTo(brigade));
        long drawn = jdbc.sql("SELECT id FROM planning_draw WHERE organization_id = ? AND status = 'DRAWN' ORDER BY id LIMIT 1")
                .param(brigade).query(Long.class).single();
        String secret = jdbc.sql("SELECT secret FROM planning_draw WHERE id = ?").param(drawn).query(String.class).single();

        String one = mvc.perform(get("/api/v1/planning/draws/" + drawn).header("Authorization", token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAWN"))
                .andExpect(jsonPath("$.tasks[0].officerUserIds.length()").value(2))
                .andReturn().getResponse().getContentAsString();
        assertThat(one).doesNotContain(secret);
        assertThat(JsonPath.<List<Object>>read(one, "$.tasks")).hasSize(JsonPath.<Integer>read(one, "$.count"));
    }

    @Test
    void a_draw_of_another_district_is_forbidden_and_an_unknown_one_is_a_chinese_not_found_problem() throws Exception {
        long brigade = users.findByUsername("officer1").orElseThrow().organizationId();
        long drawn = jdbc.sql("SELECT id FROM planning_draw WHERE organization_id = ? ORDER BY id LIMIT 1")
                .param(brigade).query(Long.class).single();
        String outsider = jdbc.sql("""
                WITH RECURSIVE sub AS (SELECT id FROM organization WHERE id = (SELECT parent_id FROM organization WHERE id = ?)
                  UNION ALL SELECT o.id FROM organization o JOIN sub ON o.parent_id = sub.id)
                SELECT username FROM app_user WHERE username LIKE 'zf%' AND organization_id NOT IN (SELECT id FROM sub)
                ORDER BY username LIMIT 1""").param(brigade).query(String.class).single();

        mvc.perform(get("/api/v1/planning/draws/" + drawn).header("Authorization", Tokens.bearer(mvc, outsider)))
                .andExpect(status().isForbidden());
        String outsiderList = mvc.perform(get("/api/v1/planning/draws").header("Authorization", Tokens.bearer(mvc, outsider)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(outsiderList, "$.items[*].id")).doesNotContain((int) drawn);
        mvc.perform(get("/api/v1/planning/draws/999999999").header("Authorization", Tokens.bearer(mvc, "officer1")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("抽取记录不存在。"));
        mvc.perform(get("/api/v1/planning/draws")).andExpect(status().isUnauthorized());
    }
}
