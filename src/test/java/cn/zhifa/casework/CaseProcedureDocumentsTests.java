package cn.zhifa.casework;

import static cn.zhifa.casework.CaseApiSupport.firm;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.TestClock;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.SignatureSpecimens;
import cn.zhifa.documents.SourceRef;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The procedure's approval forms and notices are issued at the step they belong to, filled from the case and signed
 * with the registered signatures of the two 承办人, the reviewer and the approving leader.
 */
@ZhifaIntegrationTest
class CaseProcedureDocumentsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocumentManagement documents;
    @Autowired
    SignatureSpecimens specimens;
    @Autowired
    CaseManagement cases;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    CaseApiSupport api;
    long org;
    String handler;
    String second;

    @BeforeEach
    void setUp() {
        api = new CaseApiSupport(mvc, clock);
        org = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        cn.zhifa.documents.SampleDocuments.ensureSettings(documents, documents.authorityFor(org).orElseThrow().organizationId());
        List<String> certified = CaseSignatures.certifiedOfficers(jdbc, org, 2);
        handler = certified.get(0);
        second = certified.get(1);
        CaseSignatures.ensure(specimens, handler, second, "leader1", "legal1");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void filing_approval_review_and_discussion_each_issue_their_signed_form_filled_from_the_case() throws Exception {
        api.today("2026-04-13");
        long id = api.open(handler, firm(org, "呈批表测试冶金有限公司", "未按规定对重大危险源登记建档"));
        api.act("leader1", id, "file", Map.of("opinion", "同意立案，由两名承办人调查", "secondHandler", second));
        String caseNumber = JsonPath.read(api.view(id), "$.caseNumber");

        IssuedDocument filing = only(caseNumber, "CASE_FILING_APPROVAL");
        assertThat(filing.number()).matches("（东城）应急立〔2026〕\\d+号");
        assertThat(text(filing)).contains("立案审批表", filing.number(), "呈批表测试冶金有限公司", "未按规定对重大危险源登记建档",
                "同意立案，由两名承办人调查", "赵某", "证号：" + certificate(handler), "证号：" + certificate(second));
        // the two 承办人 and the approving leader signed with their registered signatures (plus the QR code)
        assertThat(images(filing)).isGreaterThanOrEqualTo(4);

        api.act(handler, id, "investigate", Map.of("what", "SITE_EXAMINATION", "content", "勘验重大危险源罐区，未见登记建档资料"));
        api.act(handler, id, "propose-penalty", Map.of("violationCode", "101-2", "tier", "GENERAL", "amountYuan", "150000",
                "violatedProvision", "《中华人民共和国安全生产法》第四十条第一款"));
        api.act("leader1", id, "approve-proposal", Map.of("opinion", "同意呈批意见，送法制审核"));
        IssuedDocument handling = only(caseNumber, "CASE_HANDLING_APPROVAL");
        assertThat(text(handling)).contains("案件处理呈批表", handling.number(), "呈批表测试冶金有限公司",
                "勘验重大危险源罐区", "罚款150000元", "同意呈批意见，送法制审核",
                "违反了《中华人民共和国安全生产法》第四十条第一款");
        // the documents cite the violated article, never the penalty article's summary of the duties it covers
        assertThat(text(handling)).doesNotContain("关于“");

        api.act("legal1", id, "review", Map.of("opinion", "AGREE", "text", "事实清楚，证据确凿，裁量适当"));
        IssuedDocument review = only(caseNumber, "LEGAL_REVIEW_OPINION");
        assertThat(text(review)).contains("法制审核意见书", review.number(), "呈批表测试冶金有限公司", "事实清楚，证据确凿，裁量适当",
                "第五十八条");

        assertThat(api.stage(id)).isEqualTo("COLLECTIVE_DISCUSSION");
        api.post("leader1", "/api/v1/cases/meetings", Map.of("topic", "重大危险源案", "chair", "leader1",
                "participants", "leader1、legal1、" + handler, "opinions", "一致同意罚款15万元", "conclusion", "同意拟处罚意见",
                "caseIds", List.of(id), "place", "区应急管理局三楼会议室", "startTime", "2026-04-14T09:00:00",
                "endTime", "2026-04-14T10:30:00"));
        assertThat(api.stage(id)).isEqualTo("APPROVED");
        IssuedDocument discussion = only(caseNumber, "COLLECTIVE_DISCUSSION_RECORD");
        assertThat(text(discussion)).contains("行政处罚集体讨论记录", "区应急管理局三楼会议室", "一致同意罚款15万元", "同意拟处罚意见",
                name("leader1"), name("legal1"));

        api.act(handler, id, "notify", Map.of());
        IssuedDocument hearing = only(caseNumber, "HEARING_NOTICE");
        assertThat(text(hearing)).contains("行政处罚听证告知书", hearing.number(), "呈批表测试冶金有限公司", "罚款人民币150000元",
                "第六十三条", "勘验重大危险源罐区");
    }

    @Test
    void instalments_reminder_court_application_and_closing_issue_their_documents() throws Exception {
        api.today("2026-03-02");
        long id = api.open(handler, firm(org, "执行文书测试机械有限公司", "未采取措施消除事故隐患"));
        api.act("leader1", id, "file", Map.of("secondHandler", second));
        api.act(handler, id, "investigate", Map.of("what", "INQUIRY", "content", "询问安全负责人，制作询问笔录"));
        api.act(handler, id, "propose-penalty", Map.of("violationCode", "102-1", "tier", "GENERAL", "amountYuan", "20000"));
        api.act("leader1", id, "approve-proposal", Map.of());
        api.act(handler, id, "notify", Map.of());
        api.act(handler, id, "statement", Map.of("statement", "书面放弃", "waive", true));
        api.act("leader1", id, "decide", Map.of("number", "（东城）应急罚〔2026〕901号"));
        api.act(handler, id, "serve", Map.of("method", "直接送达", "receipt", "签收"));
        String caseNumber = JsonPath.read(api.view(id), "$.caseNumber");

        api.today("2026-03-05");
        api.act("leader1", id, "instalments", Map.of("plan", List.of(Map.of("dueOn", "2026-03-31", "amountYuan", 12000), Map.of("dueOn", "2026-04-30", "amountYuan", 8000)), "reason", "经营困难"));
        List<IssuedDocument> approvals = of(caseNumber, "PAYMENT_DEFERRAL_APPROVAL");
        assertThat(approvals).hasSize(2);
        String first = text(approvals.stream().filter(d -> text(d).contains("第1期")).findFirst().orElseThrow());
        assertThat(first).contains("延期（分期）缴纳罚款批准书", "（东城）应急罚〔2026〕901号", "执行文书测试机械有限公司",
                "贰万元", "壹万贰仟元", "捌仟元", "2026年3月31日");

        api.today("2026-04-02");
        api.act(handler, id, "remind", Map.of());
        IssuedDocument reminder = only(caseNumber, "PERFORMANCE_REMINDER");
        // the first part is two days late on 2 April: 12000 × 3 % × 2 = 720 surcharge
        assertThat(text(reminder)).contains("履行义务催告书", reminder.number(), "（东城）应急罚〔2026〕901号", "柒佰贰拾元",
                "贰万零柒佰贰拾元", "未在该决定规定的期限内履行义务");
        // the 复议 and 诉讼 periods still run: the reminder does not claim they lapsed unchallenged
        assertThat(text(reminder)).doesNotContain("在法定期限内未申请行政复议或者提起行政诉讼");

        api.today("2026-09-10");
        // the 催告书 served only on 1 September (service ledger): the ten days before the application run from that day
        var served = api.post(handler, "/api/v1/cases/" + id + "/services", Map.of("documentId", reminder.id(), "method", "DIRECT",
                "eventOn", "2026-09-01", "recipient", "赵某"));
        assertThat(served.getStatus()).isEqualTo(200);
        assertThat(api.refused("leader1", id, "enforce", Map.of("court", "示例市东城区人民法院"), 422))
                .contains("催告书于2026-09-01送达").contains("行政强制法第五十四条");
        api.today("2026-09-16");
        api.act("leader1", id, "enforce", Map.of("court", "示例市东城区人民法院"));
        IssuedDocument application = only(caseNumber, "ENFORCEMENT_APPLICATION");
        assertThat(text(application)).contains("强制执行申请书", application.number(), "执行文书测试机械有限公司",
                "履行义务催告书", reminder.number(), "送达回执", name("leader1"),
                "在法定期限内未申请行政复议或者提起行政诉讼");

        api.act("leader1", id, "close", Map.of("opinion", "已申请法院强制执行，同意结案"));
        IssuedDocument closing = only(caseNumber, "CASE_CLOSING_APPROVAL");
        assertThat(text(closing)).contains("结案审批表", closing.number(), "（东城）应急罚〔2026〕901号", "申请人民法院强制执行",
                "已申请法院强制执行，同意结案");
    }

    @Test
    void the_documents_cite_the_violated_article_and_take_the_party_from_the_registry() throws Exception {
        var firm = jdbc.sql("""
                        SELECT id, name, uscc, legal_representative FROM enterprise
                        WHERE status = 'OPERATING' ORDER BY id LIMIT 1""")
                .query((rs, n) -> List.of(String.valueOf(rs.getLong(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4))).optional();
        assertThat(firm).as("a demo enterprise").isPresent();
        List<String> f = firm.get();
        api.today("2026-03-02");
        Map<String, Object> form = firm(org, "表单里写错的名称", "逾期未消除事故隐患");
        form.put("enterpriseId", Long.parseLong(f.get(0)));
        form.put("legalRepresentative", "表单某");
        long id = api.open(handler, form);
        api.act("leader1", id, "file", Map.of("secondHandler", second));
        api.act(handler, id, "investigate", Map.of("what", "SITE_EXAMINATION", "content", "复查发现隐患仍未消除"));
        api.act(handler, id, "propose-penalty", Map.of("violationCode", "102-1", "tier", "GENERAL", "amountYuan", "20000"));
        api.act("leader1", id, "approve-proposal", Map.of());
        api.act(handler, id, "notify", Map.of());
        api.act(handler, id, "statement", Map.of("statement", "书面放弃", "waive", true));
        api.act("leader1", id, "decide", Map.of());
        String caseNumber = JsonPath.read(api.view(id), "$.caseNumber");
        for (String kind : List.of("CASE_HANDLING_APPROVAL", "PENALTY_NOTICE", "PENALTY_DECISION_UNIT")) {
            String text = text(only(caseNumber, kind));
            assertThat(text).as(kind).contains("《中华人民共和国安全生产法》第四十一条第二款").doesNotContain("关于“")
                    .contains(f.get(1).replaceAll("\\s", "")).doesNotContain("表单里写错的名称").doesNotContain("表单某");
        }
        String decision = text(only(caseNumber, "PENALTY_DECISION_UNIT"));
        assertThat(decision).contains(f.get(2), f.get(3).replaceAll("\\s", ""));
    }

    @Test
    void a_units_position_and_phone_on_the_documents_are_its_legal_representatives_from_the_registry() throws Exception {
        var firm = jdbc.sql("""
                        SELECT id, legal_representative FROM enterprise WHERE status = 'OPERATING' AND organization_id = :org
                        AND merged_into IS NULL ORDER BY id OFFSET 3 LIMIT 1""")
                .param("org", org).query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)}).optional();
        assertThat(firm).as("a demo enterprise of the unit").isPresent();
        long enterpriseId = (Long) firm.get()[0];
        jdbc.sql("UPDATE enterprise SET legal_representative_title = '董事长兼总经理', legal_representative_phone = '13712340099' "
                + "WHERE id = :id").param("id", enterpriseId).update();
        try {
            api.today("2026-03-02");
            Map<String, Object> form = firm(org, "职务测试有限公司", "逾期未消除事故隐患");
            form.put("enterpriseId", enterpriseId);
            long id = api.open(handler, form);
            api.act("leader1", id, "file", Map.of("secondHandler", second));
            api.act(handler, id, "investigate", Map.of("what", "SITE_EXAMINATION", "content", "复查发现隐患仍未消除"));
            api.act(handler, id, "propose-penalty", Map.of("violationCode", "102-1", "tier", "GENERAL", "amountYuan", "20000"));
            api.act("leader1", id, "approve-proposal", Map.of());
            api.act(handler, id, "notify", Map.of());
            api.act(handler, id, "statement", Map.of("statement", "书面放弃", "waive", true));
            api.act("leader1", id, "decide", Map.of());
            String caseNumber = JsonPath.read(api.view(id), "$.caseNumber");
            for (String kind : List.of("CASE_HANDLING_APPROVAL", "PENALTY_DECISION_UNIT")) {
                assertThat(text(only(caseNumber, kind))).as(kind)
                        .contains(((String) firm.get()[1]).replaceAll("\\s", ""), "董事长兼总经理", "13712340099");
            }
        } finally {
            jdbc.sql("UPDATE enterprise SET legal_representative_title = NULL, legal_representative_phone = NULL WHERE id = :id")
                    .param("id", enterpriseId).update();
        }
    }

    @Test
    void the_limitation_of_article_36_refuses_filing_an_act_discovered_too_late_and_nothing_changes() throws Exception {
        api.today("2026-03-02");
        long id = api.open(handler, firm(org, "时效测试有限公司", "未如实记录安全生产教育和培训情况"));
        api.act(handler, id, "record-act", Map.of("actOn", "2024-02-28"));
        int version = api.version(id);
        assertThat(api.refused("leader1", id, "file", Map.of("secondHandler", second), 422))
                .contains("二年内未被发现").contains("第三十六条");
        assertThat(api.stage(id)).isEqualTo("PROPOSED");
        assertThat(api.version(id)).isEqualTo(version);
        api.act(handler, id, "record-act", Map.of("actOn", "2024-03-02"));
        api.act("leader1", id, "file", Map.of("secondHandler", second));
        assertThat(api.stage(id)).isEqualTo("FILED");
    }

    @Test
    void illegal_gains_are_confiscated_recorded_and_printed_on_the_notice_and_the_decision() throws Exception {
        api.today("2026-03-02");
        long id = api.open(handler, firm(org, "没收违法所得测试物流有限公司", "未与承租单位签订专门的安全生产管理协议"));
        api.act("leader1", id, "file", Map.of("secondHandler", second));
        api.act(handler, id, "investigate", Map.of("what", "INQUIRY", "content", "询问负责人，出租仓库收取租金8000元"));
        api.act(handler, id, "propose-penalty", Map.of("violationCode", "103-4", "tier", "GENERAL", "amountYuan", "20000",
                "illegalGainsYuan", "8000"));
        assertThat(jdbc.sql("SELECT confiscated_gains_yuan FROM penalty_case WHERE id = :id").param("id", id)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("8000");
        api.act("leader1", id, "approve-proposal", Map.of());
        api.act(handler, id, "notify", Map.of());
        String caseNumber = JsonPath.read(api.view(id), "$.caseNumber");
        assertThat(text(only(caseNumber, "PENALTY_NOTICE"))).contains("罚款人民币20000元，没收违法所得人民币8000元");
        api.act(handler, id, "statement", Map.of("statement", "书面放弃", "waive", true));
        api.act("leader1", id, "decide", Map.of());
        assertThat(text(only(caseNumber, "PENALTY_DECISION_UNIT"))).contains("没收违法所得人民币8000元");
    }

    @Test
    void a_transfer_issues_the_transfer_letter_listing_the_documents_of_the_case() throws Exception {
        api.today("2026-05-11");
        long id = api.open(handler, firm(org, "移送测试烟花爆竹经营部", "非法储存烟花爆竹"));
        api.act("leader1", id, "file", Map.of("secondHandler", second));
        String caseNumber = JsonPath.read(api.view(id), "$.caseNumber");
        String filing = only(caseNumber, "CASE_FILING_APPROVAL").number();
        api.act("leader1", id, "transfer", Map.of("to", "示例市东城区市场监督管理局",
                "reason", "现场查获的烟花爆竹系无证运输途中暂存，依法移送", "materials", List.of("现场照片12张"), "extraPages", 3));
        IssuedDocument transfer = only(caseNumber, "CASE_TRANSFER");
        assertThat(text(transfer)).contains("案件移送书", transfer.number(), "示例市东城区市场监督管理局", "无证运输途中暂存",
                "第二十二条", "立案审批表", filing, "现场照片12张", "共2份");

        // the case page lists its documents with number, date and the PDF/DOCX links
        java.net.http.HttpResponse<String> page = cn.zhifa.WebUser.loggedIn(port, "leader1").get("/cases/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"case-documents\"", "案件移送书", transfer.number(), "立案审批表", filing,
                "/documents/" + transfer.id() + "/pdf", "/documents/" + transfer.id() + "/docx");
    }

    @Test
    void an_officer_without_a_registered_signature_cannot_be_named_and_nothing_changes() throws Exception {
        String unsigned = jdbc.sql("""
                        SELECT u.username FROM app_user u JOIN officer_certificate c ON c.user_id = u.id
                        WHERE u.organization_id = :org AND c.status = 'VALID' AND c.issued_on <= DATE '2026-01-01'
                          AND c.expires_on > DATE '2026-12-31' AND u.username NOT IN ('leader1', :a, :b)
                          AND NOT EXISTS (SELECT 1 FROM doc_signature_specimen s WHERE s.username = u.username)
                        ORDER BY u.username LIMIT 1""").param("org", org).param("a", handler).param("b", second)
                .query(String.class).single();
        api.today("2026-06-01");
        long id = api.open(handler, firm(org, "未签名测试有限公司", "未如实记录安全生产教育和培训情况"));
        int version = api.version(id);
        String page = cn.zhifa.WebUser.loggedIn(port, "leader1").get("/cases/" + id).body();
        assertThat(page).contains("id=\"second-handler\"", "value=\"" + second + "\"").doesNotContain("value=\"" + handler + "\"");
        String refusal = api.refused("leader1", id, "file", Map.of("secondHandler", unsigned), 422);
        assertThat(refusal).contains("承办人" + name(unsigned), "尚未登记签名样式", "我的签名");
        assertThat(api.stage(id)).isEqualTo("PROPOSED");
        assertThat(api.version(id)).isEqualTo(version);
        String caseNumber = JsonPath.read(api.view(id), "$.caseNumber");
        assertThat(documents.forSource(new SourceRef("case", caseNumber))).isEmpty();

        assertThat(api.refused("leader1", id, "file", Map.of(), 422)).contains("请选择第二承办人");
        assertThat(api.refused("leader1", id, "file", Map.of("secondHandler", handler), 422)).contains("不能与承办人");
    }

    @Test
    void a_case_the_system_proposed_gets_both_handlers_from_the_filing_leader() throws Exception {
        api.today("2026-06-08");
        long id = cases.proposeFromUnrectifiedHazard(new ProposedCase(CaseSource.HAZARD, "隐患#" + System.nanoTime(),
                CaseKind.ENFORCEMENT, org, null, new PartySnapshot(PartyKind.UNIT, "逾期隐患测试有限公司", null, "钱某", "示例市东城区"),
                "逾期未消除事故隐患：配电箱未接地", "责令限期整改逾期未整改", java.time.LocalDate.parse("2026-06-08"),
                "安全生产法第一百零二条", "102-1", null, null));
        assertThat(api.refused("leader1", id, "file", Map.of("secondHandler", second), 422)).contains("请选择承办人");
        api.act("leader1", id, "file", Map.of("handler", handler, "secondHandler", second));
        String view = api.view(id);
        assertThat((String) JsonPath.read(view, "$.handlerName")).isEqualTo(name(handler));
        IssuedDocument filing = only(JsonPath.read(view, "$.caseNumber"), "CASE_FILING_APPROVAL");
        assertThat(text(filing)).contains("逾期隐患测试有限公司", "隐患逾期未整改", "证号：" + certificate(handler), "证号：" + certificate(second));
    }

    private IssuedDocument only(String caseNumber, String kind) {
        List<IssuedDocument> found = of(caseNumber, kind);
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private List<IssuedDocument> of(String caseNumber, String kind) {
        return documents.forSource(new SourceRef("case", caseNumber)).stream().filter(d -> d.kind().equals(kind)).toList();
    }

    private String text(IssuedDocument d) {
        try (var pdf = Loader.loadPDF(documents.pdf(d.id()).orElseThrow())) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s|\\u2009", "");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private int images(IssuedDocument d) {
        try (var pdf = Loader.loadPDF(documents.pdf(d.id()).orElseThrow())) {
            int n = 0;
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().isImageXObject(name)) {
                        n++;
                    }
                }
            }
            return n;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String certificate(String username) {
        return jdbc.sql("""
                        SELECT c.certificate_no FROM officer_certificate c JOIN app_user u ON u.id = c.user_id
                        WHERE u.username = :u AND c.status = 'VALID' ORDER BY c.expires_on DESC LIMIT 1""")
                .param("u", username).query(String.class).single();
    }

    private String name(String username) {
        return jdbc.sql("SELECT display_name FROM app_user WHERE username = :u").param("u", username).query(String.class).single();
    }
}
