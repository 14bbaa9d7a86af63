package cn.zhifa.casework;

import static cn.zhifa.casework.CaseApiSupport.firm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.SignatureSpecimens;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** 回避 (行政处罚法第四十三条) through the API and on the case page: applied for, decided, enforced and the handler replaced. */
@ZhifaIntegrationTest
class CaseRecusalTests {

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
        officers = CaseSignatures.certifiedOfficers(jdbc, org, 3);
        CaseSignatures.ensure(specimens, officers.get(0), officers.get(1), "leader1", "legal1");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_recused_handler_is_refused_on_the_case_until_the_leader_names_another() throws Exception {
        api.today("2026-04-20");
        String handler = officers.get(0);
        String second = officers.get(1);
        long id = api.open(handler, firm(org, "回避测试化工有限公司", "未按规定进行安全风险辨识"));
        api.act("leader1", id, "file", Map.of("opinion", "同意立案", "secondHandler", second));
        String secondName = JsonPath.read(api.view(id), "$.coHandlerName");

        assertThat(api.refused(handler, id, "recusal-apply", Map.of("recusalRole", "HANDLER", "personName", "不相干的人",
                "reason", "利害关系"), 422)).contains("不是本案的承办人");
        api.act(handler, id, "recusal-apply", Map.of("recusalRole", "HANDLER", "personName", secondName,
                "reason", "系当事人法定代表人的近亲属"));
        assertThat(api.refused(handler, id, "recusal-decide", Map.of("number", "1", "granted", true), 422)).contains("须由");
        api.act("leader1", id, "recusal-decide", Map.of("number", "1", "granted", true, "reason", "情况属实"));

        assertThat(api.refused(second, id, "investigate", Map.of("what", "EVIDENCE", "content", "调取台账"), 422))
                .contains(secondName, "决定回避", "第四十三条");
        List<String> actions = JsonPath.read(api.get("leader1", "/api/v1/cases/" + id), "$.availableActions[*]");
        assertThat(actions).contains("replace-handler");
        if (officers.size() > 2) {
            api.act("leader1", id, "replace-handler", Map.of("handler", officers.get(2)));
            assertThat((String) JsonPath.read(api.view(id), "$.coHandlerName")).isNotEqualTo(secondName);
        }

        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("leader1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        String page = mvc.perform(get("/cases/" + id).session(session)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("回避申请", "回避决定", "决定承办人" + secondName + "回避").doesNotContain(">HANDLER<");
    }
}
