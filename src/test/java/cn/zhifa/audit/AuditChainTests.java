package cn.zhifa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@ZhifaIntegrationTest
@Tag("external-db")
class AuditChainTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void every_mutating_request_is_recorded_with_who_what_and_outcome() throws Exception {
        MockHttpSession admin = (MockHttpSession) mvc.perform(formLogin().user("admin").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        long before = jdbc.sql("SELECT max(id) FROM audit_log").query(Long.class).single();
        mvc.perform(post("/admin/organizations").param("name", "").param("kind", "TOWNSHIP").session(admin).with(csrf()));

        var row = jdbc.sql("SELECT actor, action, outcome, client_address FROM audit_log WHERE id > ? AND action = '新增单位'")
                .param(before).query().singleRow();
        assertThat(row.get("actor")).isEqualTo("admin");
        assertThat(row.get("outcome")).isEqualTo("REJECTED");
        assertThat(row.get("client_address")).isNotNull();
    }

    @Test
    void the_database_refuses_to_update_or_delete_audit_rows() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType("application/json").content("{\"username\":\"nobody\",\"password\":\"x\"}"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single()).isPositive();
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'x' WHERE id = (SELECT min(id) FROM audit_log)").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log").update()).hasMessageContaining("append-only");
    }

    @Test
    void an_altered_row_breaks_the_chain_at_that_row_and_the_auditor_sees_where() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType("application/json").content("{\"username\":\"officer2\",\"password\":\"x\"}"));
        String auditor = Tokens.bearer(mvc, "auditor");
        mvc.perform(get("/api/v1/audit/verify").header("Authorization", auditor)).andExpect(jsonPath("$.intact").value(true));

        long victim = jdbc.sql("SELECT max(id) FROM audit_log WHERE actor = 'officer2'").query(Long.class).single();
        String original = jdbc.sql("SELECT detail FROM audit_log WHERE id = ?").param(victim).query(String.class).single();
        tamper(victim, "篡改");
        try {
            String result = mvc.perform(get("/api/v1/audit/verify").header("Authorization", auditor))
                    .andReturn().getResponse().getContentAsString();
            assertThat((Boolean) JsonPath.read(result, "$.intact")).isFalse();
            assertThat(((Number) JsonPath.read(result, "$.firstBrokenId")).longValue()).isEqualTo(victim);
            assertThat((String) JsonPath.read(result, "$.problem")).contains("已被篡改");

            MockHttpSession page = (MockHttpSession) mvc.perform(formLogin().user("auditor").password(Tokens.DEMO_PASSWORD))
                    .andReturn().getRequest().getSession();
            assertThat(mvc.perform(get("/audit/verify").session(page)).andReturn().getResponse().getContentAsString())
                    .contains("哈希链在第 <strong>" + victim + "</strong> 条记录处断开");
        } finally {
            tamper(victim, original);
        }
        mvc.perform(get("/api/v1/audit/verify").header("Authorization", auditor)).andExpect(jsonPath("$.intact").value(true));
    }

    private void tamper(long id, String detail) {
        jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete").update();
        try {
            jdbc.sql("UPDATE audit_log SET detail = ? WHERE id = ?").params(detail, id).update();
        } finally {
            jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete").update();
        }
    }
}
