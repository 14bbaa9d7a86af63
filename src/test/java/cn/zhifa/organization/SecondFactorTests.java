package cn.zhifa.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.internal.Totp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import cn.zhifa.shared.crypto.FieldCipher;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 14, second factor: a login from outside the internal networks must enrol first, then show a TOTP code
 * or a recovery code after the password, on the page and on the token API; no code is accepted twice, wrong codes
 * count towards the lockout, an administrator's reset makes the user enrol again. Logins from inside (the other
 * tests' 127.0.0.1) and the demo accounts need none.
 */
@ZhifaIntegrationTest
@Tag("external-db")
class SecondFactorTests {

    private static final String PASSWORD = "Zhifa@2026x";
    private static final RequestPostProcessor OUTSIDE = request -> {
        request.setRemoteAddr("203.0.113.7");
        return request;
    };

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired FieldCipher cipher;

    /** The TOTP secret as stored is SM4-GCM sealed (issue 14); the test opens it as the login does. */
    private String secret(long id) {
        String stored = jdbc.sql("SELECT secret FROM second_factor WHERE app_user = ?").param(id).query(String.class).single();
        assertThat(stored).startsWith("sm4gcm:v1:");
        return cipher.open("second_factor.secret", stored);
    }

    @Test
    void an_outside_login_enrols_then_needs_a_code_or_recovery_code_each_usable_once() throws Exception {
        String name = newOfficer();
        long id = id(name);
        assertThat(token(name, null, false).getContentAsString()).as("from inside: no second factor").contains("\"token\"");
        MockHttpServletResponse notEnrolled = token(name, null, true);
        assertThat(notEnrolled.getStatus()).isEqualTo(401);
        assertThat(notEnrolled.getContentAsString()).contains("尚未绑定");

        // page login from outside: enrolment first, nothing else reachable
        MockHttpSession session = login(name);
        assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/profile?enrol");
        mvc.perform(post("/profile/second-factor/start").session(session).with(csrf()).with(OUTSIDE));
        String secret = secret(id);
        String profile = mvc.perform(get("/profile").session(session).with(OUTSIDE)).andReturn().getResponse().getContentAsString();
        assertThat(profile).contains("data:image/svg+xml;base64,").contains(secret.substring(0, 4) + " " + secret.substring(4, 8));
        assertThat(mvc.perform(post("/profile/second-factor/confirm").session(session).with(csrf()).with(OUTSIDE)
                .param("code", "000000")).andReturn().getResponse().getContentAsString()).contains("验证码不正确");
        long step = Totp.step(clock.instant());
        MvcResult confirmed = mvc.perform(post("/profile/second-factor/confirm").session(session).with(csrf()).with(OUTSIDE)
                .param("code", Totp.code(secret, step))).andReturn();
        @SuppressWarnings("unchecked")
        List<String> recovery = (List<String>) confirmed.getFlashMap().get("recoveryCodes");
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE app_user = ? AND code_hash = ?")
                .params(id, recovery.get(0)).query(Long.class).single()).as("stored hashed").isZero();
        assertThat(mvc.perform(get("/").session(session).with(OUTSIDE)).andReturn().getResponse().getStatus()).isEqualTo(200);

        // next login from outside: the code form; the code used at enrolment is refused and counts as a failure
        session = login(name);
        assertThat(mvc.perform(get("/inspection/tasks").session(session).with(OUTSIDE)).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/login/second-factor");
        String refused = mvc.perform(post("/login/second-factor").session(session).with(csrf()).with(OUTSIDE)
                .param("code", Totp.code(secret, step))).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("动态验证码或恢复码不正确");
        assertThat(failedAttempts(id)).isEqualTo(1);
        assertThat(mvc.perform(post("/login/second-factor").session(session).with(csrf()).with(OUTSIDE)
                .param("code", recovery.get(0).toLowerCase())).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(failedAttempts(id)).as("a right code clears the failures").isZero();
        assertThat(mvc.perform(get("/").session(session).with(OUTSIDE)).andReturn().getResponse().getStatus()).isEqualTo(200);

        // token API: the recovery code is spent, a fresh code works once
        assertThat(token(name, recovery.get(0), true).getStatus()).isEqualTo(401);
        assertThat(token(name, "", true).getContentAsString()).contains("需要动态验证码");
        String next = Totp.code(secret, step + 1);
        assertThat(token(name, next, true).getContentAsString()).contains("\"token\"");
        assertThat(token(name, next, true).getStatus()).as("a code is never accepted twice").isEqualTo(401);
        assertThat(token(name, recovery.get(1), true).getContentAsString()).contains("\"token\"");

        // the administrator resets it (audited): the next outside login enrols again
        // (三员分立: an ordinary account is the ADMIN's to manage; the SECURITY_ADMIN handles the 三员 accounts)
        MockHttpSession admin = (MockHttpSession) mvc.perform(formLogin().user("admin").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        mvc.perform(post("/admin/users/" + id + "/second-factor/reset").session(admin).with(csrf()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM second_factor WHERE app_user = ?").param(id).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT action || ' ' || outcome FROM audit_log ORDER BY id DESC LIMIT 1").query(String.class).single())
                .isEqualTo("重置用户动态验证码 SUCCESS");
        assertThat(login(name).getAttribute("zhifa.secondFactorPending")).isEqualTo(id);
    }

    @Test
    void wrong_codes_lock_the_account_and_end_the_half_done_login() throws Exception {
        String name = newOfficer();
        long id = id(name);
        MockHttpSession session = login(name);
        mvc.perform(post("/profile/second-factor/start").session(session).with(csrf()).with(OUTSIDE));
        String secret = secret(id);
        mvc.perform(post("/profile/second-factor/confirm").session(session).with(csrf()).with(OUTSIDE)
                .param("code", Totp.code(secret, Totp.step(clock.instant()))));
        session = login(name);
        String last = null;
        for (int i = 0; i < 10 && last == null; i++) {
            last = mvc.perform(post("/login/second-factor").session(session).with(csrf()).with(OUTSIDE).param("code", "111111"))
                    .andReturn().getResponse().getRedirectedUrl();
        }
        assertThat(last).isEqualTo("/login?error");
        assertThat(jdbc.sql("SELECT locked_until IS NOT NULL FROM app_user WHERE id = ?").param(id).query(Boolean.class).single()).isTrue();
        assertThat(token(name, Totp.code(secret, Totp.step(clock.instant()) + 1), true).getStatus()).isEqualTo(401);
    }

    private String newOfficer() throws Exception {
        String name = "tf" + UUID.randomUUID().toString().substring(0, 8);
        String json = """
                {"username":"%s","displayName":"外网执法员","organizationId":%d,"roles":["OFFICER"],"password":"%s"}"""
                .formatted(name, org("officer1"), PASSWORD);
        assertThat(mvc.perform(post("/api/v1/users").header("Authorization", Tokens.bearer(mvc, "admin"))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse().getStatus()).isEqualTo(201);
        jdbc.sql("UPDATE app_user SET password_must_change = FALSE WHERE username = ?").param(name).update();
        return name;
    }

    private MockHttpSession login(String name) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", name).param("password", PASSWORD)
                        .with(csrf()).with(OUTSIDE))
                .andReturn().getRequest().getSession();
    }

    private MockHttpServletResponse token(String name, String totp, boolean outside) throws Exception {
        String body = "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\""
                + (totp == null ? "" : ",\"totp\":\"" + totp + "\"") + "}";
        var request = post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content(body);
        return mvc.perform(outside ? request.with(OUTSIDE) : request).andReturn().getResponse();
    }

    private int failedAttempts(long id) {
        return jdbc.sql("SELECT failed_attempts FROM app_user WHERE id = ?").param(id).query(Integer.class).single();
    }

    private long id(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
    }

    private long org(String username) {
        return jdbc.sql("SELECT organization_id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
    }
}
