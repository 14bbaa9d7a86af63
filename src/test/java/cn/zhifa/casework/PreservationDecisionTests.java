package cn.zhifa.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.StatementCount;
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
    void the_case_page_reads_its_records_once_however_many_preservations_it_shows() throws Exception {
        long id = filedCase("先行登记保存读取次数测试有限公司");
        long issued = preserve(id);
        long approved = requestApproval(id);
        assertThat(approve(id, approved, "leader1").getStatus()).isEqualTo(200);
        long awaiting = requestApproval(id);

        StatementCount page = StatementCount.of(() -> page("/cases/" + id));

        // the timeline's decision periods, the records panel, its decisions and what each record offers: one read
        assertThat(page.sql()).filteredOn(sql -> RECORD_READ.matcher(sql).find()).as("reads of case_record").hasSize(1);
        assertThat(page.sql()).filteredOn(sql -> sql.contains("FROM case_record_answer")).hasSize(1);
        assertThat(page.sql()).filteredOn(sql -> sql.contains("FROM case_record_item")).hasSize(1);
        String shown = page("/cases/" + id);
        assertThat(shown).contains("data-code=\"PRESERVATION_" + issued + "\"")
                .contains("应于 " + entry(id, issued).deadline().due() + " 前作出处理决定")
                .contains("/cases/" + id + "/records/" + approved + "/preservation-issue")
                .doesNotContain("/cases/" + id + "/records/" + awaiting + "/preservation-issue")
                .doesNotContain("/cases/" + id + "/records/" + issued + "/preservation-issue");
    }

    /** A statement reading case_record itself (not its answers or items). */
    private static final java.util.regex.Pattern RECORD_READ = java.util.regex.Pattern.compile("(?i)\\bfrom\\s+case_record\\b(?!_)");

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

    @Test
    void a_preservation_is_issued_only_after_the_heads_approval_article_56() throws Exception {
        long id = filedCase("先行登记保存批准测试有限公司");
        long recordId = requestApproval(id);
        OnsiteRecord asked = record(id, recordId);
        assertThat(asked.documentId()).isNull();
        assertThat(asked.approval()).contains("已提请负责人批准").contains("以后难以取得");
        assertThat(asUser(() -> records.preservations(id))).as("no decision period before the preservation").isEmpty();
        assertThat(page("/cases/" + id)).contains("已提请负责人批准").doesNotContain("签发先行登记保存证据通知书");

        MockHttpServletResponse early = issue(id, recordId);
        assertThat(early.getStatus()).isEqualTo(200);
        assertThat(early.getContentAsString()).contains("尚未经行政机关负责人批准").contains("第五十六条");
        assertThat(record(id, recordId).documentId()).isNull();

        assertThat(approve(id, recordId, firstUser).getStatus()).as("an officer is not the head").isEqualTo(403);
        assertThat(approve(id, recordId, "leader1").getStatus()).isEqualTo(200);
        MockHttpServletResponse again = approve(id, recordId, "leader1");
        assertThat(again.getStatus()).isEqualTo(422);
        assertThat(again.getContentAsString()).contains("不能重复批准");
        assertThat(record(id, recordId).approval()).contains("批准").contains("同意先行登记保存");
        assertThat(page("/cases/" + id)).contains("签发先行登记保存证据通知书");
        assertThat(page("/cases/" + id + "/records/" + recordId + "/preservation-issue")).contains("员工安全培训签到表").contains("record-form");

        int steps = steps(id);
        assertThat(issue(id, recordId).getStatus()).isEqualTo(302);
        OnsiteRecord issued = record(id, recordId);
        assertThat(OnsiteRecordsTests.pdfText(documents, issued.documentId())).contains("先行登记保存证据通知书").contains("员工安全培训签到表");
        assertThat(asUser(() -> cases.get(id)).getSteps().get(steps).opinion()).contains("先行登记保存证据1项").contains("批准");
        assertThat(asUser(() -> records.preservations(id))).singleElement().satisfies(p -> assertThat(p.decided()).isFalse());
        assertThat(auditCount(id, "批准先行登记保存")).isPositive();
    }

    @Test
    void without_the_heads_approval_or_an_emergency_a_preservation_is_refused_with_article_56_and_issues_nothing() throws Exception {
        long id = filedCase("先行登记保存未批准测试有限公司");
        MockHttpServletResponse refused = emergency(id, null);
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("须经行政机关负责人批准").contains("第五十六条");
        assertThat(jdbc.sql("SELECT count(*) FROM case_record WHERE case_id = :id").param("id", id).query(Long.class).single()).isZero();
    }

    @Test
    void an_emergency_preservation_is_issued_at_once_and_approved_afterwards_only_within_the_configured_hours() throws Exception {
        long id = filedCase("先行登记保存紧急测试有限公司");
        assertThat(emergency(id, "当事人正在转移培训档案").getStatus()).isEqualTo(302);
        long urgent = latest(id);
        OnsiteRecord taken = record(id, urgent);
        assertThat(taken.documentId()).isNotNull();
        assertThat(taken.approval()).contains("情况紧急先行保存").contains("补办批准");
        clock.advance(Duration.ofHours(2));
        assertThat(approve(id, urgent, "leader1").getStatus()).isEqualTo(200);
        assertThat(record(id, urgent).approval()).contains("补办批准");

        assertThat(emergency(id, "现场物品即将被清理").getStatus()).isEqualTo(302);
        long late2 = latest(id);
        clock.advance(Duration.ofHours(25));
        MockHttpServletResponse late = approve(id, late2, "leader1");
        assertThat(late.getStatus()).isEqualTo(422);
        assertThat(late.getContentAsString()).contains("24小时内补办批准手续").contains("第十九条").contains("应当解除先行登记保存");
        assertThat(record(id, late2).approval()).contains("未在").contains("应当解除先行登记保存");
        assertThat(page("/cases/" + id)).contains("应当解除先行登记保存");
    }

    // ---- helpers

    long filedCase(String party) throws Exception {
        long id = api.open(firstUser, CaseApiSupport.firm(unit, party, "未如实记录安全生产教育和培训情况"));
        CaseSignatures.ensure(specimens, firstUser, secondUser, "leader1");
        api.act("leader1", id, "file", Map.of("opinion", "同意立案", "secondHandler", secondUser));
        return id;
    }

    /** 先行登记保存 as the law has it (第五十六条): the officer asks, the head approves, the officers issue the notice. */
    long preserve(long id) throws Exception {
        long recordId = requestApproval(id);
        assertThat(approve(id, recordId, "leader1").getStatus()).isEqualTo(200);
        MockHttpServletResponse issued = issue(id, recordId);
        assertThat(issued.getStatus()).as(issued.getContentAsString()).isEqualTo(302);
        return recordId;
    }

    long requestApproval(long id) throws Exception {
        MockHttpServletRequestBuilder request = post("/cases/" + id + "/records/preservation-request").session(session).with(csrf())
                .param("place", "现场仓库东侧").param("partyPerson", "赵某").param("approvalReason", "培训签到表可能被更换，以后难以取得")
                .param("officer1Id", String.valueOf(first)).param("officer2Id", String.valueOf(second))
                .param("itemName", "员工安全培训签到表").param("itemSpec", "A4").param("itemQuantity", "12页").param("itemLocation", "");
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
        return asUser(() -> records.records(id)).stream().filter(r -> r.kind() == OnsiteKind.PRESERVATION)
                .reduce((a, b) -> b).orElseThrow().id();
    }

    MockHttpServletResponse approve(long id, long recordId, String user) throws Exception {
        MockHttpServletResponse response = api.post(user, "/api/v1/cases/" + id + "/records/" + recordId + "/preservation-approval",
                Map.of("opinion", "同意先行登记保存"));
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    MockHttpServletResponse issue(long id, long recordId) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/cases/" + id + "/records/" + recordId + "/preservation-issue")
                .session(session).with(csrf()).param("partyPerson", "赵某")
                .param("sig_officer1", InspectionFixtures.signature()).param("sig_officer2", InspectionFixtures.signature())
                .param("sig_party", InspectionFixtures.signature())).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    MockHttpServletResponse emergency(long id, String reason) throws Exception {
        MockHttpServletRequestBuilder request = post("/cases/" + id + "/records/preservation").session(session).with(csrf())
                .param("place", "现场仓库东侧").param("partyPerson", "赵某")
                .param("officer1Id", String.valueOf(first)).param("officer2Id", String.valueOf(second))
                .param("itemName", "员工安全培训签到表").param("itemSpec", "A4").param("itemQuantity", "12页").param("itemLocation", "")
                .param("sig_officer1", InspectionFixtures.signature()).param("sig_officer2", InspectionFixtures.signature())
                .param("sig_party", InspectionFixtures.signature());
        if (reason != null) request.param("emergencyReason", reason);
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    long latest(long id) {
        return asUser(() -> records.records(id)).stream().filter(r -> r.kind() == OnsiteKind.PRESERVATION)
                .reduce((a, b) -> b).orElseThrow().id();
    }

    OnsiteRecord record(long id, long recordId) {
        return asUser(() -> records.records(id)).stream().filter(r -> r.id() == recordId).findFirst().orElseThrow();
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
