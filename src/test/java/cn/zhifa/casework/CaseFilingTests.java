package cn.zhifa.casework;

import static cn.zhifa.casework.CaseApiSupport.firm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * 备案 of decisions: a 当场处罚 falls due for reporting when decided, is recorded with the day sent and the reference
 * number (bad input refused, nothing stored), and shows on the list, the API and the case page; the demo's 重大行政处罚
 * carries one filing recorded and one overdue; another district's filings stay out of sight.
 */
@ZhifaIntegrationTest
@Tag("external-db")
class CaseFilingTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    CaseApiSupport api;
    long org;

    @BeforeEach
    void setUp() {
        clock.reset();
        api = new CaseApiSupport(mvc, clock);
        org = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String body(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    private String sentOn(long filingId) {
        return jdbc.sql("SELECT CAST(sent_on AS VARCHAR) FROM case_filing WHERE id = :id").param("id", filingId).query(String.class).list().get(0);
    }

    @Test
    void an_on_the_spot_decision_falls_due_for_reporting_and_is_recorded_once_with_day_and_number() throws Exception {
        LocalDate today = LocalDate.now(clock);
        MockHttpServletResponse done = api.post("officer1", "/api/v1/cases/on-the-spot", Map.of("party", firm(org, "备案测试便利店", "安全出口锁闭"),
                "fineYuan", "1000", "violationCode", "105-1", "decisionNumber", "当罚〔2026〕备1号"));
        assertThat(done.getStatus()).as(body(done)).isEqualTo(201);
        long id = ((Number) JsonPath.read(body(done), "$.id")).longValue();

        String filings = api.get("officer1", "/api/v1/cases/" + id + "/filings");
        assertThat((Integer) JsonPath.read(filings, "$.total")).isEqualTo(1);
        assertThat((String) JsonPath.read(filings, "$.items[0].kind")).isEqualTo("ON_THE_SPOT");
        assertThat((String) JsonPath.read(filings, "$.items[0].status")).isEqualTo("DUE");
        assertThat((String) JsonPath.read(filings, "$.items[0].dueOn")).isEqualTo(today.plusDays(3).toString());
        long filingId = ((Number) JsonPath.read(filings, "$.items[0].id")).longValue();
        String path = "/api/v1/cases/" + id + "/filings/" + filingId;

        // bad input: refused with a Chinese detail, nothing stored
        MockHttpServletResponse noNumber = api.post("officer1", path, Map.of("sentOn", today.toString(), "referenceNumber", " "));
        assertThat(noNumber.getStatus()).isEqualTo(422);
        assertThat(body(noNumber)).contains("请填写备案文号");
        MockHttpServletResponse future = api.post("officer1", path, Map.of("sentOn", today.plusDays(1).toString(), "referenceNumber", "东应急备〔2026〕9号"));
        assertThat(future.getStatus()).isEqualTo(422);
        assertThat(body(future)).contains("不能晚于今天");
        MockHttpServletResponse early = api.post("officer1", path, Map.of("sentOn", today.minusDays(1).toString(), "referenceNumber", "东应急备〔2026〕9号"));
        assertThat(early.getStatus()).isEqualTo(422);
        assertThat(body(early)).contains("不能早于处罚决定日期");
        long otherCasesFiling = jdbc.sql("SELECT id FROM case_filing WHERE penalty_case <> :id ORDER BY id LIMIT 1").param("id", id)
                .query(Long.class).single();
        MockHttpServletResponse foreign = api.post("officer1", "/api/v1/cases/" + id + "/filings/" + otherCasesFiling,
                Map.of("sentOn", today.toString(), "referenceNumber", "东应急备〔2026〕9号"));
        assertThat(foreign.getStatus()).isEqualTo(404);
        assertThat(api.post("supervisor1", path, Map.of("sentOn", today.toString(), "referenceNumber", "东应急备〔2026〕9号")).getStatus())
                .isEqualTo(403);
        assertThat(sentOn(filingId)).isNull();

        MockHttpServletResponse recorded = api.post("officer1", path, Map.of("sentOn", today.toString(), "referenceNumber", "东应急备〔2026〕9号"));
        assertThat(recorded.getStatus()).as(body(recorded)).isEqualTo(200);
        assertThat((String) JsonPath.read(body(recorded), "$.status")).isEqualTo("RECORDED");
        assertThat(sentOn(filingId)).isEqualTo(today.toString());
        MockHttpServletResponse again = api.post("officer1", path, Map.of("sentOn", today.toString(), "referenceNumber", "东应急备〔2026〕10号"));
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT reference_number FROM case_filing WHERE id = :id").param("id", filingId).query(String.class).single())
                .isEqualTo("东应急备〔2026〕9号");

        String list = api.get("leader1", "/api/v1/cases/filings?status=RECORDED&size=200");
        assertThat(JsonPath.<List<Object>>read(list, "$.items[?(@.id == " + filingId + ")]")).hasSize(1);
        assertThat(JsonPath.<List<Object>>read(api.get("leader1", "/api/v1/cases/filings?status=DUE&size=200"),
                "$.items[?(@.id == " + filingId + ")]")).isEmpty();

        MockHttpSession officer = login("officer1");
        String casePage = mvc.perform(MockMvcRequestBuilders.get("/cases/" + id).session(officer)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(casePage).contains("处罚决定备案", "当场处罚备案", "东应急备〔2026〕9号");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/cases/filings").session(officer)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void the_demo_major_decision_has_one_filing_recorded_and_one_overdue_and_the_page_filters_by_status() throws Exception {
        String recorded = api.get("leader1", "/api/v1/cases/filings?status=RECORDED&size=200");
        List<Map<String, Object>> major = JsonPath.read(recorded, "$.items[?(@.kind == 'MAJOR')]");
        assertThat(major).isNotEmpty();
        Object caseId = major.get(0).get("caseId");
        assertThat(major.get(0).get("body")).isEqualTo("市应急管理局");
        String overdue = api.get("leader1", "/api/v1/cases/filings?status=OVERDUE&size=200");
        assertThat(JsonPath.<List<Object>>read(overdue, "$.items[?(@.caseId == " + caseId + " && @.body == '区司法局')]")).hasSize(1);
        MockHttpServletResponse bogus = mvc.perform(MockMvcRequestBuilders.get("/api/v1/cases/filings?status=完成")
                .header("Authorization", Tokens.bearer(mvc, "leader1"))).andReturn().getResponse();
        assertThat(bogus.getStatus()).isEqualTo(422);

        MockHttpSession leader = login("leader1");
        String page = mvc.perform(MockMvcRequestBuilders.get("/cases/filings").param("status", "OVERDUE").session(leader)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("处罚决定备案", "区司法局", "逾期").doesNotContain("MAJOR", "OVERDUE</");
        var xlsx = mvc.perform(MockMvcRequestBuilders.get("/cases/filings.xlsx").session(leader)).andReturn().getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(6).getStringCellValue()).isEqualTo("备案机关");
            assertThat(book.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void another_districts_filing_is_not_listed_or_counted() throws Exception {
        String districtPath = jdbc.sql("SELECT o.path FROM organization o JOIN app_user u ON u.organization_id = o.id WHERE u.username = 'leader1'")
                .query(String.class).single();
        long foreignOrg = jdbc.sql("SELECT id FROM organization WHERE path NOT LIKE :p AND kind <> 'CITY' ORDER BY id LIMIT 1")
                .param("p", districtPath + "%").query(Long.class).single();
        long anyCase = jdbc.sql("SELECT penalty_case FROM case_filing ORDER BY id LIMIT 1").query(Long.class).single();
        long before = overdueTotal();
        long foreign = jdbc.sql("""
                        INSERT INTO case_filing (penalty_case, organization_id, kind, body, decided_on, due_on)
                        VALUES (:case, :org, 'MAJOR', '外区测试备案机关', DATE '2026-01-05', DATE '2026-01-20') RETURNING id""")
                .param("case", anyCase).param("org", foreignOrg).query(Long.class).single();
        try {
            String list = api.get("leader1", "/api/v1/cases/filings?size=200");
            assertThat(list).doesNotContain("外区测试备案机关");
            assertThat(overdueTotal()).isEqualTo(before);
            // the same row in the leader's own unit is listed (so the check above is the scope's doing)
            jdbc.sql("UPDATE case_filing SET organization_id = :org WHERE id = :id").param("org", org).param("id", foreign).update();
            assertThat(api.get("leader1", "/api/v1/cases/filings?size=200")).contains("外区测试备案机关");
            assertThat(overdueTotal()).isEqualTo(before + 1);
        } finally {
            jdbc.sql("DELETE FROM case_filing WHERE id = :id").param("id", foreign).update();
        }
    }

    private long overdueTotal() throws Exception {
        return ((Number) JsonPath.read(api.get("leader1", "/api/v1/cases/filings?status=OVERDUE&size=1"), "$.total")).longValue();
    }

    private MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(user).password(Tokens.DEMO_PASSWORD)).andReturn().getRequest().getSession();
    }
}
