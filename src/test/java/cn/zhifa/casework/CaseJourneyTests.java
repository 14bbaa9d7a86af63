package cn.zhifa.casework;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;

import static cn.zhifa.casework.CaseApiSupport.firm;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.TestClock;
import cn.zhifa.ZhifaIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Narrated end-to-end walks through the case API, with the test clock moved across the 2026 Spring Festival and
 * National Day holidays so the working-day deadlines land on the official dates.
 */
@ZhifaIntegrationTest
class CaseJourneyTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    cn.zhifa.documents.DocumentManagement documents;
    @Autowired
    CaseManagement cases;

    CaseApiSupport api;
    long org;
    String handler;

    @BeforeEach
    void setUp() {
        api = new CaseApiSupport(mvc, clock);
        org = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        cn.zhifa.documents.SampleDocuments.ensureSettings(documents, documents.authorityFor(org).orElseThrow().organizationId());
        // 持证执法: the walks run on 2026 dates, so the handler is an officer of the brigade certified all year
        handler = jdbc.sql("""
                        SELECT u.username FROM app_user u JOIN officer_certificate c ON c.user_id = u.id
                        WHERE u.organization_id = :org AND c.status = 'VALID' AND c.issued_on <= DATE '2026-01-01'
                          AND c.expires_on > DATE '2026-12-31' AND u.username <> 'leader1'
                        ORDER BY u.username LIMIT 1""").param("org", org).query(String.class).single();
        // 执法人员不得少于两人: a second officer certified all year, named at filing; both sign with registered signatures
        second = jdbc.sql("""
                        SELECT u.username FROM app_user u JOIN officer_certificate c ON c.user_id = u.id
                        WHERE u.organization_id = :org AND c.status = 'VALID' AND c.issued_on <= DATE '2026-01-01'
                          AND c.expires_on > DATE '2026-12-31' AND u.username NOT IN ('leader1', :handler)
                        ORDER BY u.username LIMIT 1""").param("org", org).param("handler", handler).query(String.class).single();
        CaseSignatures.ensure(specimens, handler, second, "leader1", "legal1", "officer1");
    }

    String second;
    @Autowired
    cn.zhifa.documents.SignatureSpecimens specimens;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Filed, investigated, proposed and approved: ready for notice. */
    long readyForNotice(String party, String code, String tier, String amount) throws Exception {
        long id = api.open(handler, firm(org, party, "未采取措施消除事故隐患"));
        api.act("leader1", id, "file", Map.of("opinion", "同意立案", "secondHandler", second));
        api.act(handler, id, "investigate", Map.of("what", "INQUIRY", "content", "询问安全负责人，制作询问笔录"));
        api.act(handler, id, "propose-penalty", Map.of("violationCode", code, "tier", tier, "amountYuan", amount));
        api.act("leader1", id, "approve-proposal", Map.of("opinion", "同意"));
        return id;
    }

    @Test
    @Tag("external-db")
    void an_ordinary_case_runs_from_filing_to_archive_with_deadlines_on_the_spring_festival_calendar() throws Exception {
        // 2 Feb 2026: officer1 registers a hazard-not-eliminated case; leader1 files it the same day.
        api.today("2026-02-02");
        long id = readyForNotice("春节前检查化工有限公司", "102-1", "GENERAL", "20000");
        assertThat(api.stage(id)).isEqualTo("APPROVED");
        String secondName = jdbc.sql("SELECT display_name FROM app_user WHERE username = :u").param("u", second).query(String.class).single();
        assertThat((String) JsonPath.read(api.view(id), "$.coHandlerName")).as("both 承办人 in the API view").isEqualTo(secondName);
        // the decision period of 30 days runs from filing: 4 March 2026
        assertThat(api.deadline(id, "DECISION")).isEqualTo("2026-03-04");

        // 12 Feb: the notice is served; three working days are 13 Feb, Saturday 14 Feb (调休上班) and 24 Feb.
        api.today("2026-02-12");
        api.act(handler, id, "notify", Map.of());
        List<String> statement = JsonPath.read(api.view(id), "$.timeline[?(@.code == 'STATEMENT')].deadline.due");
        assertThat(statement).containsExactly("2026-02-24");

        // 24 Feb: still inside the statement period — the decision is refused and nothing changes.
        api.today("2026-02-24");
        int version = api.version(id);
        assertThat(api.refused("leader1", id, "decide", Map.of("number", "（东城）应急罚〔2026〕7号"), 422))
                .contains("陈述申辩期限至2026-02-24届满");
        assertThat(api.version(id)).isEqualTo(version);

        // 25 Feb: decided, the 行政处罚决定书 issued through the documents module with its gap-free number;
        // service within seven working days counts Saturday 28 Feb: due 5 March.
        api.today("2026-02-25");
        api.act("leader1", id, "decide", Map.of());
        String number = JsonPath.read(api.view(id), "$.decisionNumber");
        assertThat(number).matches("（东城）应急罚〔2026〕\\d+号");
        String caseNumber = JsonPath.read(api.view(id), "$.caseNumber");
        assertThat(documents.forSource(new cn.zhifa.documents.SourceRef("case", caseNumber)))
                .extracting(cn.zhifa.documents.IssuedDocument::kind).containsExactlyInAnyOrder("CASE_FILING_APPROVAL",
                        "CASE_HANDLING_APPROVAL", "PENALTY_NOTICE", "PENALTY_DECISION_UNIT");
        assertThat(api.deadline(id, "SERVICE")).isEqualTo("2026-03-05");

        // 2 March: served; payment within 15 days: 17 March.
        api.today("2026-03-02");
        api.act(handler, id, "serve", Map.of("method", "直接送达", "receipt", "法定代表人赵某签收"));
        assertThat(api.deadline(id, "PAYMENT")).isEqualTo("2026-03-17");
        // the 送达回执 of the decision issued here goes through the service ledger: the case and the ledger hold one day
        assertThat(jdbc.sql("SELECT method || ' ' || served_on || ' ' || recipient FROM case_service WHERE penalty_case = :id")
                .param("id", id).query(String.class).list()).containsExactly("DIRECT 2026-03-02 法定代表人赵某签收");

        // 17 March: paid in full; leader1 closes, officer1 archives.
        api.today("2026-03-17");
        api.act(handler, id, "payment", Map.of("amountYuan", "20000"));
        assertThat(api.stage(id)).isEqualTo("EXECUTED");
        api.act("leader1", id, "close", Map.of("opinion", "执行完毕，同意结案"));
        assertThat(documents.forSource(new cn.zhifa.documents.SourceRef("case", caseNumber)))
                .extracting(cn.zhifa.documents.IssuedDocument::kind).contains("CASE_CLOSING_APPROVAL");
        api.act(handler, id, "archive", Map.of());
        assertThat(api.stage(id)).isEqualTo("ARCHIVED");
        List<String> steps = JsonPath.read(api.view(id), "$.steps[*].kind");
        assertThat(steps).containsSubsequence("PROPOSED", "FILED", "INQUIRY", "PENALTY_PROPOSED", "PROPOSAL_APPROVED",
                "NOTIFIED", "DECIDED", "SERVED", "PAYMENT", "EXECUTED", "CLOSED", "ARCHIVED");
    }

    @Test
    void a_case_for_a_registered_enterprise_keeps_the_registry_snapshot_of_the_party_with_the_code_masked() throws Exception {
        var firm = jdbc.sql("SELECT id, name, uscc FROM enterprise WHERE uscc IS NOT NULL ORDER BY id LIMIT 1")
                .query((rs, n) -> new Object[]{rs.getLong("id"), rs.getString("name"), rs.getString("uscc")}).single();
        Map<String, Object> form = firm(org, "", "未采取措施消除事故隐患");
        form.remove("partyCode");
        form.put("enterpriseId", firm[0]);
        long id = api.open(handler, form);
        String view = api.view(id);
        assertThat((String) JsonPath.read(view, "$.partyName")).isEqualTo(firm[1]);
        String uscc = (String) firm[2];
        assertThat((String) JsonPath.read(view, "$.partyCode")).isEqualTo(uscc.substring(0, 4) + "*".repeat(10) + uscc.substring(14));
    }

    @Test
    void the_hazard_module_opens_one_case_per_unrectified_hazard() {
        var firm = jdbc.sql("SELECT id, name FROM enterprise ORDER BY id LIMIT 1")
                .query((rs, n) -> new Object[]{rs.getLong("id"), rs.getString("name")}).single();
        ProposedCase proposal = ProposedCase.unrectifiedHazard(org, (Long) firm[0], null, 424242L, "配电室未设置绝缘垫",
                java.time.LocalDate.parse("2026-11-02"));
        long first = cases.proposeFromUnrectifiedHazard(proposal);
        assertThat(cases.proposeFromUnrectifiedHazard(proposal)).isEqualTo(first);
        String row = jdbc.sql("SELECT party_name || '|' || violation_code || '|' || stage FROM penalty_case WHERE id = :id")
                .param("id", first).query(String.class).single();
        assertThat(row).isEqualTo(firm[1] + "|102-1|PROPOSED");
    }

    @Test
    void an_accident_case_is_graded_from_its_figures_and_its_fine_range_follows_the_grade() throws Exception {
        api.today("2026-04-08");
        Map<String, Object> form = firm(org, "永安化工有限公司", "“4·1”中毒窒息事故");
        form.putAll(Map.of("source", "ACCIDENT", "kind", "ACCIDENT", "deaths", 3, "seriousInjuries", 1, "directLossYuan", "3000000"));
        long id = api.open(handler, form);
        assertThat((String) JsonPath.read(api.view(id), "$.accidentGrade")).isEqualTo("较大事故");
        api.act("leader1", id, "file", Map.of("secondHandler", second));
        api.act(handler, id, "investigate", Map.of("what", "SITE_EXAMINATION", "content", "事故现场勘验"));

        // 3 deaths: 较大事故, and inside it the first sub-range of 《生产安全事故罚款处罚规定》(应急管理部令第14号): 100万–150万
        String assessment = api.post(handler, "/api/v1/cases/" + id + "/discretion",
                Map.of("violationCode", "114-2", "tier", "GENERAL", "amountYuan", "1250000")).getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(JsonPath.<Number>read(assessment, "$.legalMinYuan").doubleValue()).isEqualTo(1_000_000d);
        assertThat(JsonPath.<Number>read(assessment, "$.legalMaxYuan").doubleValue()).isEqualTo(1_500_000d);
        assertThat(JsonPath.<Number>read(assessment, "$.suggestedYuan").doubleValue()).isEqualTo(1_250_000d);

        // 250万 is above the sub-range: refused, nothing written.
        assertThat(api.refused(handler, id, "propose-penalty",
                Map.of("violationCode", "114-2", "tier", "HEAVIER", "amountYuan", "2500000"), 422)).contains("超出法定幅度上限1500000元");
        assertThat(api.stage(id)).isEqualTo("FILED");
        // with the art 114 para 2 aggravation the range is 2–5 × the grade's: 200万–1000万.
        String aggravated = api.post(handler, "/api/v1/cases/" + id + "/discretion",
                Map.of("violationCode", "114-2", "tier", "GENERAL", "amountYuan", "6000000", "aggravated", true))
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(JsonPath.<Number>read(aggravated, "$.legalMaxYuan").doubleValue()).isEqualTo(10_000_000d);

        api.act(handler, id, "propose-penalty", Map.of("violationCode", "114-2", "tier", "GENERAL", "amountYuan", "1250000"));
        String view = api.view(id);
        assertThat((Boolean) JsonPath.read(view, "$.legalReviewRequired")).isTrue();
        assertThat((Boolean) JsonPath.read(view, "$.collectiveDiscussionRequired")).isTrue();
    }

    @Test
    void a_unit_and_its_principal_are_fined_together_as_one_case_two_penalties() throws Exception {
        api.today("2026-05-11");
        Map<String, Object> form = firm(org, "鑫源危化品经营有限公司", "动火作业无专人现场管理");
        form.putAll(Map.of("personName", "钱某", "personIdNumber", "11010519491231002X", "personViolationCode", "101-3"));
        long unit = api.open(handler, form);
        long person = ((Number) JsonPath.read(api.view(unit), "$.linkedCaseId")).longValue();
        assertThat(((Number) JsonPath.read(api.view(person), "$.linkedCaseId")).longValue()).isEqualTo(unit);
        assertThat((String) JsonPath.read(api.view(person), "$.partyCode")).isEqualTo("1101**********002X");

        String[][] proposals = {{String.valueOf(unit), "101-1", "18000"}, {String.valueOf(person), "101-3", "25000"}};
        for (String[] p : proposals) {
            long id = Long.parseLong(p[0]);
            api.act("leader1", id, "file", Map.of("secondHandler", second));
            api.act(handler, id, "investigate", Map.of("what", "INQUIRY", "content", "询问钱某"));
            api.act(handler, id, "propose-penalty", Map.of("violationCode", p[1], "tier", "LIGHTER", "amountYuan", p[2],
                    "reason", "主动整改"));
            api.act("leader1", id, "approve-proposal", Map.of());
        }
        // the person's fine of 2.5万 reaches the individual line: legal review and collective discussion.
        assertThat(api.stage(person)).isEqualTo("LEGAL_REVIEW");
        api.act("legal1", person, "review", Map.of("opinion", "AGREE", "text", "同意"));
        assertThat(api.stage(person)).isEqualTo("COLLECTIVE_DISCUSSION");
        api.post("legal1", "/api/v1/cases/meetings", Map.of("topic", "鑫源一案双罚", "chair", "leader1", "participants", "leader1、legal1、officer1",
                "place", "区应急管理局三楼会议室", "startTime", "2026-09-15T09:00:00", "endTime", "2026-09-15T10:00:00",
                "opinions", "均同意", "conclusion", "同意对责任人员处罚", "caseIds", List.of(person)));
        assertThat(api.stage(person)).isEqualTo("APPROVED");

        for (long id : List.of(unit, person)) {
            api.act(handler, id, "notify", Map.of());
            api.act(handler, id, "statement", Map.of("statement", "书面放弃陈述申辩和听证", "waive", true));
        }
        assertThat(api.refused("leader1", unit, "decide", Map.of("number", "（东城）应急罚〔2026〕21号"), 422))
                .contains("一案双罚须同时作出决定");
        api.act("leader1", unit, "decide", Map.of("number", "（东城）应急罚〔2026〕21号", "linkedNumber", "（东城）应急罚〔2026〕22号"));
        assertThat(api.stage(unit)).isEqualTo("DECIDED");
        assertThat(api.stage(person)).isEqualTo("DECIDED");
        assertThat((String) JsonPath.read(api.view(person), "$.decisionNumber")).isEqualTo("（东城）应急罚〔2026〕22号");
    }

    @Test
    void a_hearing_is_noticed_seven_working_days_ahead_across_national_day_and_is_followed_by_legal_review() throws Exception {
        api.today("2026-09-14");
        long id = readyForNotice("国庆前检查冶金有限公司", "99-2", "GENERAL", "100000");
        assertThat(api.stage(id)).isEqualTo("LEGAL_REVIEW");
        api.act("legal1", id, "review", Map.of("opinion", "AGREE"));
        api.post("legal1", "/api/v1/cases/meetings", Map.of("topic", "冶金案", "chair", "leader1", "participants", "leader1、legal1",
                "place", "区应急管理局三楼会议室", "startTime", "2026-09-15T09:00:00", "endTime", "2026-09-15T10:00:00",
                "opinions", "同意", "conclusion", "同意罚款10万元", "caseIds", List.of(id)));

        api.today("2026-09-21");
        api.act(handler, id, "notify", Map.of());
        assertThat((Boolean) JsonPath.read(api.view(id), "$.hearingRight")).isTrue();
        api.today("2026-09-22");
        api.act(handler, id, "request-hearing", Map.of());
        // a hearing on 30 Sep needs the notice by Sunday 20 Sep (调休上班): too late.
        assertThat(api.refused(handler, id, "schedule-hearing", Map.of("hearingOn", "2026-09-30", "presidingOfficer", "周敏"), 422))
                .contains("最迟应于2026-09-20");
        api.act(handler, id, "schedule-hearing", Map.of("hearingOn", "2026-10-09", "presidingOfficer", "周敏"));
        assertThat(api.deadline(id, "HEARING_NOTICE")).isEqualTo("2026-09-22");
        // the 听证通知书 (第六十四条): day, place, publicity, presiding officer and the party's right to ask for recusal
        String number = JsonPath.read(api.view(id), "$.caseNumber");
        cn.zhifa.documents.IssuedDocument notification = documents.forSource(new cn.zhifa.documents.SourceRef("case", number)).stream()
                .filter(d -> d.kind().equals("HEARING_NOTIFICATION")).findFirst().orElseThrow();
        assertThat(pdfText(notification)).contains("听证通知书", "2026年10月9日", "周敏", "公开举行", "申请回避", "第六十四条");

        api.today("2026-10-09");
        // served after the seventh working day before the hearing: refused (recorded service, case-service)
        var late = api.post(handler, "/api/v1/cases/" + id + "/services", Map.of("documentId", notification.id(), "method", "DIRECT",
                "eventOn", "2026-09-24"));
        late.setCharacterEncoding("UTF-8");
        assertThat(late.getStatus()).isEqualTo(422);
        assertThat(late.getContentAsString()).contains("七日前送达").contains("最迟应于2026-09-22");
        assertThat(api.post(handler, "/api/v1/cases/" + id + "/services", Map.of("documentId", notification.id(), "method", "DIRECT",
                "eventOn", "2026-09-22")).getStatus()).isEqualTo(200);
        assertThat(api.refused("leader1", id, "decide", Map.of("number", "罚〔2026〕40号"), 422)).contains("已申请听证");
        api.act(handler, id, "hold-hearing", Map.of("record", "当事人陈述已整改", "report", "建议维持"));
        assertThat(api.stage(id)).isEqualTo("LEGAL_REVIEW");
        api.act("legal1", id, "review", Map.of("opinion", "AGREE", "text", "听证后维持"));
        // 听证结束后依照第五十七条作出决定 (行政处罚法第六十五条): the major case is discussed collectively again
        assertThat(api.stage(id)).isEqualTo("COLLECTIVE_DISCUSSION");
        assertThat(api.refused("leader1", id, "decide", Map.of("number", "罚〔2026〕40号"), 422)).contains("集体讨论");
        api.post("legal1", "/api/v1/cases/meetings", Map.of("topic", "冶金案听证后", "chair", "leader1", "participants", "leader1、legal1",
                "place", "区应急管理局三楼会议室", "startTime", "2026-10-09T14:00:00", "endTime", "2026-10-09T15:00:00",
                "opinions", "听证未提出新的事实", "conclusion", "维持罚款10万元", "caseIds", List.of(id)));
        assertThat(api.stage(id)).isEqualTo("DECISION_PENDING");
        api.act("leader1", id, "decide", Map.of("number", "（东城）应急罚〔2026〕40号"));
        // served within seven working days: Saturday 10 Oct (调休上班) counts — 19 Oct.
        assertThat(api.deadline(id, "SERVICE")).isEqualTo("2026-10-19");
    }

    @Test
    void an_instalment_paid_late_carries_three_percent_a_day_until_paid() throws Exception {
        api.today("2026-03-02");
        long id = readyForNotice("分期缴纳机械有限公司", "102-1", "GENERAL", "20000");
        api.act(handler, id, "notify", Map.of());
        api.act(handler, id, "statement", Map.of("statement", "书面放弃", "waive", true));
        api.act("leader1", id, "decide", Map.of("number", "（东城）应急罚〔2026〕9号"));
        api.today("2026-03-03");
        api.act(handler, id, "serve", Map.of("method", "直接送达", "receipt", "签收"));
        api.today("2026-03-05");
        assertThat(api.refused(handler, id, "instalments", Map.of("plan", List.of(Map.of("dueOn", "2026-03-31", "amountYuan", 10000), Map.of("dueOn", "2026-04-30", "amountYuan", 10000)), "reason", "困难"), 422))
                .contains("须由");
        api.act("leader1", id, "instalments", Map.of("plan", List.of(Map.of("dueOn", "2026-03-31", "amountYuan", 10000), Map.of("dueOn", "2026-04-30", "amountYuan", 10000)), "reason", "经营困难",
                "version", api.version(id)));

        api.today("2026-03-31");
        api.act(handler, id, "payment", Map.of("amountYuan", "10000"));
        // the second part is two days late on 2 May: 10000 × 3 % × 2 = 600.
        api.today("2026-05-02");
        String view = api.view(id);
        assertThat(JsonPath.<Number>read(view, "$.surchargeYuan").doubleValue()).isEqualTo(600d);
        assertThat(JsonPath.<Number>read(view, "$.outstandingYuan").doubleValue()).isEqualTo(10600d);
        api.act(handler, id, "payment", Map.of("amountYuan", "10600"));
        assertThat(api.stage(id)).isEqualTo("EXECUTED");
    }

    private String pdfText(cn.zhifa.documents.IssuedDocument d) throws java.io.IOException {
        try (var pdf = Loader.loadPDF(documents.pdf(d.id()).orElseThrow())) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s|\\u2009", "");
        }
    }
}
