package cn.zhifa.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** 三员分立: admin manages accounts, secadmin assigns roles, neither grants a 三员 role alone, the last holder stays. */
@ZhifaIntegrationTest
@Tag("external-db")
class ThreeAdministratorsTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void admin_cannot_create_an_auditor_nor_reset_disable_or_unlock_the_auditor_and_secadmin() throws Exception {
        long users = count();
        String json = """
                {"username":"aud%s","displayName":"影子审计员","organizationId":%d,"roles":["AUDITOR"],"password":"Zhifa@2026x"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8), org("admin"));
        int created = mvc.perform(post("/api/v1/users").header("Authorization", Tokens.bearer(mvc, "admin"))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse().getStatus();
        assertThat(created).isEqualTo(422);
        assertThat(count()).isEqualTo(users);

        String hash = hash("auditor");
        as("admin", post("/admin/users/" + id("auditor") + "/password").param("password", "Neues@Passwort2026"));
        assertThat(hash("auditor")).isEqualTo(hash);
        assertThat(lastAudit()).isEqualTo("重置用户密码 REJECTED");
        as("admin", post("/admin/users/" + id("secadmin") + "/enabled").param("enabled", "false"));
        as("admin", post("/admin/users/" + id("auditor") + "/enabled").param("enabled", "false"));
        assertThat(enabled("secadmin")).isTrue();
        assertThat(enabled("auditor")).isTrue();
        assertThat(lastAudit()).isEqualTo("启用或停用用户 REJECTED");
    }

    @Test
    void a_three_administrators_role_is_asked_by_secadmin_and_takes_effect_only_when_admin_approves() throws Exception {
        String name = "cand" + UUID.randomUUID().toString().substring(0, 8);
        as("admin", post("/admin/users").param("username", name).param("displayName", "候选审计员")
                .param("organizationId", String.valueOf(org("admin"))).param("roles", "OFFICER").param("password", "Zhifa@2026x"));
        long candidate = id(name);
        assertThat(as("admin", post("/admin/users/" + candidate + "/roles").param("version", version(candidate)).param("roles", "AUDITOR")))
                .isEqualTo(403);
        as("secadmin", post("/admin/users/" + candidate + "/roles").param("version", version(candidate)).param("roles", "AUDITOR"));
        assertThat(roles(candidate)).as("asked for, not yet granted").isEqualTo("OFFICER");
        long approval = pending(candidate, "ROLE_GRANT");
        as("secadmin", post("/admin/users/approvals/" + approval + "/approve"));
        assertThat(roles(candidate)).as("the asking secadmin cannot approve").isEqualTo("OFFICER");
        assertThat(lastAudit()).isEqualTo("批准三员申请 REJECTED");
        as("admin", post("/admin/users/approvals/" + approval + "/approve"));
        assertThat(roles(candidate)).isEqualTo("AUDITOR");
        assertThat(enabled(name)).isTrue();
    }

    @Test
    void admin_cannot_create_another_admin_alone() throws Exception {
        long users = count();
        as("admin", post("/admin/users").param("username", "adm" + UUID.randomUUID().toString().substring(0, 8))
                .param("displayName", "影子管理员").param("organizationId", String.valueOf(org("admin")))
                .param("roles", "ADMIN").param("password", "Zhifa@2026x"));
        assertThat(count()).isEqualTo(users);
    }

    @Test
    void secadmin_cannot_reset_the_auditors_password_alone_admin_approves_and_the_auditor_must_change_it() throws Exception {
        String original = hash("auditor");
        try {
            as("secadmin", post("/admin/users/" + id("auditor") + "/password").param("password", "Neues@Passwort2026"));
            assertThat(hash("auditor")).as("only asked for").isEqualTo(original);
            long approval = pending(id("auditor"), "PASSWORD_RESET");
            as("admin", post("/admin/users/approvals/" + approval + "/approve"));
            assertThat(hash("auditor")).isNotEqualTo(original);
            assertThat(jdbc.sql("SELECT password_must_change FROM app_user WHERE username = 'auditor'").query(Boolean.class).single())
                    .isTrue();
        } finally {
            jdbc.sql("UPDATE app_user SET password_hash = ?, password_must_change = false WHERE username = 'auditor'")
                    .param(original).update();
        }
    }

    @Test
    void secadmin_cannot_grant_itself_and_nobody_disables_the_last_holder() throws Exception {
        long secadmin = id("secadmin");
        as("secadmin", post("/admin/users/" + secadmin + "/roles").param("version", version(secadmin))
                .param("roles", "AUDITOR"));
        assertThat(roles(secadmin)).isEqualTo("SECURITY_ADMIN");
        assertThat(lastAudit()).isEqualTo("分配用户角色 REJECTED");
        jdbc.sql("UPDATE app_user SET enabled = false WHERE id IN (SELECT app_user FROM user_role WHERE role = 'AUDITOR')"
                + " AND username <> 'auditor'").update();
        as("secadmin", post("/admin/users/" + id("auditor") + "/enabled").param("enabled", "false"));
        assertThat(enabled("auditor")).isTrue();
    }

    private int as(String user, MockHttpServletRequestBuilder call) throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(user).password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        return mvc.perform(call.session(session).with(csrf())).andReturn().getResponse().getStatus();
    }

    private long pending(long user, String kind) {
        return jdbc.sql("SELECT id FROM administrator_approval WHERE target_user = ? AND kind = ? AND status = 'PENDING'")
                .params(user, kind).query(Long.class).single();
    }

    private long id(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
    }

    private long org(String username) {
        return jdbc.sql("SELECT organization_id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
    }

    private String version(long id) {
        return jdbc.sql("SELECT version FROM app_user WHERE id = ?").param(id).query(String.class).single();
    }

    private String roles(long id) {
        return jdbc.sql("SELECT string_agg(role, ',' ORDER BY role) FROM user_role WHERE app_user = ?").param(id)
                .query(String.class).single();
    }

    private String hash(String username) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?").param(username).query(String.class).single();
    }

    private boolean enabled(String username) {
        return jdbc.sql("SELECT enabled FROM app_user WHERE username = ?").param(username).query(Boolean.class).single();
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }

    private String lastAudit() {
        return jdbc.sql("SELECT action || ' ' || outcome FROM audit_log ORDER BY id DESC LIMIT 1").query(String.class).single();
    }
}
