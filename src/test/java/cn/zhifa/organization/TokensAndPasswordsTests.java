package cn.zhifa.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.internal.LoginThrottle;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 14: tokens end at logout and whenever a password, role or enabled state changes; the 三员's live shorter;
 * an administrator-set password must be changed first (API 403, pages lead to the form) and a change may not
 * reuse recent passwords; logins are throttled per client address with one message that reveals no account.
 */
@ZhifaIntegrationTest
@Tag("external-db")
class TokensAndPasswordsTests {

    private static final String INITIAL = "Anfang@2026";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired LoginThrottle throttle;

    @Test
    void logout_revokes_the_token_at_once() throws Exception {
        String token = Tokens.bearer(mvc, "officer2");
        assertThat(status(get("/api/v1/organizations").header("Authorization", token))).isEqualTo(200);
        assertThat(status(post("/api/v1/auth/logout").header("Authorization", token))).isEqualTo(204);
        assertThat(status(get("/api/v1/organizations").header("Authorization", token))).isEqualTo(401);
    }

    @Test
    void tokens_of_the_three_administrators_live_thirty_minutes_others_the_policy_s_eight_hours() throws Exception {
        assertThat(lifetime("secadmin")).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
        assertThat(lifetime("auditor")).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
        assertThat(lifetime("officer2")).isGreaterThan(Duration.ofHours(7));
    }

    @Test
    void an_initial_password_is_changed_first_not_to_a_recent_one_the_change_ends_every_token_and_it_expires() throws Exception {
        String name = newOfficer();
        String token = "Bearer " + Tokens.of(mvc, name, INITIAL);
        MockHttpServletResponse refused = call(get("/api/v1/organizations").header("Authorization", token));
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).contains("请先通过 POST /api/v1/auth/password 修改密码");

        MockHttpSession session = login(name, INITIAL);
        assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/profile?change");
        assertThat(mvc.perform(get("/profile").session(session)).andReturn().getResponse().getContentAsString()).contains("请先修改密码");
        assertThat(changeOnPage(session, INITIAL, INITIAL)).as("the current password again").contains("最近 5 次");
        changeOnPage(session, INITIAL, "Zweites@2026");
        assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(status(get("/api/v1/organizations").header("Authorization", token))).as("revoked by the change").isEqualTo(401);

        String second = "Bearer " + Tokens.of(mvc, name, "Zweites@2026");
        assertThat(status(get("/api/v1/organizations").header("Authorization", second))).isEqualTo(200);
        MockHttpServletResponse reuse = changePassword(second, "Zweites@2026", INITIAL);
        assertThat(reuse.getStatus()).isEqualTo(422);
        assertThat(reuse.getContentAsString()).contains("最近 5 次");

        jdbc.sql("UPDATE app_user SET password_changed_at = now() - interval '91 days' WHERE username = ?").param(name).update();
        assertThat(status(get("/api/v1/organizations").header("Authorization", second))).as("expired after 90 days").isEqualTo(403);
    }

    @Test
    void an_administrator_s_reset_disabling_or_role_change_ends_every_token_of_the_user() throws Exception {
        String name = newOfficer();
        long id = id(name);
        MockHttpSession admin = login("admin", Tokens.DEMO_PASSWORD);

        String token = "Bearer " + Tokens.of(mvc, name, INITIAL);
        assertThat(status(get("/api/v1/organizations").header("Authorization", token))).as("valid, held at the password").isEqualTo(403);
        mvc.perform(post("/admin/users/" + id + "/password").session(admin).with(csrf()).param("password", "Drittes@2026"));
        assertThat(status(get("/api/v1/organizations").header("Authorization", token))).as("after a reset").isEqualTo(401);

        token = "Bearer " + Tokens.of(mvc, name, "Drittes@2026");
        MockHttpSession secadmin = login("secadmin", Tokens.DEMO_PASSWORD);
        mvc.perform(post("/admin/users/" + id + "/roles").session(secadmin).with(csrf())
                .param("version", version(id)).param("roles", "OFFICER", "LEADER"));
        assertThat(status(get("/api/v1/organizations").header("Authorization", token))).as("after a role change").isEqualTo(401);

        token = "Bearer " + Tokens.of(mvc, name, "Drittes@2026");
        mvc.perform(post("/admin/users/" + id + "/enabled").session(admin).with(csrf()).param("enabled", "false"));
        mvc.perform(post("/admin/users/" + id + "/enabled").session(admin).with(csrf()).param("enabled", "true"));
        assertThat(status(get("/api/v1/organizations").header("Authorization", token))).as("after disabling").isEqualTo(401);
    }

    @Test
    void an_unknown_account_a_wrong_password_and_a_locked_account_get_the_same_answer() throws Exception {
        String name = newOfficer();
        String unknown = tokenAnswer("nobody" + UUID.randomUUID().toString().substring(0, 6), INITIAL);
        String wrong = tokenAnswer(name, "Falsch@2026");
        jdbc.sql("UPDATE app_user SET locked_until = now() + interval '1 hour' WHERE username = ?").param(name).update();
        String locked = tokenAnswer(name, INITIAL);
        assertThat(JsonPath.<String>read(unknown, "$.detail")).isEqualTo(JsonPath.read(wrong, "$.detail"))
                .isEqualTo(JsonPath.<String>read(locked, "$.detail")).contains("用户名或密码错误");
    }

    @Test
    void too_many_failures_from_one_address_hold_back_logins_from_it_but_not_from_others() throws Exception {
        String address = "203.0.113." + (1 + (int) (Math.random() * 200));
        for (int i = 0; i < 500; i++) {
            throttle.failed(address);
        }
        MockHttpServletResponse held = mvc.perform(post("/api/v1/auth/token").with(from(address))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"officer2\",\"password\":\"" + Tokens.DEMO_PASSWORD + "\"}")).andReturn().getResponse();
        assertThat(held.getStatus()).isEqualTo(429);
        assertThat(held.getContentAsString()).contains("登录尝试过于频繁");
        MvcResult form = mvc.perform(post("/login").param("username", "officer2").param("password", Tokens.DEMO_PASSWORD)
                .with(csrf()).with(from(address))).andReturn();
        assertThat(form.getResponse().getRedirectedUrl()).isEqualTo("/login?throttled");
        assertThat(Tokens.of(mvc, "officer2")).as("other addresses log in").isNotBlank();
    }

    @Test
    void pages_carry_a_nonce_based_policy_without_unsafe_inline_and_their_inline_scripts_carry_the_nonce() throws Exception {
        MockHttpServletResponse page = call(get("/hazards/new").session(login("officer1", Tokens.DEMO_PASSWORD)));
        String policy = page.getHeader("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self' 'nonce-").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        String nonce = policy.replaceAll(".*script-src 'self' 'nonce-([^']+)'.*", "$1");
        assertThat(page.getContentAsString()).contains("nonce=\"" + nonce + "\"");
        String other = call(get("/login")).getHeader("Content-Security-Policy");
        assertThat(other).as("a fresh nonce per response").doesNotContain(nonce);
    }

    @Test
    void the_client_address_comes_from_the_forwarding_header_only_when_a_trusted_proxy_sends_it() throws Exception {
        String client = "10.77." + (int) (Math.random() * 250) + ".9";
        for (int i = 0; i < 500; i++) {
            throttle.failed(client);
        }
        String body = "{\"username\":\"officer2\",\"password\":\"" + Tokens.DEMO_PASSWORD + "\"}";
        assertThat(status(post("/api/v1/auth/token").with(from("198.51.100.23")).header("X-Forwarded-For", client)
                .contentType(MediaType.APPLICATION_JSON).content(body))).as("an untrusted sender names no address").isEqualTo(200);
        assertThat(status(post("/api/v1/auth/token").header("X-Forwarded-For", client)
                .contentType(MediaType.APPLICATION_JSON).content(body))).as("the trusted proxy (loopback) does").isEqualTo(429);
    }

    @Test
    void behind_tls_at_the_proxy_cookies_are_secure_and_hsts_is_sent(@Autowired org.springframework.core.env.Environment env)
            throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + env.getProperty("local.server.port") + "/login"))
                        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "zhifa.example.gov.cn").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(response.headers().allValues("Set-Cookie")).isNotEmpty().allSatisfy(cookie -> assertThat(cookie).contains("Secure"));
        java.net.http.HttpResponse<String> plain = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + env.getProperty("local.server.port") + "/login")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().allValues("Set-Cookie")).noneSatisfy(cookie -> assertThat(cookie).contains("Secure"));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private Duration lifetime(String username) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + Tokens.DEMO_PASSWORD + "\"}"))
                .andReturn().getResponse().getContentAsString();
        return Duration.between(Instant.now(), Instant.parse(JsonPath.read(body, "$.expiresAt")));
    }

    /** A new officer whose initial password (set by the admin) still has to be changed. */
    private String newOfficer() throws Exception {
        String name = "pw" + UUID.randomUUID().toString().substring(0, 8);
        long unit = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        MockHttpServletResponse created = call(post("/api/v1/users").header("Authorization", Tokens.bearer(mvc, "admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"%s","displayName":"测试员","organizationId":%d,"roles":["OFFICER"],"password":"%s"}
                        """.formatted(name, unit, INITIAL)));
        assertThat(created.getStatus()).isEqualTo(201);
        return name;
    }

    private String changeOnPage(MockHttpSession session, String oldPassword, String newPassword) throws Exception {
        return mvc.perform(post("/profile/password").session(session).with(csrf()).param("oldPassword", oldPassword)
                .param("newPassword", newPassword).param("confirmPassword", newPassword)).andReturn().getResponse().getContentAsString();
    }

    private MockHttpServletResponse changePassword(String token, String oldPassword, String newPassword) throws Exception {
        return call(post("/api/v1/auth/password").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"oldPassword\":\"" + oldPassword + "\",\"newPassword\":\"" + newPassword + "\"}"));
    }

    private String tokenAnswer(String username, String password) throws Exception {
        MockHttpServletResponse response = call(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
        assertThat(response.getStatus()).isEqualTo(401);
        return response.getContentAsString();
    }

    private MockHttpSession login(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(password)).andReturn().getRequest().getSession();
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return call(request).getStatus();
    }

    private long id(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
    }

    private String version(long id) {
        return jdbc.sql("SELECT version FROM app_user WHERE id = ?").param(id).query(String.class).single();
    }
}
