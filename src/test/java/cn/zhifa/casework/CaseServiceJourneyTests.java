package cn.zhifa.casework;

import static cn.zhifa.casework.CaseApiSupport.firm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.WebUser;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.SourceRef;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Service recorded per document: the 告知书 served by post moves the 陈述申辩 period to run from the receipt's day; electronic
 * service only after a signed 送达地址确认书 (issued, read back from its PDF); a service day before issue is refused.
 */
@ZhifaIntegrationTest
@Tag("external-db")
class CaseServiceJourneyTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocumentManagement documents;
    @Autowired
    CaseManagement cases;
    @LocalServerPort
    int port;

    CaseApiSupport api;
    long org;

    @BeforeEach
    void setUp() {
        api = new CaseApiSupport(mvc, clock);
        org = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        cn.zhifa.documents.SampleDocuments.ensureSettings(documents, documents.authorityFor(org).orElseThrow().organizationId());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private IssuedDocument only(long id, String kind) throws Exception {
        String caseNumber = JsonPath.read(api.view(id), "$.caseNumber");
        return documents.forSource(new SourceRef("case", caseNumber)).stream().filter(d -> d.kind().equals(kind) && d.valid())
                .findFirst().orElseThrow();
    }

    private String text(IssuedDocument d) throws Exception {
        try (var pdf = Loader.loadPDF(documents.pdf(d.id()).orElseThrow())) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s|\\u2009", "");
        }
    }

    private long services(long id) {
        return jdbc.sql("SELECT count(*) FROM case_service WHERE penalty_case = :id").param("id", id).query(Long.class).single();
    }

    private String body(MockHttpServletResponse r) throws Exception {
        r.setCharacterEncoding("UTF-8");
        return r.getContentAsString();
    }

    @Test
    void the_notice_served_by_post_starts_the_statement_period_and_electronic_service_needs_the_signed_confirmation() throws Exception {
        api.today("2026-09-07");
        long id = api.open("officer1", firm(org, "送达测试机械有限公司", "未采取措施消除事故隐患"));
        api.act("leader1", id, "file", Map.of("secondHandler", "officer2"));
        api.act("officer1", id, "investigate", Map.of("what", "INQUIRY", "content", "询问安全负责人，制作询问笔录"));
        api.act("officer1", id, "propose-penalty", Map.of("violationCode", "102-1", "tier", "GENERAL", "amountYuan", "20000"));
        api.act("leader1", id, "approve-proposal", Map.of());
        api.act("officer1", id, "notify", Map.of());
        assertThat(api.deadline(id, "STATEMENT")).isEqualTo("2026-09-10");
        IssuedDocument notice = only(id, "PENALTY_NOTICE");

        api.today("2026-09-11");
        String path = "/api/v1/cases/" + id + "/services";
        MockHttpServletResponse early = api.post("officer1", path, Map.of("documentId", notice.id(), "method", "DIRECT", "eventOn", "2026-09-06"));
        assertThat(early.getStatus()).isEqualTo(422);
        assertThat(body(early)).contains("不能早于文书签发日期（2026-09-07）");
        MockHttpServletResponse electronic = api.post("officer1", path, Map.of("documentId", notice.id(), "method", "ELECTRONIC", "eventOn", "2026-09-08"));
        assertThat(electronic.getStatus()).isEqualTo(422);
        assertThat(body(electronic)).contains("行政处罚法第六十一条第二款");
        assertThat(services(id)).isZero();

        // a document of another case (another aggregate's id named by the command) is refused, nothing stored
        long other = api.open("officer1", firm(org, "送达测试另案有限公司", "未设置安全警示标志"));
        api.act("leader1", other, "file", Map.of("secondHandler", "officer2"));
        MockHttpServletResponse foreign = api.post("officer1", path, Map.of("documentId", only(other, "CASE_FILING_APPROVAL").id(),
                "method", "DIRECT", "eventOn", "2026-09-10"));
        assertThat(foreign.getStatus()).isEqualTo(422);
        assertThat(body(foreign)).contains("所选文书不属于本案");
        assertThat(services(id)).isZero();

        MockHttpServletResponse posted = api.post("officer1", path, Map.of("documentId", notice.id(), "method", "POSTAL",
                "eventOn", "2026-09-10", "recipient", "张海涛", "receiptNumber", "EMS1100223344"));
        assertThat(posted.getStatus()).as(body(posted)).isEqualTo(200);
        assertThat(api.deadline(id, "STATEMENT")).isEqualTo("2026-09-15");
        assertThat(api.post("officer1", path, Map.of("documentId", notice.id(), "method", "DIRECT", "eventOn", "2026-09-10"))
                .getStatus()).isEqualTo(409);

        MockHttpSession officer = (MockHttpSession) mvc.perform(formLogin().user("officer1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        var confirmed = mvc.perform(MockMvcRequestBuilders.post("/cases/" + id + "/service-address").session(officer).with(csrf())
                .param("address", "示例市东城区工业路8号").param("recipient", "张海涛").param("phone", "13800001111")
                .param("electronicAddress", "zhang@example.cn").param("electronicConsent", "true").param("signedBy", "张海涛")
                .param("confirmedOn", "2026-09-11")).andReturn();
        assertThat((String) confirmed.getFlashMap().get("refusal")).isNull();
        assertThat(text(only(id, "SERVICE_ADDRESS_CONFIRMATION"))).contains("送达地址确认书", "送达测试机械有限公司", "示例市东城区工业路8号",
                "zhang@example.cn", "同意采用电子方式送达", "第六十一条第二款");

        api.act("officer1", id, "statement", Map.of("statement", "书面放弃", "waive", true));
        api.today("2026-09-16");
        api.act("leader1", id, "decide", Map.of()); // the system issues the 行政处罚决定书 with its number
        IssuedDocument decision = documents.forSource(new SourceRef("case", (String) JsonPath.read(api.view(id), "$.caseNumber"))).stream()
                .filter(d -> d.kind().startsWith("PENALTY_DECISION")).findFirst().orElseThrow();
        MockHttpServletResponse email = api.post("officer1", path, Map.of("documentId", decision.id(), "method", "ELECTRONIC", "eventOn", "2026-09-16"));
        assertThat(email.getStatus()).as(body(email)).isEqualTo(200);
        assertThat((String) JsonPath.read(body(email), "$.recipient")).isEqualTo("zhang@example.cn");
        LocalDate served = LocalDate.parse("2026-09-16");
        assertThat(api.deadline(id, "RECONSIDERATION")).isEqualTo(cases.periods().reconsiderationDue(served).due().toString());
        assertThat((List<String>) JsonPath.read(api.view(id), "$.timeline[?(@.code == 'SERVICE')].date")).containsExactly("2026-09-16");
        // the ledger ran the case's own serve step: one service day, and the court-application deadline runs from it
        assertThat((String) JsonPath.read(api.view(id), "$.servedOn")).isEqualTo("2026-09-16");
        assertThat((String) JsonPath.read(api.view(id), "$.stage")).isEqualTo("EXECUTING");
        assertThat(api.deadline(id, "COURT_APPLICATION")).isEqualTo(cases.periods()
                .courtApplicationDueFrom(cases.periods().challengeEnds(served, false).due()).due().toString());
        assertThat(api.refused("officer1", id, "serve", Map.of("method", "直接送达", "receipt", "签收"), 422)).contains("送达");
        assertThat(services(id)).isEqualTo(2);
        assertThat((List<String>) JsonPath.read(api.get("leader1", path), "$.items[*].following"))
                .anySatisfy(f -> assertThat(f).contains("陈述申辩至2026-09-15"))
                .anySatisfy(f -> assertThat(f).contains("缴纳罚款至" + cases.periods().paymentDue(served).due())
                        .contains("申请行政复议至" + cases.periods().reconsiderationDue(served).due()));

        var page = WebUser.loggedIn(port, "leader1").get("/cases/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"service\"").contains("邮寄送达：邮件回执上注明的收件日期 2026-09-10")
                .contains("陈述申辩至2026-09-15").contains("同意电子送达至 zhang@example.cn");
    }
}
