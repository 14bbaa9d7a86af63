package cn.zhifa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Every attempt leaves a row with its real outcome: refusals are not successes, and odd input is still recorded. */
@ZhifaIntegrationTest
@Tag("external-db")
class AuditOutcomeTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_page_action_refused_and_redirected_with_its_reason_is_recorded_as_rejected_not_success() throws Exception {
        MockHttpSession officer = login("officer1");
        long before = maxId();
        mvc.perform(post("/inspection/tasks/987654321/start").session(officer).with(csrf()));

        Map<String, Object> row = jdbc.sql("SELECT outcome, detail FROM audit_log WHERE id > ? AND action = '开始现场检查'")
                .param(before).query().singleRow();
        assertThat(row.get("outcome")).isEqualTo("REJECTED");
        assertThat((String) row.get("detail")).isNotBlank();
    }

    @Test
    void a_login_with_a_nul_in_the_username_still_leaves_a_failure_row() throws Exception {
        long before = maxId();
        mvc.perform(formLogin().user("officer1\u0000x").password("wrong"));

        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE id > ? AND action = '登录' AND outcome = 'FAILURE' "
                + "AND actor = ?").params(before, "officer1\\0x").query(Long.class).single()).isPositive();
    }

    @Test
    void downloading_an_issued_document_is_a_personal_data_read_and_is_recorded_with_the_document() throws Exception {
        long document = jdbc.sql("SELECT min(id) FROM doc_issued").query(Long.class).single();
        String leader = Tokens.bearer(mvc, "leader1");
        long before = maxId();
        int status = mvc.perform(get("/api/v1/documents/" + document + "/pdf").header("Authorization", leader))
                .andReturn().getResponse().getStatus();

        Map<String, Object> row = jdbc.sql("SELECT actor, target_type, target_id, outcome FROM audit_log "
                + "WHERE id > ? AND action = '下载文书'").param(before).query().singleRow();
        assertThat(row.get("actor")).isEqualTo("leader1");
        assertThat(row.get("target_type")).isEqualTo("文书");
        assertThat(row.get("target_id")).isEqualTo(String.valueOf(document));
        assertThat(row.get("outcome")).isEqualTo(status == 200 ? "SUCCESS" : status == 403 ? "REJECTED" : "FAILURE");
    }

    private MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(user).password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
    }

    private long maxId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_log").query(Long.class).single();
    }
}
