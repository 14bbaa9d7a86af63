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
import cn.zhifa.documents.SignatureSpecimens;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.SampleDocuments;
import cn.zhifa.inspection.InspectionFixtures;
import cn.zhifa.law.PeriodCode;
import cn.zhifa.law.StatutoryPeriods;
import cn.zhifa.registry.OfficerSummary;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The structured case records on the phone pages: each issues its signed document (read back with PDFBox), records
 * the case step, and a refusal (missing signature, wrong ID number) leaves nothing written.
 */
@ZhifaIntegrationTest
class OnsiteRecordsTests {

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
    StatutoryPeriods periods;

    CaseApiSupport api;
    long unit;
    OfficerSummary first;
    OfficerSummary second;
    String firstUser;
    MockHttpSession session;

    static final String ID_NUMBER = "11010519491231002X";

    @BeforeEach
    void setUp() throws Exception {
        api = new CaseApiSupport(mvc, clock);
        unit = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        SampleDocuments.ensureSettings(documents, documents.authorityFor(unit).orElseThrow().organizationId());
        List<OfficerSummary> certified = officersToday();
        first = certified.get(0);
        second = certified.get(1);
        firstUser = jdbc.sql("SELECT username FROM app_user WHERE id = :id").param("id", first.userId()).query(String.class).single();
        session = (MockHttpSession) mvc.perform(formLogin().user(firstUser).password(Tokens.DEMO_PASSWORD)).andReturn()
                .getRequest().getSession();
    }

    private List<OfficerSummary> officersToday() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return jdbc.sql("""
                        SELECT u.id FROM app_user u JOIN officer_certificate c ON c.user_id = u.id
                        WHERE u.organization_id = :org AND c.status = 'VALID' AND c.issued_on <= :today AND c.expires_on > :today
                          AND u.username <> 'leader1' ORDER BY u.username LIMIT 2""")
                .param("org", unit).param("today", today).query(Long.class).list().stream()
                .map(id -> new OfficerSummary(id, null, unit, null, null, null)).toList();
    }

    @Autowired
    SignatureSpecimens specimens;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long filedCase(String party) throws Exception {
        long id = api.open(firstUser, CaseApiSupport.firm(unit, party, "未如实记录安全生产教育和培训情况"));
        String secondUser = jdbc.sql("SELECT username FROM app_user WHERE id = :id").param("id", second.userId()).query(String.class).single();
        CaseSignatures.ensure(specimens, firstUser, secondUser, "leader1");
        api.act("leader1", id, "file", Map.of("opinion", "同意立案", "secondHandler", secondUser));
        return id;
    }

    MockHttpServletResponse submit(String path, Map<String, String> fields, String... repeated) throws Exception {
        MockHttpServletRequestBuilder request = post(path).session(session).with(csrf());
        fields.forEach(request::param);
        for (int i = 0; i + 1 < repeated.length; i += 2) {
            request.param(repeated[i], repeated[i + 1]);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    static String pdfText(DocumentManagement documents, long documentId) throws Exception {
        try (var doc = Loader.loadPDF(documents.pdf(documentId).orElseThrow())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s|\\u2009", "");
        }
    }

    Map<String, String> inquiry(String idNumber) {
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0).minusHours(2);
        return new java.util.HashMap<>(Map.ofEntries(Map.entry("startTime", start.toString()),
                Map.entry("endTime", start.plusMinutes(45).toString()), Map.entry("place", "东城区应急管理局询问室"),
                Map.entry("officer1Id", String.valueOf(first.userId())), Map.entry("officer2Id", String.valueOf(second.userId())),
                Map.entry("recorderId", String.valueOf(second.userId())), Map.entry("personName", "王建国"),
                Map.entry("gender", "男"), Map.entry("idNumber", idNumber), Map.entry("phone", "13800001111"),
                Map.entry("workUnit", "培训记录测试有限公司"), Map.entry("position", "安全主管"), Map.entry("relation", "安全管理人员"),
                Map.entry("sig_officer1", InspectionFixtures.signature()), Map.entry("sig_officer2", InspectionFixtures.signature()),
                Map.entry("sig_recorder", InspectionFixtures.signature()), Map.entry("idempotencyKey", InspectionFixtures.key())));
    }

    @Test
    void an_inquiry_with_drawn_signatures_issues_the_inquiry_record_with_the_questions_and_answers() throws Exception {
        long id = filedCase("询问笔录测试有限公司");
        Map<String, String> form = inquiry(ID_NUMBER);
        form.put("sig_interviewee", InspectionFixtures.signature());
        MockHttpServletResponse response = submit("/cases/" + id + "/records/inquiry", form,
                "question", "你单位是否对新入职员工进行了安全生产教育和培训？", "answer", "进行了，但没有建立培训档案。",
                "question", "培训记录由谁负责？", "answer", "由我负责，今年以来没有记录。");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);

        List<OnsiteRecord> saved = asUser(() -> records.records(id));
        assertThat(saved).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(OnsiteKind.INQUIRY);
            assertThat(r.answers()).hasSize(2);
            assertThat(r.documentTitle()).isEqualTo("询问笔录");
        });
        String text = pdfText(documents, saved.get(0).documentId());
        assertThat(text).contains("询问笔录").contains("王建国").contains("110105").contains("询问笔录测试有限公司".substring(0, 4))
                .contains("你单位是否对新入职员工进行了安全生产教育和培训？").contains("进行了，但没有建立培训档案。")
                .contains("由我负责，今年以来没有记录。");
        assertThat(api.view(id)).contains("询问王建国");
        String detail = mvc.perform(get("/cases/" + id).session(session)).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(detail).contains("case-records").contains("《询问笔录》");
    }

    @Test
    void an_inquiry_without_the_interviewee_signature_or_a_refusal_is_refused_and_writes_nothing() throws Exception {
        long id = filedCase("缺签名测试有限公司");
        int stepsBefore = steps(id);
        long documentsBefore = documentCount();
        MockHttpServletResponse response = submit("/cases/" + id + "/records/inquiry", inquiry(ID_NUMBER),
                "question", "问题一", "answer", "回答一");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("不能签发").contains("被询问人");
        assertThat(steps(id)).isEqualTo(stepsBefore);
        assertThat(documentCount()).isEqualTo(documentsBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM case_record WHERE case_id = :id").param("id", id).query(Long.class).single()).isZero();

        // a recorded refusal with its witness is enough
        Map<String, String> form = inquiry(ID_NUMBER);
        form.put("refused_interviewee", "true");
        form.put("refusalReason_interviewee", "被询问人看过笔录后拒绝签名");
        form.put("witness_interviewee", "村委会主任李四");
        assertThat(submit("/cases/" + id + "/records/inquiry", form, "question", "问题一", "answer", "回答一").getStatus()).isEqualTo(302);
        assertThat(asUser(() -> records.records(id))).singleElement()
                .satisfies(r -> assertThat(r.signatureNote()).contains("拒绝签名").contains("李四"));
    }

    @Test
    void an_invalid_id_number_is_refused_with_the_law_modules_reason() throws Exception {
        long id = filedCase("身份证测试有限公司");
        Map<String, String> form = inquiry("110105194912310021");
        form.put("sig_interviewee", InspectionFixtures.signature());
        MockHttpServletResponse response = submit("/cases/" + id + "/records/inquiry", form, "question", "问", "answer", "答");
        assertThat(response.getContentAsString()).contains("被询问人身份证号码有误：校验码错误");
        assertThat(jdbc.sql("SELECT count(*) FROM case_record WHERE case_id = :id").param("id", id).query(Long.class).single()).isZero();
    }

    @Test
    void evidence_preservation_prints_the_decision_day_of_the_configured_period() throws Exception {
        long id = filedCase("先行登记保存测试有限公司");
        Map<String, String> form = Map.of("place", "现场仓库东侧", "partyPerson", "赵某", "emergencyReason", "当事人正在转移培训档案",
                "officer1Id", String.valueOf(first.userId()), "officer2Id", String.valueOf(second.userId()),
                "sig_officer1", InspectionFixtures.signature(), "sig_officer2", InspectionFixtures.signature(),
                "sig_party", InspectionFixtures.signature());
        MockHttpServletResponse response = submit("/cases/" + id + "/records/preservation", form,
                "itemName", "员工安全培训签到表", "itemSpec", "A4", "itemQuantity", "12页", "itemLocation", "",
                "itemName", "特种作业人员名册", "itemSpec", "", "itemQuantity", "1本", "itemLocation", "办公室");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
        LocalDate today = records.today();
        LocalDate due = periods.due(PeriodCode.EVIDENCE_PRESERVATION, today).due();
        assertThat(periods.period(PeriodCode.EVIDENCE_PRESERVATION).length()).isEqualTo(7);
        assertThat(records.decisionDue(today)).isEqualTo(due).isAfter(today.plusDays(6));
        OnsiteRecord r = asUser(() -> records.records(id)).get(0);
        assertThat(r.items()).hasSize(2);
        String text = pdfText(documents, r.documentId());
        assertThat(text).contains("先行登记保存证据通知书").contains("员工安全培训签到表").contains("特种作业人员名册")
                .contains(due.getYear() + "年" + due.getMonthValue() + "月" + due.getDayOfMonth() + "日");
    }

    @Test
    void serving_the_decision_issues_the_service_receipt_listing_the_decision_number() throws Exception {
        long id = filedCase("送达回执测试有限公司");
        api.act(firstUser, id, "investigate", Map.of("what", "INQUIRY", "content", "询问安全负责人"));
        api.act(firstUser, id, "propose-penalty", Map.of("violationCode", "97-1", "tier", "LIGHTER", "amountYuan", "10000"));
        api.act("leader1", id, "approve-proposal", Map.of("opinion", "同意"));
        api.act("leader1", id, "notify", Map.of());
        api.act(firstUser, id, "statement", Map.of("statement", "无异议", "waive", "true"));
        api.act("leader1", id, "decide", Map.of());
        String decision = asUser(() -> cases().get(id)).getDecisionNumber();

        assertThat(page("/cases/" + id)).as("served only with a receipt: the records panel, not an unsigned action form")
                .contains("id=\"new-service\"").doesNotContain("id=\"form-serve\"");
        assertThat(page("/cases/" + id + "/records/service")).contains("record-form").contains(decision);
        Map<String, String> form = new java.util.HashMap<>(Map.of("method", "直接送达", "place", "当事人办公室", "receiver", "赵某",
                "officer1Id", String.valueOf(first.userId()), "officer2Id", String.valueOf(second.userId()),
                "sig_officer1", InspectionFixtures.signature(), "sig_officer2", InspectionFixtures.signature()));
        MockHttpServletResponse refused = submit("/cases/" + id + "/records/service", form);
        assertThat(refused.getContentAsString()).contains("不能签发").contains("收件人");
        assertThat(api.stage(id)).isEqualTo("DECIDED");

        form.put("sig_receiver", InspectionFixtures.signature());
        assertThat(submit("/cases/" + id + "/records/service", form).getStatus()).isEqualTo(302);
        assertThat(api.stage(id)).isEqualTo("EXECUTING");
        OnsiteRecord r = asUser(() -> records.records(id)).get(0);
        String text = pdfText(documents, r.documentId());
        assertThat(text).contains("送达回执").contains(decision.replaceAll("\\s", "")).contains("直接送达").contains("送达回执测试有限公司");
    }

    @Test
    void an_on_the_spot_penalty_issues_the_signed_decision_and_its_number_becomes_the_decision_number() throws Exception {
        assertThat(page("/cases/on-the-spot")).contains("record-form").contains("href=\"/cases/on-the-spot\"");
        Map<String, String> form = new java.util.HashMap<>(Map.of("partyKind", "UNIT", "partyName", "当场处罚测试五金店",
                "partyCode", "91350100M000100Y43", "legalRepresentative", "钱某", "address", "东城区建设路8号",
                "facts", "现场检查发现该店未在危险场所设置安全警示标志，有现场照片为证。", "violationCode", "99-1", "fineYuan", "80",
                "paymentMode", "当场缴纳", "collectionGround", "SMALL_FINE"));
        form.putAll(Map.of("officer1Id", String.valueOf(first.userId()), "officer2Id", String.valueOf(second.userId()),
                "sig_officer1", InspectionFixtures.signature(), "sig_officer2", InspectionFixtures.signature(),
                "sig_party", InspectionFixtures.signature(), "partyPerson", "钱某"));
        MockHttpServletResponse response = submit("/cases/on-the-spot", form);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
        long caseId = Long.parseLong(response.getRedirectedUrl().replaceAll("^/cases/(\\d+).*$", "$1"));
        PenaltyCase c = asUser(() -> cases().get(caseId));
        assertThat(c.getProcedureKind()).isEqualTo(ProcedureKind.SUMMARY);
        IssuedDocument d = documents.forSource(new cn.zhifa.documents.SourceRef("case", c.getCaseNumber())).get(0);
        assertThat(d.kind()).isEqualTo("ON_SPOT_PENALTY");
        assertThat(c.getDecisionNumber()).isEqualTo(d.number());
        String text = pdfText(documents, d.id());
        assertThat(text).contains("行政（当场）处罚决定书").contains(d.number().replaceAll("\\s", "")).contains("当场处罚测试五金店")
                .contains("罚款人民币80元").doesNotContain("警告");
        // 当场处罚决定书 remedies: 复议 first (行政复议法第二十三条), suit only within 15 days of the 复议 decision
        assertThat(text).contains("应当先依法在60日内").contains("收到行政复议决定书之日起15日内").doesNotContain("6个月内");
    }

    private Map<String, String> onTheSpot(String name, String violation, String fine, String mode, String ground) {
        Map<String, String> form = new java.util.HashMap<>(Map.of("partyKind", "UNIT", "partyName", name,
                "facts", "现场检查发现的违法事实，有现场照片为证。", "violationCode", violation, "fineYuan", fine, "paymentMode", mode,
                "partyPerson", "孙某"));
        if (ground != null) {
            form.put("collectionGround", ground);
        }
        form.putAll(Map.of("officer1Id", String.valueOf(first.userId()), "officer2Id", String.valueOf(second.userId()),
                "sig_officer1", InspectionFixtures.signature(), "sig_officer2", InspectionFixtures.signature(),
                "sig_party", InspectionFixtures.signature()));
        return form;
    }

    @Test
    void on_the_spot_penalties_a_zero_fine_never_prints_a_warning_the_article_does_not_provide_and_issues_nothing() throws Exception {
        long before = documentCount();
        MockHttpServletResponse response = submit("/cases/on-the-spot",
                onTheSpot("零罚款测试店", "99-1", "0", "自收到本决定书之日起15日内缴至指定银行", null));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("未规定警告").contains("不予行政处罚");
        assertThat(documentCount()).isEqualTo(before);
    }

    @Test
    void on_the_spot_penalties_collection_on_the_spot_only_where_articles_68_and_69_allow_it() throws Exception {
        long before = documentCount();
        MockHttpServletResponse refused = submit("/cases/on-the-spot",
                onTheSpot("当场收缴测试店", "99-1", "2000", "当场缴纳", "SMALL_FINE"));
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("超过一百元").contains("第六十八条第一项");
        MockHttpServletResponse noGround = submit("/cases/on-the-spot", onTheSpot("当场收缴测试店", "99-1", "2000", "当场缴纳", null));
        assertThat(noGround.getContentAsString()).contains("当场收缴罚款的法定情形");
        assertThat(documentCount()).isEqualTo(before);
        MockHttpServletResponse hard = submit("/cases/on-the-spot",
                onTheSpot("当场收缴测试店", "99-1", "2000", "当场缴纳", "HARD_TO_ENFORCE_LATER"));
        assertThat(hard.getStatus()).as(hard.getContentAsString()).isEqualTo(302);
    }

    @Test
    void an_on_the_spot_penalty_above_the_summary_limit_is_refused_and_issues_nothing() throws Exception {
        long before = documentCount();
        Map<String, String> form = new java.util.HashMap<>(Map.of("partyKind", "UNIT", "partyName", "超限额测试厂",
                "facts", "事实", "violationCode", "99-1", "fineYuan", "50000", "paymentMode", "当场缴纳", "partyPerson", "孙某"));
        form.putAll(Map.of("officer1Id", String.valueOf(first.userId()), "officer2Id", String.valueOf(second.userId()),
                "sig_officer1", InspectionFixtures.signature(), "sig_officer2", InspectionFixtures.signature(),
                "sig_party", InspectionFixtures.signature()));
        MockHttpServletResponse response = submit("/cases/on-the-spot", form);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("当场处罚限于");
        assertThat(documentCount()).isEqualTo(before);
    }

    @Test
    void the_investigation_pages_render_and_survey_notice_and_report_are_issued_from_the_case_data() throws Exception {
        long id = filedCase("勘验报告测试有限公司");
        for (String page : List.of("inquiry-notice", "inquiry", "survey", "preservation", "report")) {
            MockHttpServletResponse shown = mvc.perform(get("/cases/" + id + "/records/" + page).session(session)).andReturn().getResponse();
            assertThat(shown.getStatus()).as(page).isEqualTo(200);
            assertThat(shown.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).as(page).contains("record-form");
        }
        String tomorrow = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(1).withHour(9).withMinute(30).withSecond(0).withNano(0).toString();
        assertThat(submit("/cases/" + id + "/records/inquiry-notice", Map.of("personName", "勘验报告测试有限公司", "reason",
                "你单位涉嫌未如实记录安全生产教育和培训情况一案", "time", tomorrow, "place", "东城区应急管理局三楼询问室"),
                "bring", "营业执照", "bring", "安全培训档案").getStatus()).isEqualTo(302);

        LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0).minusHours(3);
        Map<String, String> survey = new java.util.HashMap<>(Map.of("startTime", start.toString(), "endTime", start.plusHours(1).toString(),
                "place", "生产车间二楼", "weather", "晴", "partyPerson", "赵某", "findings", "车间东侧配电箱无警示标志，培训档案柜内无本年度记录。",
                "officer1Id", String.valueOf(first.userId()), "officer2Id", String.valueOf(second.userId()),
                "recorderId", String.valueOf(first.userId())));
        survey.putAll(Map.of("sig_officer1", InspectionFixtures.signature(), "sig_officer2", InspectionFixtures.signature(),
                "sig_recorder", InspectionFixtures.signature(), "sig_party", InspectionFixtures.signature()));
        MockHttpServletResponse surveyed = submit("/cases/" + id + "/records/survey", survey);
        assertThat(surveyed.getStatus()).as(surveyed.getContentAsString()).isEqualTo(302);

        String draft = mvc.perform(get("/cases/" + id + "/records/report").session(session)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(draft).contains("勘验笔录").contains("配电箱无警示标志");
        Map<String, String> report = Map.of("violated", "《中华人民共和国安全生产法》第二十八条", "basis", "《中华人民共和国安全生产法》第九十七条第三项",
                "proposal", "建议罚款人民币一万元",
                "officer1Id", String.valueOf(first.userId()), "officer2Id", String.valueOf(second.userId()),
                "sig_officer1", InspectionFixtures.signature(), "sig_officer2", InspectionFixtures.signature());
        MockHttpServletResponse reported = submit("/cases/" + id + "/records/report", report);
        assertThat(reported.getStatus()).as(reported.getContentAsString()).isEqualTo(302);

        List<OnsiteRecord> saved = asUser(() -> records.records(id));
        assertThat(saved).extracting(OnsiteRecord::kind).containsExactly(OnsiteKind.INQUIRY_NOTICE, OnsiteKind.SURVEY, OnsiteKind.REPORT);
        assertThat(pdfText(documents, saved.get(0).documentId())).contains("询问通知书").contains("东城区应急管理局三楼询问室")
                .contains("安全培训档案");
        assertThat(pdfText(documents, saved.get(1).documentId())).contains("勘验笔录").contains("生产车间二楼").contains("配电箱无警示标志");
        assertThat(pdfText(documents, saved.get(2).documentId())).contains("案件调查报告").contains("勘验笔录").contains("建议罚款人民币一万元")
                .contains("勘验报告测试有限公司");
        assertThat(api.view(id)).contains("勘验生产车间二楼").contains("调查终结");
    }

    @Test
    void the_hearing_record_is_signed_by_the_party_the_presiding_officer_and_the_clerk_and_moves_the_case_to_legal_review() throws Exception {
        long id = filedCase("听证笔录测试冶金有限公司");
        api.act(firstUser, id, "investigate", Map.of("what", "INQUIRY", "content", "询问安全负责人"));
        api.act(firstUser, id, "propose-penalty", Map.of("violationCode", "99-2", "tier", "GENERAL", "amountYuan", "100000"));
        api.act("leader1", id, "approve-proposal", Map.of("opinion", "同意"));
        api.act("legal1", id, "review", Map.of("opinion", "AGREE"));
        CaseSignatures.ensure(specimens, "legal1");
        LocalDateTime meetingStart = records.today().atTime(9, 0);
        api.post("legal1", "/api/v1/cases/meetings", Map.of("topic", "听证笔录测试案", "chair", "leader1", "participants", "leader1、legal1",
                "place", "区应急管理局三楼会议室", "startTime", meetingStart.toString(), "endTime", meetingStart.plusHours(1).toString(),
                "opinions", "同意", "conclusion", "同意罚款10万元", "caseIds", List.of(id)));
        assertThat(api.stage(id)).isEqualTo("APPROVED");
        api.act(firstUser, id, "notify", Map.of());
        api.act(firstUser, id, "request-hearing", Map.of());
        LocalDate hearingOn = records.today().plusDays(30);
        api.act(firstUser, id, "schedule-hearing", Map.of("hearingOn", hearingOn.toString(), "presidingOfficer", "周敏"));
        clock.advance(java.time.Duration.ofDays(30));
        session = (MockHttpSession) mvc.perform(formLogin().user(firstUser).password(Tokens.DEMO_PASSWORD)).andReturn()
                .getRequest().getSession();

        assertThat(page("/cases/" + id + "/records/hearing")).contains("record-form").contains("书记员");
        LocalDateTime start = hearingOn.atTime(9, 0);
        Map<String, String> form = new java.util.HashMap<>(Map.of("startTime", start.toString(), "endTime", start.plusHours(2).toString(),
                "place", "东城区应急管理局听证室", "presiding", "周敏", "clerk", "吴芳", "partyPerson", "赵某",
                "transcript", "调查人员陈述违法事实和证据；当事人对事实无异议，称已整改，请求从轻处罚。", "report", "建议维持拟处罚意见",
                "sig_party", InspectionFixtures.signature(), "sig_presiding", InspectionFixtures.signature()));
        MockHttpServletResponse refused = submit("/cases/" + id + "/records/hearing", form);
        assertThat(refused.getContentAsString()).contains("不能签发").contains("书记员");
        assertThat(api.stage(id)).isEqualTo("HEARING_SCHEDULED");

        form.put("sig_clerk", InspectionFixtures.signature());
        MockHttpServletResponse held = submit("/cases/" + id + "/records/hearing", form);
        assertThat(held.getStatus()).as(held.getContentAsString()).isEqualTo(302);
        assertThat(api.stage(id)).isEqualTo("LEGAL_REVIEW");
        OnsiteRecord r = asUser(() -> records.records(id)).get(0);
        assertThat(pdfText(documents, r.documentId())).contains("听证笔录").contains("周敏").contains("吴芳")
                .contains("当事人对事实无异议，称已整改，请求从轻处罚。");
    }

    @Test
    void a_terminal_records_a_survey_through_the_api_and_a_retry_with_the_same_key_adds_nothing() throws Exception {
        long id = filedCase("接口勘验测试有限公司");
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0).minusHours(2);
        Map<String, Object> body = Map.of("fields", Map.of("startTime", start.toString(), "endTime", start.plusMinutes(30).toString(),
                        "place", "危化品仓库", "partyPerson", "赵某", "findings", "仓库内未设置可燃气体报警装置。",
                        "officer1Id", String.valueOf(first.userId()), "officer2Id", String.valueOf(second.userId()),
                        "recorderId", String.valueOf(second.userId())),
                "signatures", Map.of("officer1", InspectionFixtures.signature(), "officer2", InspectionFixtures.signature(),
                        "recorder", InspectionFixtures.signature()),
                "refusals", Map.of("party", Map.of("reason", "当事人拒绝在勘验笔录上签名", "witness", "社区网格员孙某")));
        String key = InspectionFixtures.key();
        for (int i = 0; i < 2; i++) {
            MockHttpServletResponse response = mvc.perform(post("/api/v1/cases/" + id + "/records/survey")
                    .header("Authorization", Tokens.bearer(mvc, firstUser)).header("Idempotency-Key", key)
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .content(CaseApiSupport.JSON.writeValueAsString(body))).andReturn().getResponse();
            response.setCharacterEncoding("UTF-8");
            assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
            assertThat(response.getContentAsString()).contains("勘验笔录").contains("拒绝签名");
        }
        assertThat(api.get(firstUser, "/api/v1/cases/" + id + "/records")).contains("危化品仓库");
        assertThat(jdbc.sql("SELECT count(*) FROM case_record WHERE case_id = :id").param("id", id).query(Long.class).single()).isOne();
    }

    // ---- helpers

    @Autowired
    CaseManagement caseManagement;

    CaseManagement cases() {
        return caseManagement;
    }

    <T> T asUser(java.util.function.Supplier<T> action) {
        var context = (org.springframework.security.core.context.SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT");
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    String page(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).session(session)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    int steps(long id) {
        return asUser(() -> cases().get(id)).getSteps().size();
    }

    long documentCount() {
        return jdbc.sql("SELECT count(*) FROM doc_issued").query(Long.class).single();
    }
}
