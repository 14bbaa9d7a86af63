package cn.zhifa.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.hazard.HazardLevel;
import cn.zhifa.hazard.HazardOverdue;
import cn.zhifa.inspection.InspectionFixtures;
import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.organization.UserManagement;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 专项 tag flows from the demo plan's campaign to a task created for it, the record of that task, the hazards found
 * on the record and the case proposed when one of them is not rectified; the annual figures count them per campaign.
 */
@ZhifaIntegrationTest
class CampaignTagTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserManagement users;
    @Autowired
    LegalCalendar calendar;
    @Autowired
    InspectionManagement inspections;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void the_campaign_tag_flows_from_task_to_record_hazards_and_case_and_the_figures_count_them() throws Exception {
        Map<String, Object> campaign = jdbc.sql("""
                SELECT c.campaign_id, c.name, p.year, p.organization_id FROM planning_campaign c
                JOIN planning_plan p ON p.id = c.plan_id ORDER BY c.campaign_id LIMIT 1""").query().singleRow();
        long campaignId = ((Number) campaign.get("campaign_id")).longValue();
        int year = ((Number) campaign.get("year")).intValue();
        long unit = ((Number) campaign.get("organization_id")).longValue();
        Map<String, Object> before = row(year, unit, campaignId);
        assertThat(before.get("name")).isEqualTo(campaign.get("name"));

        String token = Tokens.bearer(mvc, "officer1");
        long a = users.findByUsername("officer1").orElseThrow().id();
        long b = users.findByUsername("officer2").orElseThrow().id();
        long firm = InspectionFixtures.enterprise(jdbc, 45).id();
        String task = mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", token)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"source":"CAMPAIGN","sourceRef":"%s","enterpriseId":%d,"kind":"KEY","mode":"ON_SITE",
                                 "team":[%d,%d],"dueMonth":"%s","templateCode":"GM-MGMT","noticeRequired":false,
                                 "capException":"HIGHER_ASSIGNMENT","capExceptionNote":"专项执法工作方案",
                                 "campaignId":%d}""".formatted(campaign.get("name"), firm, a, b, YearMonth.now(),
                                campaignId)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long taskId = ((Number) JsonPath.read(task, "$.id")).longValue();
        assertThat(jdbc.sql("SELECT campaign_id FROM inspection_task WHERE id = ?").param(taskId).query(Long.class).single())
                .isEqualTo(campaignId);

        LocalDate deadline = calendar.addWorkingDays(LocalDate.now(ZoneId.of("Asia/Shanghai")), 10).due();
        String record = mvc.perform(post("/api/v1/inspection/records").header("Authorization", token)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.recordJson(taskId, a, b, deadline, false, true)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long recordId = ((Number) JsonPath.read(record, "$.id")).longValue();
        assertThat(inspections.campaignOfRecord(recordId)).as("the record inherits the task's campaign").contains(campaignId);

        List<Map<String, Object>> hazards = jdbc.sql("""
                SELECT id, organization_id, enterprise_id, enterprise_name, description, level, campaign_id FROM hazard
                WHERE origin_record_id = ? ORDER BY id""").param(recordId).query().listOfRows();
        assertThat(hazards).isNotEmpty();
        assertThat(hazards).allSatisfy(h -> assertThat(((Number) h.get("campaign_id")).longValue()).isEqualTo(campaignId));
        long major = hazards.stream().filter(h -> "MAJOR".equals(h.get("level"))).count();

        Map<String, Object> hazard = hazards.get(0);
        long hazardId = ((Number) hazard.get("id")).longValue();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        transaction.executeWithoutResult(s -> events.publishEvent(new HazardOverdue(hazardId,
                ((Number) hazard.get("organization_id")).longValue(), ((Number) hazard.get("enterprise_id")).longValue(),
                (String) hazard.get("enterprise_name"), (String) hazard.get("description"),
                HazardLevel.valueOf((String) hazard.get("level")), today.minusDays(1), today, "《安全生产法》第一百零二条",
                "安全生产法第一百零二条", a, campaignId)));
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
                "SELECT count(*) FROM penalty_case WHERE source = 'HAZARD' AND source_reference = ?")
                .param("隐患#" + hazardId).query(Long.class).single() == 1);
        Map<String, Object> penaltyCase = jdbc.sql("SELECT id, campaign_id FROM penalty_case WHERE source_reference = ?")
                .param("隐患#" + hazardId).query().singleRow();
        assertThat(((Number) penaltyCase.get("campaign_id")).longValue()).as("the case carries the hazard's campaign")
                .isEqualTo(campaignId);
        long caseId = ((Number) penaltyCase.get("id")).longValue();
        mvc.perform(post("/api/v1/cases/" + caseId + "/actions/file").header("Authorization", Tokens.bearer(mvc, "leader1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"opinion\":\"同意立案\",\"handler\":\"officer1\",\"secondHandler\":\"officer2\"}"))
                .andExpect(status().isOk());

        Map<String, Object> after = row(year, unit, campaignId);
        assertThat(number(after, "firmsInspected") - number(before, "firmsInspected")).isEqualTo(1);
        assertThat(number(after, "hazards") - number(before, "hazards")).isEqualTo(hazards.size());
        assertThat(number(after, "majorHazards") - number(before, "majorHazards")).isEqualTo(major);
        assertThat(number(after, "casesFiled") - number(before, "casesFiled")).isEqualTo(1);
        assertThat(new BigDecimal(after.get("finesYuan").toString()))
                .as("no decision yet: the campaign's fines do not change")
                .isEqualByComparingTo(new BigDecimal(before.get("finesYuan").toString()));
    }

    @Test
    void a_task_naming_no_campaign_of_any_plan_is_refused_in_chinese_and_nothing_is_written() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM inspection_task").query(Long.class).single();
        long a = users.findByUsername("officer1").orElseThrow().id();
        long b = users.findByUsername("officer2").orElseThrow().id();
        String body = mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", Tokens.bearer(mvc, "officer1"))
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"source":"CAMPAIGN","enterpriseId":%d,"kind":"KEY","mode":"ON_SITE","team":[%d,%d],
                                 "dueMonth":"%s","templateCode":"GM-MGMT","noticeRequired":false,"campaignId":987654321}"""
                                .formatted(InspectionFixtures.enterprise(jdbc, 47).id(), a, b, YearMonth.now())))
                .andExpect(status().is(422)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(body, "$.detail")).isEqualTo("所选专项不存在，请从年度计划的专项中选择。");
        assertThat(jdbc.sql("SELECT count(*) FROM inspection_task").query(Long.class).single()).isEqualTo(before);
    }

    /** The campaign's row of the annual figures API, as the unit's leader reads it. */
    private Map<String, Object> row(int year, long unit, long campaignId) throws Exception {
        String body = mvc.perform(get("/api/v1/statistics/annual").param("year", String.valueOf(year))
                        .param("organizationId", String.valueOf(unit)).header("Authorization", Tokens.bearer(mvc, "leader1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Map<String, Object>> rows = JsonPath.read(body, "$.campaigns[?(@.campaignId == " + campaignId + ")]");
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static long number(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).longValue();
    }
}
