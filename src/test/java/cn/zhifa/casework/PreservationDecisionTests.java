package cn.zhifa.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.SampleDocuments;
import cn.zhifa.documents.SignatureSpecimens;
import cn.zhifa.inspection.InspectionFixtures;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.law.PeriodCode;
import cn.zhifa.law.StatutoryPeriods;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * 先行登记保存处理决定 (行政处罚法第五十六条): the decision period is a deadline on the case timeline computed on the
 * working-day calendar, done once decided, 逾期 when it passes undecided; the decision is made once, and bad input
 * is refused in Chinese with nothing written.
 */
@ZhifaIntegrationTest
class PreservationDecisionTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocumentManagement documents;
    @Autowired
    InvestigationRecords records;
    @Autowired
    CaseManagement cases;
    @Autowired
    CaseDeadlines deadlines;
    @Autowired
    StatutoryPeriods periods;
    @Autowired
    LegalCalendar calendar;
    @Autowired
    SignatureSpecimens specimens;

    CaseApiSupport api;
    long unit;
    long first;
    long second;
    String firstUser;
    String secondUser;
    MockHttpSession session;

    @BeforeEach
    void setUp() throws Exception {
        api = new CaseApiSupport(mvc, clock);
        unit = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        SampleDocuments.ensureSettings(documents, documents.authorityFor(unit).orElseThrow().organizationId());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<Long> certified = jdbc.sql("""
                        SELECT u.id FROM app_user u JOIN officer_certificate c ON c.user_id = u.id
                        WHERE u.organization_id = :org AND c.status = 'VALID' AND c.issued_on <= :today AND c.expires_on > :today
                          AND u.username <> 'leader1' ORDER BY u.username LIMIT 2""")
                .param("org", unit).param("today", today).query(Long.class).list();
        first = certified.get(0);
        second = certified.get(1);
        firstUser = username(first);
        secondUser = username(second);
        session = (MockHttpSession) mvc.perform(formLogin().user(firstUser).password(Tokens.DEMO_PASSWORD)).andReturn()
                .getRequest().getSession();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_timeline_shows_the_decision_period_on_the_working_day_calendar_and_the_decision_makes_it_done() throws Exception {
        long id = filedCase("先行登记保存期限测试有限公司");
        long recordId = preserve(id);
        LocalDate today = records.today();

        TimelineEntry entry = entry(id, recordId);
        assertThat(entry.label()).isEqualTo("先行登记保存处理决定期限");
        assertThat(entry.date()).isNull();
        assertThat(entry.deadline().due()).isEqualTo(nthWorkingDayAfter(today, periods.period(PeriodCode.EVIDENCE_PRESERVATION).length()));
        assertThat(entry.status()).isIn(TimelineEntry.Status.RUNNING, TimelineEntry.Status.NEAR);
        assertThat(page("/cases/" + id)).contains("先行登记保存处理决定期限").contains("作出先行登记保存处理决定")
                .contains("应于 " + entry.deadline().due() + " 前作出处理决定");

        int steps = steps(id);
        MockHttpServletResponse response = decide(id, recordId, "RELEASED", today.toString(), "违法事实已通过拍照、复制固定，证据无需继续保存");
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("/cases/" + id + "#case-records");

        TimelineEntry done = entry(id, recordId);
        assertThat(done.status()).isEqualTo(TimelineEntry.Status.DONE);
        assertThat(done.date()).isEqualTo(today);
        PreservedEvidence p = asUser(() -> records.preservations(id)).get(0);
        assertThat(p.decision()).isEqualTo(PreservationDecision.RELEASED);
        assertThat(p.late()).isFalse();
        assertThat(steps(id)).isEqualTo(steps + 1);
        CaseStep step = asUser(() -> cases.get(id)).getSteps().get(steps);
        assertThat(step.kind()).isEqualTo(StepKind.EVIDENCE);
        assertThat(step.opinion()).contains("先行登记保存处理决定").contains(PreservationDecision.RELEASED.label());
        assertThat(auditCount(id, "先行登记保存处理决定")).isPositive();
        assertThat(page("/cases/" + id)).contains("处理决定：").contains(PreservationDecision.RELEASED.label());
    }

    @Test
    void past_the_due_day_undecided_it_is_overdue_and_warned_and_a_late_decision_is_flagged() throws Exception {
        long id = filedCase("先行登记保存逾期测试有限公司");
        long recordId = preserve(id);
        LocalDate due = entry(id, recordId).deadline().due();
        clock.advance(Duration.ofDays(due.toEpochDay() - records.today().toEpochDay() + 2));

        TimelineEntry overdue = entry(id, recordId);
        assertThat(overdue.status()).isEqualTo(TimelineEntry.Status.OVERDUE);
        List<CaseWarning> warnings = asUser(() -> deadlines.warnings(cases.get(id), records.today()));
        assertThat(warnings).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo("PRESERVATION_" + recordId);
            assertThat(w.level()).isEqualTo(TimelineEntry.Status.OVERDUE);
            assertThat(w.due()).isEqualTo(due);
        });

        assertThat(decide(id, recordId, "SEIZURE", records.today().toString(), "经鉴定属于违法生产的物品，依法扣押").getStatus()).isEqualTo(302);
        PreservedEvidence p = asUser(() -> records.preservations(id)).get(0);
        assertThat(p.late()).isTrue();
        assertThat(entry(id, recordId).status()).isEqualTo(TimelineEntry.Status.DONE_LATE);
        assertThat(asUser(() -> deadlines.warnings(cases.get(id), records.today()))).noneMatch(w -> w.code().startsWith("PRESERVATION_"));
        assertThat(page("/cases/" + id)).contains("逾期（应于" + due + "前作出）");
    }

    @Test
    void a_second_decision_is_refused_in_chinese_and_changes_nothing() throws Exception {
        long id = filedCase("先行登记保存重复决定测试有限公司");
        long recordId = preserve(id);
        LocalDate today = records.today();
        assertThat(decide(id, recordId, "TRANSFER", today.toString(), "不属于本机关管辖，移送市场监管部门").getStatus()).isEqualTo(302);
        int steps = steps(id);

        assertThat(refusal(id, recordId, "RELEASED", today.toString(), "再次决定")).contains("已于" + today).contains("不能重复作出");
        MockHttpServletResponse api = this.api.post(firstUser, "/api/v1/cases/" + id + "/records/" + recordId + "/preservation-decision",
                Map.of("decision", "RELEASED", "decidedOn", today.toString(), "reason", "再次决定"));
        api.setCharacterEncoding("UTF-8");
        assertThat(api.getStatus()).isEqualTo(409);
        assertThat(api.getContentAsString()).contains("不能重复作出");

        PreservedEvidence p = asUser(() -> records.preservations(id)).get(0);
        assertThat(p.decision()).isEqualTo(PreservationDecision.TRANSFER);
        assertThat(p.reason()).isEqualTo("不属于本机关管辖，移送市场监管部门");
        assertThat(steps(id)).isEqualTo(steps);
    }

    @Test
    void bad_input_is_refused_in_chinese_and_writes_nothing() throws Exception {
        long id = filedCase("先行登记保存输入校验测试有限公司");
        long recordId = preserve(id);
        LocalDate today = records.today();
        int steps = steps(id);
        Map<String, String[]> cases = Map.of(
                "请选择先行登记保存证据的处理决定", new String[]{"", today.toString(), "理由"},
                "不在可选范围内", new String[]{"DESTROY", today.toString(), "理由"},
                "处理决定日期格式不正确", new String[]{"RELEASED", "2026/13/01", "理由"},
                "不能早于先行登记保存之日", new String[]{"RELEASED", today.minusDays(1).toString(), "理由"},
                "不能晚于今天", new String[]{"RELEASED", today.plusDays(1).toString(), "理由"},
                "请填写处理理由", new String[]{"RELEASED", today.toString(), "  "});
        for (Map.Entry<String, String[]> bad : cases.entrySet()) {
            String[] in = bad.getValue();
            assertThat(refusal(id, recordId, in[0], in[1], in[2])).as(bad.getKey()).contains(bad.getKey());
        }
        MockHttpServletResponse api = this.api.post(firstUser, "/api/v1/cases/" + id + "/records/" + recordId + "/preservation-decision",
                Map.of("decision", "RELEASED", "decidedOn", today.toString(), "reason", ""));
        api.setCharacterEncoding("UTF-8");
        assertThat(api.getStatus()).isEqualTo(422);
        assertThat(api.getContentAsString()).contains("请填写处理理由");
        MockHttpServletResponse missing = this.api.post(firstUser, "/api/v1/cases/" + id + "/records/999999999/preservation-decision",
                Map.of("decision", "RELEASED", "decidedOn", today.toString(), "reason", "理由"));
        assertThat(missing.getStatus()).isEqualTo(404);

        assertThat(asUser(() -> records.preservations(id)).get(0).decided()).isFalse();
        assertThat(entry(id, recordId).date()).isNull();
        assertThat(steps(id)).isEqualTo(steps);
    }

    @Test
    void only_a_certified_officer_of_the_cases_unit_may_decide() throws Exception {
        long id = filedCase("先行登记保存决定人员测试有限公司");
        long recordId = preserve(id);
        MockHttpServletResponse supervisor = api.post("supervisor1", "/api/v1/cases/" + id + "/records/" + recordId + "/preservation-decision",
                Map.of("decision", "RELEASED", "decidedOn", records.today().toString(), "reason", "市局监督员代为决定"));
        supervisor.setCharacterEncoding("UTF-8");
        assertThat(supervisor.getStatus()).as("supervision does not handle cases").isEqualTo(403);
        assertThat(supervisor.getContentAsString()).contains("当前账号无权执行此操作");
        MockHttpServletResponse response = api.post("legal1", "/api/v1/cases/" + id + "/records/" + recordId + "/preservation-decision",
                Map.of("decision", "RELEASED", "decidedOn", records.today().toString(), "reason", "法制审核人员代为决定"));
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(422);
        assertThat(response.getContentAsString()).contains("本案所属单位持有效行政执法证的执法人员");
        assertThat(asUser(() -> records.preservations(id)).get(0).decided()).isFalse();
    }

    // ---- helpers

    long filedCase(String party) throws Exception {
        long id = api.open(firstUser, CaseApiSupport.firm(unit, party, "未如实记录安全生产教育和培训情况"));
        CaseSignatures.ensure(specimens, firstUser, secondUser, "leader1");
        api.act("leader1", id, "file", Map.of("opinion", "同意立案", "secondHandler", secondUser));
        return id;
    }

    long preserve(long id) throws Exception {
        Map<String, String> form = new HashMap<>(Map.of("place", "现场仓库东侧", "partyPerson", "赵某",
                "officer1Id", String.valueOf(first), "officer2Id", String.valueOf(second),
                "sig_officer1", InspectionFixtures.signature(), "sig_officer2", InspectionFixtures.signature(),
                "sig_party", InspectionFixtures.signature()));
        MockHttpServletRequestBuilder request = post("/cases/" + id + "/records/preservation").session(session).with(csrf())
                .param("itemName", "员工安全培训签到表").param("itemSpec", "A4").param("itemQuantity", "12页").param("itemLocation", "");
        form.forEach(request::param);
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
        return asUser(() -> records.records(id)).stream().filter(r -> r.kind() == OnsiteKind.PRESERVATION)
                .findFirst().orElseThrow().id();
    }

    MockHttpServletResponse decide(long id, long recordId, String decision, String day, String reason) throws Exception {
        return decision(id, recordId, decision, day, reason).getResponse();
    }

    /** The Chinese refusal the page shows after a refused decision (flash attribute), or null. */
    String refusal(long id, long recordId, String decision, String day, String reason) throws Exception {
        MvcResult result = decision(id, recordId, decision, day, reason);
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        return (String) result.getFlashMap().get("refusal");
    }

    MvcResult decision(long id, long recordId, String decision, String day, String reason) throws Exception {
        return mvc.perform(post("/cases/" + id + "/records/" + recordId + "/preservation-decision")
                .session(session).with(csrf()).param("decision", decision).param("decidedOn", day).param("reason", reason)).andReturn();
    }

    LocalDate nthWorkingDayAfter(LocalDate from, int n) {
        LocalDate day = from;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) counted++;
        }
        return day;
    }

    TimelineEntry entry(long id, long recordId) {
        return asUser(() -> deadlines.timeline(cases.get(id), records.today())).stream()
                .filter(e -> e.code().equals("PRESERVATION_" + recordId)).findFirst().orElseThrow();
    }

    int steps(long id) {
        return asUser(() -> cases.get(id)).getSteps().size();
    }

    long auditCount(long id, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE target_type = '案件' AND target_id = :id AND action = :action")
                .param("id", String.valueOf(id)).param("action", action).query(Long.class).single();
    }

    String page(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).session(session)).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    String username(long userId) {
        return jdbc.sql("SELECT username FROM app_user WHERE id = :id").param("id", userId).query(String.class).single();
    }

    <T> T asUser(Supplier<T> action) {
        var context = (org.springframework.security.core.context.SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT");
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }
}
