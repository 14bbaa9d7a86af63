package cn.zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.organization.UserManagement;
import com.jayway.jsonpath.JsonPath;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@ZhifaIntegrationTest
class InspectionApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserManagement users;
    @Autowired
    LegalCalendar calendar;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    cn.zhifa.TestClock clock;

    String officer1;
    long officerA;
    long officerB;
    LocalDate deadline;

    @BeforeEach
    void setUp() throws Exception {
        officer1 = Tokens.bearer(mvc, "officer1");
        officerA = users.findByUsername("officer1").orElseThrow().id();
        officerB = users.findByUsername("officer2").orElseThrow().id();
        deadline = calendar.addWorkingDays(LocalDate.now(ZoneId.of("Asia/Shanghai")), 10).due();
    }

    long newTask(String label) throws Exception {
        int offset = Math.floorMod(label.hashCode(), 300);
        String body = mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", officer1)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.taskJson(officerA, officerB, InspectionFixtures.enterprise(jdbc, offset).id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    ResultActions submit(String key, String json) throws Exception {
        return mvc.perform(post("/api/v1/inspection/records").header("Authorization", officer1)
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    long records(long taskId) {
        return jdbc.sql("SELECT count(*) FROM inspection_record WHERE task_id = :t").param("t", taskId).query(Long.class).single();
    }

    @Test
    @Tag("external-db")
    void ten_retries_of_the_same_submission_store_one_record_and_its_two_hazards() throws Exception {
        long task = newTask("幂等测试化工有限公司");
        String key = InspectionFixtures.key();
        String json = InspectionFixtures.recordJson(task, officerA, officerB, deadline, false, true);
        String first = submit(key, json).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        for (int i = 0; i < 9; i++) {
            String again = submit(key, json).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            assertThat(again).isEqualTo(first);
        }
        assertThat(records(task)).isEqualTo(1);
        long recordId = ((Number) JsonPath.read(first, "$.id")).longValue();
        assertThat((String) JsonPath.read(first, "$.status")).isEqualTo("SUBMITTED");
        mvc.perform(get("/api/v1/hazards").param("recordId", String.valueOf(recordId)).header("Authorization", officer1))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[?(@.level == 'MAJOR')].description").value(org.hamcrest.Matchers.hasSize(1)));
    }

    @Test
    void an_online_inspection_with_no_one_on_site_to_sign_is_submitted_and_its_findings_become_hazards() throws Exception {
        int offset = Math.floorMod("线上检查提交测试".hashCode(), 300);
        String created = mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", officer1)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.taskJson(officerA, officerB, InspectionFixtures.enterprise(jdbc, offset).id())
                                .replace("\"ON_SITE\"", "\"ONLINE\"")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long task = ((Number) JsonPath.read(created, "$.id")).longValue();
        String record = submit(InspectionFixtures.key(), InspectionFixtures.recordJson(task, officerA, officerB, deadline, false, false))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(record, "$.status")).isEqualTo("SUBMITTED");
        long recordId = ((Number) JsonPath.read(record, "$.id")).longValue();
        mvc.perform(get("/api/v1/hazards").param("recordId", String.valueOf(recordId)).header("Authorization", officer1))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void a_submitted_record_issues_its_record_and_rectification_order_once() throws Exception {
        long task = newTask("出具文书测试");
        String record = submit(InspectionFixtures.key(), InspectionFixtures.recordJson(task, officerA, officerB, deadline, false, true))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long recordId = ((Number) JsonPath.read(record, "$.id")).longValue();
        String first = mvc.perform(post("/api/v1/inspection/records/" + recordId + "/documents").header("Authorization", officer1))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].title").value("现场检查记录"))
                .andExpect(jsonPath("$[1].title").value("责令限期整改指令书"))
                .andReturn().getResponse().getContentAsString();
        String again = mvc.perform(post("/api/v1/inspection/records/" + recordId + "/documents").header("Authorization", officer1))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((java.util.List<Object>) JsonPath.read(again, "$[*].id")).isEqualTo(JsonPath.read(first, "$[*].id"));
        assertThat((String) JsonPath.read(first, "$[1].number")).contains("责改");
    }

    @Test
    void the_same_key_with_a_different_body_is_a_conflict_and_changes_nothing() throws Exception {
        long task = newTask("幂等冲突测试有限公司");
        String key = InspectionFixtures.key();
        submit(key, InspectionFixtures.recordJson(task, officerA, officerB, deadline, false, true)).andExpect(status().isCreated());
        submit(key, InspectionFixtures.recordJson(task, officerA, officerB, deadline.plusDays(7), true, true))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("幂等键")));
        assertThat(records(task)).isEqualTo(1);
    }

    @Test
    void a_create_without_an_idempotency_key_is_refused() throws Exception {
        mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", officer1).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.taskJson(officerA, officerB, InspectionFixtures.enterprise(jdbc, 1).id())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Idempotency-Key")));
    }

    @Test
    void a_task_with_one_officer_is_refused_in_chinese() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM inspection_task").query(Long.class).single();
        mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", officer1)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.taskJson(officerA, officerA, InspectionFixtures.enterprise(jdbc, 2).id())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("两名以上")));
        assertThat(jdbc.sql("SELECT count(*) FROM inspection_task").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void a_team_member_with_a_revoked_certificate_is_refused() throws Exception {
        long revoked = users.findByUsername("zf036").orElseThrow().id();
        mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", officer1)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.taskJson(officerA, revoked, InspectionFixtures.enterprise(jdbc, 3).id())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("执法证")));
    }

    @Test
    void a_certificate_that_has_expired_by_the_inspection_day_is_refused() throws Exception {
        long expiring = users.findByUsername("zf001").orElseThrow().id();
        clock.advance(java.time.Duration.ofDays(40));
        try {
            // zf005 is zf001's colleague in the same brigade: a team names officers of the creator's own units
            long colleague = users.findByUsername("zf005").orElseThrow().id();
            mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", Tokens.bearer(mvc, "zf005"))
                            .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                            .content(InspectionFixtures.taskJson(colleague, expiring,
                                    InspectionFixtures.enterpriseVisibleTo(jdbc, "zf005", 4).id())))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.anyOf(
                            org.hamcrest.Matchers.containsString("过期"), org.hamcrest.Matchers.containsString("有效期"))));
        } finally {
            clock.reset();
        }
    }

    @Test
    void a_deadline_before_today_is_refused_and_nothing_is_stored() throws Exception {
        long task = newTask("过期期限测试有限公司");
        submit(InspectionFixtures.key(), InspectionFixtures.recordJson(task, officerA, officerB,
                LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1), false, true))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("早于今天")));
        assertThat(records(task)).isZero();
    }

    @Test
    void a_deadline_on_a_rest_day_needs_confirmation() throws Exception {
        LocalDate saturday = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(14).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        while (calendar.isWorkingDay(saturday)) {
            saturday = saturday.plusWeeks(1);
        }
        long task = newTask("休息日期限测试有限公司");
        submit(InspectionFixtures.key(), InspectionFixtures.recordJson(task, officerA, officerB, saturday, false, true))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("非工作日")));
        assertThat(records(task)).isZero();
        submit(InspectionFixtures.key(), InspectionFixtures.recordJson(task, officerA, officerB, saturday, true, true))
                .andExpect(status().isCreated());
    }

    @Test
    void a_missing_representative_signature_is_refused() throws Exception {
        long task = newTask("缺签名测试有限公司");
        submit(InspectionFixtures.key(), InspectionFixtures.recordJson(task, officerA, officerB, deadline, false, false))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("尚未签名")));
        assertThat(records(task)).isZero();
    }

    @Test
    void a_blank_signature_is_refused() throws Exception {
        long task = newTask("空白签名测试有限公司");
        String json = InspectionFixtures.recordJson(task, officerA, officerB, deadline, false, true)
                .replaceFirst("data:image/png;base64,[A-Za-z0-9+/=]+", InspectionFixtures.blankSignature());
        submit(InspectionFixtures.key(), json)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("空白")));
        assertThat(records(task)).isZero();
    }
}
