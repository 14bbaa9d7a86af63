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

/** 行刑衔接 through the API: the 涉嫌犯罪案件移送书 read back, the return continuing the case, statistics counting it. */
@ZhifaIntegrationTest
class CriminalReferralTests {

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

    CaseApiSupport api;
    long org;
    List<String> officers;

    @BeforeEach
    void setUp() {
        api = new CaseApiSupport(mvc, clock);
        org = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        cn.zhifa.documents.SampleDocuments.ensureSettings(documents, documents.authorityFor(org).orElseThrow().organizationId());
        officers = CaseSignatures.certifiedOfficers(jdbc, org, 2);
        CaseSignatures.ensure(specimens, officers.get(0), officers.get(1), "leader1", "legal1");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_transfer_to_public_security_is_documented_counted_and_the_returned_case_goes_on() throws Exception {
        api.today("2026-05-11");
        int year = 2026;
        long before = ((Number) JsonPath.read(api.get("leader1", "/api/v1/cases/statistics?year=" + year), "$.criminalTransfers")).longValue();
        long id = api.open(officers.get(0), firm(org, "行刑衔接测试仓储有限公司", "非法储存危险化学品"));
        api.act("leader1", id, "file", Map.of("opinion", "同意立案", "secondHandler", officers.get(1)));
        api.act("leader1", id, "criminal-referral", Map.of("to", "示例市公安局东城分局", "procuratorate", "示例市东城区人民检察院",
                "reason", "储存危险化学品数量超过立案追诉标准", "version", api.version(id)));
        assertThat(api.stage(id)).isEqualTo("FILED");
        String caseNumber = JsonPath.read(api.view(id), "$.caseNumber");
        List<IssuedDocument> referral = documents.forSource(new SourceRef("case", caseNumber)).stream()
                .filter(d -> d.kind().equals("CRIMINAL_REFERRAL")).toList();
        assertThat(referral).hasSize(1);
        assertThat(text(referral.get(0))).contains("涉嫌犯罪案件移送书", "示例市公安局东城分局", "行刑衔接测试仓储有限公司",
                "储存危险化学品数量超过立案追诉标准", "第二十七条第一款", "抄送：示例市东城区人民检察院");
        long after = ((Number) JsonPath.read(api.get("leader1", "/api/v1/cases/statistics?year=" + year), "$.criminalTransfers")).longValue();
        assertThat(after).isEqualTo(before + 1);

        api.act(officers.get(0), id, "referral-outcome", Map.of("number", "1", "referralOutcome", "RETURNED",
                "reason", "未达到立案追诉标准，退回"));
        assertThat(api.stage(id)).isEqualTo("FILED");
        api.act(officers.get(0), id, "investigate", Map.of("what", "EVIDENCE", "content", "调取危险化学品出入库台账"));
    }

    @Test
    void the_transfer_action_marked_criminal_is_the_same_referral_and_does_not_end_the_case() throws Exception {
        api.today("2026-05-12");
        long id = api.open(officers.get(0), firm(org, "行刑衔接移送测试仓储有限公司", "非法储存危险化学品"));
        api.act("leader1", id, "file", Map.of("opinion", "同意立案", "secondHandler", officers.get(1)));
        assertThat(api.refused("leader1", id, "transfer", Map.of("to", "示例市公安局东城分局", "criminal", true,
                "reason", "储存危险化学品数量超过立案追诉标准", "version", api.version(id)), 422)).contains("抄送同级人民检察院", "第七条");
        api.act("leader1", id, "transfer", Map.of("to", "示例市公安局东城分局", "criminal", true, "procuratorate", "示例市东城区人民检察院",
                "reason", "储存危险化学品数量超过立案追诉标准", "version", api.version(id)));
        assertThat(api.stage(id)).as("waits for public security's decision (行刑衔接), not ended").isEqualTo("FILED");
        String caseNumber = JsonPath.read(api.view(id), "$.caseNumber");
        List<String> kinds = documents.forSource(new SourceRef("case", caseNumber)).stream().map(IssuedDocument::kind).toList();
        assertThat(kinds).contains("CRIMINAL_REFERRAL").doesNotContain("CASE_TRANSFER");
        assertThat(api.refused("leader1", id, "criminal-referral", Map.of("to", "示例市公安局西城分局", "procuratorate", "示例市西城区人民检察院",
                "reason", "再次移送", "version", api.version(id)), 422)).contains("尚待其作出是否立案的决定");
    }

    private String text(IssuedDocument d) {
        try (var pdf = Loader.loadPDF(documents.pdf(d.id()).orElseThrow())) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s|\\u2009", "");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
