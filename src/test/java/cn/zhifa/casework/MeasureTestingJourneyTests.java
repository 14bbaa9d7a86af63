package cn.zhifa.casework;

import static cn.zhifa.casework.CaseApiSupport.firm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.WebUser;
import cn.zhifa.ZhifaIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
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

/** 检测期间 of a 扣押 (行政强制法第二十五条第三款) recorded through the API and the case page; the term moves on the page, API and sweep. */
@ZhifaIntegrationTest
@Tag("external-db")
class MeasureTestingJourneyTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseDeadlines deadlines;
    @Autowired
    cn.zhifa.documents.DocumentManagement documents;
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

    private long testings(long id) {
        return jdbc.sql("SELECT count(*) FROM coercive_measure_testing WHERE penalty_case = :id").param("id", id).query(Long.class).single();
    }

    @Test
    void ten_days_of_testing_notified_to_the_party_move_the_seizure_term_by_ten_days_and_a_period_without_notice_is_refused() throws Exception {
        api.today("2026-09-24");
        long id = api.open("officer1", firm(org, "检测期间测试有限公司", "违规储存液化石油气"));
        api.act("leader1", id, "file", Map.of("secondHandler", "officer2"));
        api.today("2026-09-25");
        api.act("leader1", id, "measure-apply", Map.of("kind", "SEIZE",
                "objects", List.of(Map.of("name", "液化石油气钢瓶", "quantity", "12瓶")), "reason", "存在重大事故隐患的设备",
                "legalBasis", "安全生产法第六十五条第一款第四项", "decisionNumber", "扣〔2026〕18号"));
        assertThat(api.deadline(id, "MEASURE_1")).isEqualTo("2026-10-25");

        api.today("2026-09-28");
        MockHttpServletResponse refused = api.post("officer1", "/api/v1/cases/" + id + "/measures/1/testing",
                Map.of("kind", "DETECTION", "subject", "钢瓶气密性检测", "from", "2026-09-28", "to", "2026-10-07"));
        refused.setCharacterEncoding("UTF-8");
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("书面告知当事人").contains("行政强制法第二十五条第三款");
        assertThat(testings(id)).isZero();

        MockHttpServletResponse recorded = api.post("officer1", "/api/v1/cases/" + id + "/measures/1/testing",
                Map.of("kind", "DETECTION", "subject", "钢瓶气密性检测", "from", "2026-09-28", "to", "2026-10-07",
                        "noticeNumber", "检告〔2026〕3号", "notifiedOn", "2026-09-27"));
        recorded.setCharacterEncoding("UTF-8");
        assertThat(recorded.getStatus()).as(recorded.getContentAsString()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(recorded.getContentAsString(), "$.days")).isEqualTo(10);

        String view = api.view(id);
        assertThat((String) JsonPath.read(view, "$.measures[0].dueOn")).isEqualTo("2026-11-04");
        assertThat((String) JsonPath.read(view, "$.measures[0].dueBasis")).contains("不计检测、检验、检疫或者技术鉴定期间10日");
        assertThat(api.deadline(id, "MEASURE_1")).isEqualTo("2026-11-04");
        assertThat((Integer) JsonPath.read(api.get("leader1", "/api/v1/cases/" + id + "/measures/testing"), "$.total")).isEqualTo(1);

        MockHttpSession officer = (MockHttpSession) mvc.perform(formLogin().user("officer1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        var overlapping = mvc.perform(MockMvcRequestBuilders.post("/cases/" + id + "/measures/1/testing")
                .session(officer).with(csrf()).param("kind", "APPRAISAL").param("subject", "减压阀技术鉴定")
                .param("from", "2026-10-05").param("to", "2026-10-09").param("notifiedOn", "2026-09-28")).andReturn();
        assertThat(overlapping.getResponse().getStatus()).isEqualTo(302);
        assertThat((String) overlapping.getFlashMap().get("refusal")).contains("重叠");
        assertThat(testings(id)).isEqualTo(1);

        api.today("2026-10-22"); // near the statutory day, not near the term without the testing days
        deadlines.sweep();
        assertThat(jdbc.sql("SELECT count(*) FROM case_deadline_warning WHERE penalty_case = :id AND deadline = 'MEASURE_1'")
                .param("id", id).query(Long.class).single()).isZero();

        HttpResponse<String> page = WebUser.loggedIn(port, "leader1").get("/cases/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("2026-11-04").contains("不计入期限：检测（2026-09-28至2026-10-07，10日）")
                .contains("2026-09-27书面告知当事人（检告〔2026〕3号）");
        HttpResponse<String> asOfficer = WebUser.loggedIn(port, "officer1").get("/cases/" + id);
        assertThat(asOfficer.body()).contains("登记检测、检验、检疫或者技术鉴定期间");

        // past the statutory term (2026-10-25) but within the term without the testing days: the head may still extend it
        api.today("2026-10-28");
        api.act("leader1", id, "measure-extend", Map.of("number", 1, "reason", "涉案钢瓶需进一步技术鉴定，情况复杂"));
        assertThat(api.deadline(id, "MEASURE_1")).isEqualTo("2026-12-04");
    }
}
