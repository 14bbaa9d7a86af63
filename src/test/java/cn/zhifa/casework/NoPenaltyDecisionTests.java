package cn.zhifa.casework;

import static cn.zhifa.casework.CaseApiSupport.firm;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.TestClock;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.SourceRef;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
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
import org.springframework.test.web.servlet.MockMvc;

/**
 * 不予行政处罚 (行政处罚法第三十三条、第五十七条第一款第二项): the decision is issued as a 不予行政处罚决定书 that records the
 * education given (第三十三条第三款), and 首违不罚 is refused when the party was penalised in the look-back before the act.
 */
@ZhifaIntegrationTest
class NoPenaltyDecisionTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocumentManagement documents;
    @Autowired
    cn.zhifa.documents.SignatureSpecimens specimens;

    CaseApiSupport api;
    long org;
    String firstViolation;
    String handler;
    String second;

    @BeforeEach
    void setUp() {
        api = new CaseApiSupport(mvc, clock);
        org = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        cn.zhifa.documents.SampleDocuments.ensureSettings(documents, documents.authorityFor(org).orElseThrow().organizationId());
        firstViolation = CaseworkRules.bundled().firstViolation().ground();
        List<String> certified = CaseSignatures.certifiedOfficers(jdbc, org, 2);
        handler = certified.get(0);
        second = certified.get(1);
        CaseSignatures.ensure(specimens, handler, second, "leader1", "legal1");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Map<String, Object> party(String name, String code, String title) {
        Map<String, Object> p = firm(org, name, title);
        p.put("partyCode", code);
        return p;
    }

    long filed(Map<String, Object> party, String actOn) throws Exception {
        long id = api.open(handler, party);
        api.act("leader1", id, "file", Map.of("opinion", "同意立案", "secondHandler", second));
        api.act(handler, id, "record-act", Map.of("actOn", actOn));
        return id;
    }

    @Test
    void a_no_penalty_decision_is_issued_with_the_education_given_to_the_party() throws Exception {
        api.today("2026-04-13");
        long id = filed(party("不罚文书测试五金店", "91350100MA0NOPEN01", "安全警示标志缺失"), "2026-04-01");
        String missing = api.refused("leader1", id, "no-penalty", Map.of("ground", firstViolation, "reason", "当场改正",
                "version", api.version(id)), 422);
        assertThat(missing).contains("应当对当事人进行教育", "第三十三条第三款");

        api.act("leader1", id, "no-penalty", Map.of("ground", firstViolation, "reason", "当场补设安全警示标志",
                "education", "向负责人宣讲安全生产法第三十五条并发放宣传材料", "version", api.version(id)));
        assertThat(api.stage(id)).isEqualTo("NOT_PUNISHED");
        String caseNumber = JsonPath.read(api.view(id), "$.caseNumber");
        List<IssuedDocument> issued = documents.forSource(new SourceRef("case", caseNumber)).stream()
                .filter(d -> d.kind().equals("NO_PENALTY_DECISION")).toList();
        assertThat(issued).hasSize(1);
        assertThat(text(issued.get(0))).contains("不予行政处罚决定书", issued.get(0).number(), "不罚文书测试五金店",
                "当场补设安全警示标志", "首违不罚", "决定不予行政处罚", "第五十七条第一款第二项",
                "第三十三条第三款", "向负责人宣讲安全生产法第三十五条并发放宣传材料", "申请行政复议");
    }

    @Test
    void first_violation_is_refused_when_the_party_was_penalised_in_the_look_back_before_the_act() throws Exception {
        Map<String, Object> earlierParty = party("首违回溯测试商店", "91350100MA0FIRST01", "安全出口锁闭");
        api.today("2026-02-02");
        MockHttpServletResponse onTheSpot = api.post(handler, "/api/v1/cases/on-the-spot",
                Map.of("party", earlierParty, "fineYuan", "2000", "violationCode", "105-1", "decisionNumber", "当罚〔2026〕41号"));
        assertThat(onTheSpot.getStatus()).as(onTheSpot.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        String earlierCase = JsonPath.read(onTheSpot.getContentAsString(StandardCharsets.UTF_8), "$.caseNumber");

        api.today("2026-04-13");
        long id = filed(party("首违回溯测试商店", "91350100MA0FIRST01", "疏散通道堵塞"), "2026-03-20");
        String refused = api.refused("leader1", id, "no-penalty", Map.of("ground", firstViolation, "reason", "当场清理",
                "education", "宣讲", "version", api.version(id)), 422);
        assertThat(refused).contains("不属于初次违法", earlierCase, "当罚〔2026〕41号", "第三十三条第一款");
        assertThat(api.stage(id)).isEqualTo("FILED");

        // the same party's act before the earlier penalty was decided: nothing was decided in the look-back before it
        long before = filed(party("首违回溯测试商店", "91350100MA0FIRST01", "警示标志缺失"), "2026-01-20");
        api.act("leader1", before, "no-penalty", Map.of("ground", firstViolation, "reason", "当场改正",
                "education", "宣讲安全生产法", "version", api.version(before)));
        assertThat(api.stage(before)).isEqualTo("NOT_PUNISHED");
    }

    private String text(IssuedDocument d) {
        try (var pdf = Loader.loadPDF(documents.pdf(d.id()).orElseThrow())) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s|\\u2009", "");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
