package cn.zhifa.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.inspection.InspectionFixtures;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.planning.CampaignTag;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A 专项 runs for a period inside its plan's year: the plan page refuses a period outside it, the task form offers only
 * the 专项 running in the task's month, and a task naming a 专项 that does not run then is refused in Chinese.
 */
@ZhifaIntegrationTest
class CampaignPeriodTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserManagement users;

    private MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(user).password(Tokens.DEMO_PASSWORD)).andReturn().getRequest().getSession();
    }

    private Map<String, Object> demoCampaign() {
        return jdbc.sql("""
                SELECT c.campaign_id, c.name, c.plan_id, p.year FROM planning_campaign c JOIN planning_plan p ON p.id = c.plan_id
                WHERE p.year = :year ORDER BY c.campaign_id LIMIT 1""")
                .param("year", LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear()).query().singleRow();
    }

    @Test
    void a_campaign_period_outside_the_plan_year_or_ending_before_it_starts_is_refused_on_the_plan_page() throws Exception {
        Map<String, Object> campaign = demoCampaign();
        int year = ((Number) campaign.get("year")).intValue();
        long campaigns = jdbc.sql("SELECT count(*) FROM planning_campaign").query(Long.class).single();
        MockHttpSession leader = login("leader1");
        String outside = mvc.perform(post("/planning/plans/" + campaign.get("plan_id") + "/campaigns").session(leader).with(csrf())
                        .param("kind", "CUSTOM").param("name", "测试专项").param("startsOn", (year - 1) + "-11-01")
                        .param("endsOn", year + "-03-31"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(outside).contains("专项的开展期间应在计划年度（" + year + "年）之内。");
        String reversed = mvc.perform(post("/planning/plans/" + campaign.get("plan_id") + "/campaigns").session(leader).with(csrf())
                        .param("kind", "CUSTOM").param("name", "测试专项").param("startsOn", year + "-06-01")
                        .param("endsOn", year + "-05-31"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(reversed).contains("专项的结束日期不能早于开始日期。");
        assertThat(jdbc.sql("SELECT count(*) FROM planning_campaign").query(Long.class).single()).isEqualTo(campaigns);
        String page = mvc.perform(get("/planning/plans/" + campaign.get("plan_id")).session(leader))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).as("a campaign recorded before periods runs the whole plan year")
                .contains("开展期间：" + year + "年1月1日至" + year + "年12月31日");
    }

    @Test
    void the_task_form_offers_only_campaigns_running_in_the_month_and_a_task_outside_the_period_is_refused() throws Exception {
        Map<String, Object> campaign = demoCampaign();
        long campaignId = ((Number) campaign.get("campaign_id")).longValue();
        int year = ((Number) campaign.get("year")).intValue();
        String name = (String) campaign.get("name");
        MockHttpSession officer = login("officer1");
        String form = mvc.perform(get("/inspection/tasks/new").session(officer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("name=\"campaignId\"", name + "（" + year + "年1月1日至" + year + "年12月31日）");

        LocalDate starts = jdbc.sql("SELECT starts_on FROM planning_campaign WHERE campaign_id = ?").param(campaignId)
                .query(LocalDate.class).single();
        LocalDate ends = jdbc.sql("SELECT ends_on FROM planning_campaign WHERE campaign_id = ?").param(campaignId)
                .query(LocalDate.class).single();
        YearMonth thisMonth = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        LocalDate endedBefore = thisMonth.minusMonths(1).atEndOfMonth();
        jdbc.sql("UPDATE planning_campaign SET starts_on = :s, ends_on = :e WHERE campaign_id = :id")
                .param("s", LocalDate.of(year, 1, 1)).param("e", endedBefore).param("id", campaignId).update();
        try {
            String later = mvc.perform(get("/inspection/tasks/new").session(officer)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(later).as("the campaign ended last month").doesNotContain(name + "（");
            long tasks = jdbc.sql("SELECT count(*) FROM inspection_task").query(Long.class).single();
            long a = users.findByUsername("officer1").orElseThrow().id();
            long b = users.findByUsername("officer2").orElseThrow().id();
            String refused = mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", Tokens.bearer(mvc, "officer1"))
                            .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"source":"CAMPAIGN","enterpriseId":%d,"kind":"KEY","mode":"ON_SITE","team":[%d,%d],
                                     "dueMonth":"%s","templateCode":"GM-MGMT","noticeRequired":false,
                                     "capException":"HIGHER_ASSIGNMENT","capExceptionNote":"专项执法工作方案","campaignId":%d}"""
                                    .formatted(InspectionFixtures.enterprise(jdbc, 48).id(), a, b, thisMonth, campaignId)))
                    .andExpect(status().is(422)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat((String) JsonPath.read(refused, "$.detail")).isEqualTo("专项“" + name + "”的开展期间为"
                    + new CampaignTag(campaignId, name, year, 0, LocalDate.of(year, 1, 1), endedBefore).period()
                    + "，计划检查月份不在其中。");
            assertThat(jdbc.sql("SELECT count(*) FROM inspection_task").query(Long.class).single()).isEqualTo(tasks);
        } finally {
            jdbc.sql("UPDATE planning_campaign SET starts_on = :s, ends_on = :e WHERE campaign_id = :id")
                    .param("s", starts).param("e", ends).param("id", campaignId).update();
        }
    }

    @Test
    void a_campaign_runs_in_a_month_when_some_day_of_the_month_lies_in_its_period() {
        CampaignTag spring = new CampaignTag(1, "有限空间专项", 2026, 1, LocalDate.of(2026, 3, 15), LocalDate.of(2026, 5, 10));
        assertThat(spring.runsIn(YearMonth.of(2026, 3))).isTrue();
        assertThat(spring.runsIn(YearMonth.of(2026, 5))).isTrue();
        assertThat(spring.runsIn(YearMonth.of(2026, 2))).isFalse();
        assertThat(spring.runsIn(YearMonth.of(2026, 6))).isFalse();
        assertThat(spring.period()).isEqualTo("2026年3月15日至2026年5月10日");
    }

    @Test
    void changing_the_task_month_refreshes_the_campaign_picker_with_the_campaigns_running_in_that_month() throws Exception {
        Map<String, Object> campaign = demoCampaign();
        long campaignId = ((Number) campaign.get("campaign_id")).longValue();
        int year = ((Number) campaign.get("year")).intValue();
        String name = (String) campaign.get("name");
        LocalDate starts = jdbc.sql("SELECT starts_on FROM planning_campaign WHERE campaign_id = ?").param(campaignId)
                .query(LocalDate.class).single();
        LocalDate ends = jdbc.sql("SELECT ends_on FROM planning_campaign WHERE campaign_id = ?").param(campaignId)
                .query(LocalDate.class).single();
        YearMonth thisMonth = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        YearMonth running = YearMonth.of(year, thisMonth.getMonthValue() == 6 ? 7 : 6);
        jdbc.sql("UPDATE planning_campaign SET starts_on = :s, ends_on = :e WHERE campaign_id = :id")
                .param("s", running.atDay(1)).param("e", running.atEndOfMonth()).param("id", campaignId).update();
        try {
            MockHttpSession officer = login("officer1");
            String form = mvc.perform(get("/inspection/tasks/new").session(officer)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(form).as("the month field asks for the picker again when it changes")
                    .contains("id=\"campaign-picker\"", "hx-get=\"/inspection/tasks/new/campaigns\"", "hx-target=\"#campaign-picker\"")
                    .doesNotContain(name + "（");
            String picker = mvc.perform(get("/inspection/tasks/new/campaigns").session(officer)
                            .param("dueMonth", running.toString()).param("campaignId", "" + campaignId))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(picker).as("only the picker, with the campaign of that month still chosen")
                    .startsWith("<div class=\"col-12\" id=\"campaign-picker\"").doesNotContain("<html", "被检查企业")
                    .contains(name + "（", "value=\"" + campaignId + "\" selected");
            String other = mvc.perform(get("/inspection/tasks/new/campaigns").session(officer)
                            .param("dueMonth", running.plusMonths(1).toString()).param("campaignId", "" + campaignId))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(other).contains("id=\"campaign-picker\"").doesNotContain(name + "（");
            String typo = mvc.perform(get("/inspection/tasks/new/campaigns").session(officer).param("dueMonth", "六月"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(typo).as("a month that is not one offers this month's").contains("id=\"campaign-picker\"")
                    .doesNotContain(name + "（");
        } finally {
            jdbc.sql("UPDATE planning_campaign SET starts_on = :s, ends_on = :e WHERE campaign_id = :id")
                    .param("s", starts).param("e", ends).param("id", campaignId).update();
        }
    }
}
