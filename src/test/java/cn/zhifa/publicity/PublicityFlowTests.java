package cn.zhifa.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.casework.PartyKind;
import cn.zhifa.casework.PartySnapshot;
import cn.zhifa.casework.PenaltyDecisionRecorded;
import cn.zhifa.casework.ProcedureKind;
import cn.zhifa.organization.UserManagement;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A decision flows from casework's event to the leader's list, the portal (masked), the rate and the 双公示 file, and
 * is withdrawn; on a clock set into 2030 so that nothing else falls into its dates.
 */
@ZhifaIntegrationTest
class PublicityFlowTests {

    static final LocalDate DECIDED = LocalDate.of(2030, 7, 1);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserManagement users;
    @Autowired
    PublicityManagement publicity;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void at(LocalDate day) {
        clock.setTo(day.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    long decide(long caseId, ProcedureKind procedure, PartySnapshot party, String number, String facts, LocalDate on) {
        long org = users.findByUsername("leader1").orElseThrow().organizationId();
        tx.executeWithoutResult(s -> events.publishEvent(new PenaltyDecisionRecorded(caseId, org, procedure, "案〔2030〕" + caseId + "号",
                number, null, party, "危险作业未安排专门人员进行现场安全管理", facts, "《中华人民共和国安全生产法》第101条",
                "罚款人民币30000.00元", null, new BigDecimal("30000.00"), on)));
        return jdbc.sql("SELECT coalesce(max(id), -1) FROM penalty_publication WHERE case_id = :id").param("id", caseId)
                .query(Long.class).single();
    }

    @Test
    void a_decision_is_published_by_the_leader_shown_masked_to_the_public_exported_and_withdrawn() throws Exception {
        at(DECIDED);
        PartySnapshot person = new PartySnapshot(PartyKind.PERSON, "测试公示甲", "11010519491231002X", null, "示例市东城区龙湖镇幸福村12号");
        long personId = decide(9_900_001L, ProcedureKind.ORDINARY, person, "（东城）应急罚〔2030〕901号",
                "测试公示甲（电话13812345678）在示例市东城区龙湖镇幸福村12号组织动火作业无人监护", DECIDED);
        PartySnapshot unit = new PartySnapshot(PartyKind.UNIT, "测试公示乙有限公司", "91350100M000100Y43", "王某", "示例市东城区建设路2号");
        long unitId = decide(9_900_002L, ProcedureKind.ORDINARY, unit, "（东城）应急罚〔2030〕902号", "动火作业无人监护", DECIDED);
        long summary = decide(9_900_003L, ProcedureKind.SUMMARY, unit, "（东城）应急当罚〔2030〕903号", "堆放杂物", DECIDED);
        assertThat(personId).isPositive();
        assertThat(summary).as("summary-procedure decisions are not published").isEqualTo(-1);
        decide(9_900_001L, ProcedureKind.ORDINARY, person, "（东城）应急罚〔2030〕901号", "重复送达的事件", DECIDED);
        assertThat(jdbc.sql("SELECT count(*) FROM penalty_publication WHERE case_id = 9900001").query(Long.class).single()).isOne();

        String leader = Tokens.bearer(mvc, "leader1");
        String officer = Tokens.bearer(mvc, "officer1");
        mvc.perform(get("/api/v1/publicity/publications/" + personId).header("Authorization", leader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AWAITING"))
                .andExpect(jsonPath("$.dueOn").value("2030-07-10"));
        mvc.perform(get("/api/v1/public/penalties").param("q", "测试公示"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));

        mvc.perform(post("/api/v1/publicity/publications/" + personId + "/publish").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"channels\":[\"CREDIT_CHINA\"]}"))
                .andExpect(status().isForbidden());
        at(DECIDED.plusDays(2));
        leader = Tokens.bearer(mvc, "leader1");
        for (long id : List.of(personId, unitId)) {
            mvc.perform(post("/api/v1/publicity/publications/" + id + "/publish").header("Authorization", leader)
                            .contentType(MediaType.APPLICATION_JSON).content("{\"channels\":[\"SUPERVISION_PLATFORM\"]}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("PUBLISHED"))
                    .andExpect(jsonPath("$.late").value(false))
                    .andExpect(jsonPath("$.channels.PORTAL").value("2030-07-03"))
                    .andExpect(jsonPath("$.channels.SUPERVISION_PLATFORM").value("2030-07-03"));
        }
        mvc.perform(post("/api/v1/publicity/publications/" + personId + "/publish").header("Authorization", leader))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("该处罚决定已于2030-07-03公示。"));

        String body = mvc.perform(get("/api/v1/public/penalties").param("q", "测试公示甲").param("size", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(5))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Map<String, Object> item = JsonPath.read(body, "$.items[0]");
        assertThat(item.keySet()).containsExactlyInAnyOrder("decisionNumber", "partyName", "partyKind", "uscc", "violation",
                "basis", "penalty", "fineYuan", "authority", "decidedOn", "publishedOn", "expiresOn");
        assertThat(item).containsEntry("uscc", "110105********002X").containsEntry("partyKind", "自然人")
                .containsEntry("authority", "示例市东城区应急管理局").containsEntry("decidedOn", "2030-07-01")
                .containsEntry("publishedOn", "2030-07-03").containsEntry("expiresOn", "2033-07-01");
        assertThat(body).doesNotContain("19491231").doesNotContain("13812345678").doesNotContain("幸福村");

        String page = mvc.perform(get("/public/penalties").param("q", "测试公示"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("测试公示甲").contains("110105********002X").contains("示例市东城区应急管理局")
                .doesNotContain("11010519491231002X");

        // the exchange file: the unit's USCC is valid, the person's ID number is valid and masked in the file
        at(DECIDED.plusDays(5));
        leader = Tokens.bearer(mvc, "leader1");
        officer = Tokens.bearer(mvc, "officer1");
        byte[] csv = mvc.perform(get("/api/v1/publicity/exchange").header("Authorization", leader)
                        .param("from", "2030-07-03").param("to", "2030-07-03").param("format", "csv").param("channel", "ENTERPRISE_CREDIT"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String file = new String(csv, StandardCharsets.UTF_8);
        assertThat(file.lines()).hasSize(3);
        assertThat(file).contains("\"测试公示乙有限公司\",\"法人及非法人组织\",\"91350100M000100Y43\"")
                .contains("\"3.000000\"").contains("110105********002X").doesNotContain("11010519491231002X")
                .contains("\"11139902MB01965706\"");
        mvc.perform(get("/api/v1/publicity/publications/" + unitId).header("Authorization", leader))
                .andExpect(jsonPath("$.channels.ENTERPRISE_CREDIT").value("2030-07-06"));
        mvc.perform(get("/api/v1/publicity/exchange").header("Authorization", officer)
                        .param("from", "2030-07-03").param("to", "2030-07-03"))
                .andExpect(status().isForbidden());

        // the rate of 2030 in leader1's scope: both due, both published on time
        mvc.perform(get("/api/v1/publicity/statistics").param("year", "2030").header("Authorization", leader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.due").value(2))
                .andExpect(jsonPath("$.published").value(2))
                .andExpect(jsonPath("$.publishedOnTime").value(2))
                .andExpect(jsonPath("$.rate").value(100.0));

        // revoked on 复议: withdrawn with its reason, gone from the portal
        mvc.perform(post("/api/v1/publicity/publications/" + personId + "/withdraw").header("Authorization", leader)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"changedOn\":\"2030-07-05\",\"reason\":\" \"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("请填写撤回理由（处罚决定被变更、撤销或确认违法的情况）。"));
        mvc.perform(post("/api/v1/publicity/publications/" + personId + "/withdraw").header("Authorization", leader)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"changedOn\":\"2030-07-05\",\"reason\":\"经行政复议撤销\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.withdrawalReason").value("经行政复议撤销"));
        mvc.perform(get("/api/v1/public/penalties").param("q", "测试公示甲"))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/public/penalties").param("q", "测试公示乙"))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void an_exchange_file_with_an_invalid_uscc_is_refused_and_marks_nothing() throws Exception {
        at(LocalDate.of(2031, 9, 2));
        PartySnapshot bad = new PartySnapshot(PartyKind.UNIT, "测试公示丙有限公司", "91350100M000100Y44", "赵某", "示例市西城区");
        long id = decide(9_900_011L, ProcedureKind.ORDINARY, bad, "（东城）应急罚〔2030〕911号", "未设置警示标志", LocalDate.of(2031, 9, 2));
        String leader = Tokens.bearer(mvc, "leader1");
        mvc.perform(post("/api/v1/publicity/publications/" + id + "/publish").header("Authorization", leader))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/publicity/exchange").header("Authorization", leader)
                        .param("from", "2031-09-02").param("to", "2031-09-02").param("format", "xlsx"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("统一社会信用代码无效")));
        assertThat(jdbc.sql("SELECT count(*) FROM publication_channel WHERE publication_id = :id AND channel = 'CREDIT_CHINA'")
                .param("id", id).query(Long.class).single()).isZero();
        mvc.perform(get("/api/v1/publicity/exchange").header("Authorization", leader)
                        .param("from", "2031-09-03").param("to", "2031-09-01"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void the_sweep_warns_the_case_unit_once_a_day_when_publication_is_due_soon_and_when_overdue() throws Exception {
        // decided Fri 2032-11-05: 7 working days → Tue 2032-11-16 (2032 has no loaded notice: weekends only, provisional)
        at(LocalDate.of(2032, 11, 5));
        PartySnapshot unit = new PartySnapshot(PartyKind.UNIT, "测试公示丁有限公司", "91350100M000100Y43", "钱某", "示例市东城区");
        long id = decide(9_900_021L, ProcedureKind.ORDINARY, unit, "（东城）应急罚〔2030〕921号", "未组织演练", LocalDate.of(2032, 11, 5));
        String leader = Tokens.bearer(mvc, "leader1");
        mvc.perform(get("/api/v1/publicity/publications/" + id).header("Authorization", leader))
                .andExpect(jsonPath("$.dueOn").value("2032-11-16"))
                .andExpect(jsonPath("$.dueProvisional").value(true));
        at(LocalDate.of(2032, 11, 12));
        assertThat(publicity.sweep()).isPositive();
        assertThat(publicity.sweep()).as("once a day").isZero();
        assertThat(jdbc.sql("SELECT level FROM publication_warning WHERE publication_id = :id").param("id", id)
                .query(String.class).list()).containsExactly("NEAR");
        at(LocalDate.of(2032, 11, 17));
        leader = Tokens.bearer(mvc, "leader1");
        publicity.sweep();
        assertThat(jdbc.sql("SELECT level FROM publication_warning WHERE publication_id = :id AND raised_on = '2032-11-17'")
                .param("id", id).query(String.class).list()).containsExactly("OVERDUE");
        mvc.perform(get("/api/v1/publicity/publications").param("filter", "overdue").header("Authorization", leader))
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")].overdue").value(org.hamcrest.Matchers.contains(true)));
        mvc.perform(post("/api/v1/publicity/publications/" + id + "/publish").header("Authorization", leader))
                .andExpect(jsonPath("$.late").value(true));
    }

    @Test
    void the_demo_city_published_its_decisions_one_late_one_withdrawn_one_expired() {
        Map<String, Long> counts = new java.util.HashMap<>();
        publicationsOfDemo().forEach(row -> counts.merge(row, 1L, Long::sum));
        assertThat(counts.getOrDefault("late", 0L)).isOne();
        assertThat(counts.getOrDefault("withdrawn", 0L)).isOne();
        assertThat(counts.getOrDefault("expired", 0L)).isOne();
        assertThat(counts.getOrDefault("awaiting", 0L)).isZero();
        assertThat(counts.getOrDefault("on time", 0L)).isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM penalty_publication WHERE decision_number LIKE '%当罚%'").query(Long.class).single())
                .as("the demo's summary-procedure decision is not published").isZero();
    }

    private List<String> publicationsOfDemo() {
        return jdbc.sql("""
                        SELECT CASE WHEN withdrawn_on IS NOT NULL THEN 'withdrawn'
                                    WHEN published_on IS NULL THEN 'awaiting'
                                    WHEN expires_on < CURRENT_DATE THEN 'expired'
                                    WHEN published_on > due_on THEN 'late' ELSE 'on time' END
                        FROM penalty_publication WHERE published_by = '演示数据'""")
                .query(String.class).list();
    }

    @Test
    void every_demo_decision_against_a_unit_carries_a_valid_uscc_so_the_exchange_file_is_accepted() {
        List<String> codes = jdbc.sql("SELECT party_code FROM penalty_publication WHERE published_by = '演示数据' AND NOT person")
                .query(String.class).list();
        assertThat(codes).isNotEmpty();
        assertThat(codes).allSatisfy(code -> assertThat(cn.zhifa.law.Uscc.parse(code).reason()).as(code).isEmpty());
    }
}
