package cn.zhifa.casework;

import static cn.zhifa.casework.CaseApiSupport.firm;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 14: a terminal that retries a case create or an on-the-spot penalty with its Idempotency-Key gets the first answer and adds nothing. */
@ZhifaIntegrationTest
class CaseIdempotencyTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    cn.zhifa.documents.DocumentManagement documents;

    long unit;

    @BeforeEach
    void setUp() {
        unit = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        cn.zhifa.documents.SampleDocuments.ensureSettings(documents, documents.authorityFor(unit).orElseThrow().organizationId());
    }

    private MockHttpServletResponse post(String token, String path, String key, Object body) throws Exception {
        MockHttpServletResponse response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                        .header("Authorization", token).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(CaseApiSupport.JSON.writeValueAsString(body)))
                .andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    private long cases() {
        return jdbc.sql("SELECT count(*) FROM penalty_case").query(Long.class).single();
    }

    private long issuedDocuments() {
        return jdbc.sql("SELECT count(*) FROM doc_issued").query(Long.class).single();
    }

    @Test
    void a_retried_case_create_returns_the_first_answer_and_adds_no_case() throws Exception {
        String token = Tokens.bearer(mvc, "officer1");
        String key = UUID.randomUUID().toString();
        Map<String, Object> form = firm(unit, "幂等测试有限公司", "未如实记录隐患排查治理情况");
        long before = cases();
        MockHttpServletResponse first = post(token, "/api/v1/cases", key, form);
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
        for (int retry = 0; retry < 3; retry++) {
            MockHttpServletResponse again = post(token, "/api/v1/cases", key, form);
            assertThat(again.getStatus()).isEqualTo(201);
            assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString());
            assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        }
        assertThat(cases()).isEqualTo(before + 1);

        form.put("partyName", "另一家有限公司");
        MockHttpServletResponse reused = post(token, "/api/v1/cases", key, form);
        assertThat(reused.getStatus()).isEqualTo(409);
        assertThat(reused.getContentAsString(StandardCharsets.UTF_8)).contains("幂等键");
        assertThat(cases()).isEqualTo(before + 1);
    }

    @Test
    void a_retried_on_the_spot_penalty_returns_the_first_decision_and_issues_nothing_more() throws Exception {
        String token = Tokens.bearer(mvc, "officer1");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("party", firm(unit, "幂等便利店", "安全出口锁闭"), "fineYuan", "1000",
                "violationCode", "105-1", "decisionNumber", "当罚〔2026〕914号");
        long casesBefore = cases();
        MockHttpServletResponse first = post(token, "/api/v1/cases/on-the-spot", key, body);
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
        long documentsAfterFirst = issuedDocuments();
        MockHttpServletResponse again = post(token, "/api/v1/cases/on-the-spot", key, body);
        assertThat(again.getStatus()).isEqualTo(201);
        assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(cases()).isEqualTo(casesBefore + 1);
        assertThat(issuedDocuments()).isEqualTo(documentsAfterFirst);
    }
}
