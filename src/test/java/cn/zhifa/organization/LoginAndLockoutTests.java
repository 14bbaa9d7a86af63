package cn.zhifa.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@ZhifaIntegrationTest
@Tag("external-db")
class LoginAndLockoutTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    SecurityPolicyManagement policies;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String newOfficer() throws Exception {
        String username = "lock" + UUID.randomUUID().toString().substring(0, 8);
        long unit = organizationOf("officer1");
        mvc.perform(post("/api/v1/users").header("Authorization", Tokens.bearer(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"测试员","organizationId":%d,"roles":["OFFICER"],"password":"Zhifa@2026"}
                                """.formatted(username, unit)))
                .andExpect(status().isCreated());
        return username;
    }

    private long organizationOf(String username) throws Exception {
        String body = mvc.perform(get("/api/v1/users").param("q", username).header("Authorization", Tokens.bearer(mvc, "admin")))
                .andReturn().getResponse().getContentAsString();
        return ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.items[0].organizationId")).longValue();
    }

    private void tokenRequest(String username, String password, int expectedStatus) throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .andExpect(status().is(expectedStatus));
    }

    @Test
    void five_wrong_passwords_lock_the_account_for_fifteen_minutes_even_with_the_right_password() throws Exception {
        String username = newOfficer();
        for (int i = 0; i < 4; i++) {
            tokenRequest(username, "Wrong@2026", 401);
        }
        tokenRequest(username, "Zhifa@2026", 200);
        for (int i = 0; i < 5; i++) {
            tokenRequest(username, "Wrong@2026", 401);
        }
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"Zhifa@2026\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("锁定")));
        mvc.perform(formLogin().user(username).password("Zhifa@2026")).andExpect(redirectedUrl("/login?error"));

        clock.advance(Duration.ofMinutes(14));
        tokenRequest(username, "Zhifa@2026", 401);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        tokenRequest(username, "Zhifa@2026", 200);
    }

    @Test
    void the_login_page_locks_after_five_failures_and_says_so() throws Exception {
        String username = newOfficer();
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user(username).password("bad")).andExpect(redirectedUrl("/login?error"));
        }
        MvcResult locked = mvc.perform(formLogin().user(username).password("Zhifa@2026"))
                .andExpect(redirectedUrl("/login?error")).andReturn();
        String page = mvc.perform(get("/login").param("error", "").session((MockHttpSession) locked.getRequest().getSession()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).as("the same words as for a wrong password: no account is revealed").contains("用户名或密码错误，或账号已被锁定、停用");
    }

    @Test
    void a_session_expires_after_the_idle_time_the_security_admin_sets() throws Exception {
        MvcResult login = mvc.perform(formLogin().user("officer1").password("Zhifa@2026"))
                .andExpect(redirectedUrl("/")).andReturn();
        assertThat(login.getRequest().getSession().getMaxInactiveInterval()).isEqualTo(30 * 60);

        SecurityPolicy original = policies.current();
        MockHttpSession secadmin = (MockHttpSession) mvc.perform(formLogin().user("secadmin").password("Zhifa@2026"))
                .andReturn().getRequest().getSession();
        try {
            savePolicy(secadmin, 10, original.version());
            MvcResult again = mvc.perform(formLogin().user("officer1").password("Zhifa@2026")).andReturn();
            assertThat(again.getRequest().getSession().getMaxInactiveInterval()).isEqualTo(10 * 60);
        } finally {
            savePolicy(secadmin, original.sessionIdleMinutes(), policies.current().version());
        }
        assertThat(policies.current().sessionIdleMinutes()).isEqualTo(30);
    }

    private void savePolicy(MockHttpSession session, int idleMinutes, int version) throws Exception {
        mvc.perform(post("/admin/security-policy").session(session).with(csrf())
                        .param("passwordMinLength", "8").param("passwordMinClasses", "3")
                        .param("lockoutThreshold", "5").param("lockoutMinutes", "15")
                        .param("sessionIdleMinutes", String.valueOf(idleMinutes)).param("tokenTtlMinutes", "480")
                        .param("version", String.valueOf(version)))
                .andExpect(redirectedUrl("/admin/security-policy"));
    }

    @Test
    void an_unauthenticated_page_request_goes_to_the_login_page_and_the_api_answers_401_problem() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
        mvc.perform(get("/api/v1/users"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("application/problem+json")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("未登录")));
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer not-a-token")).andExpect(status().isUnauthorized());
    }

    @Test
    void wrong_credentials_at_the_token_endpoint_get_a_chinese_problem_detail() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"nobody\",\"password\":\"x\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("用户名或密码错误")));
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{\"username\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("JSON")));
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"\",\"password\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("请填写用户名")));
    }

    @Test
    void a_token_carries_an_expiry_and_opens_the_api() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"officer2\",\"password\":\"Zhifa@2026\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token").isString())
                .andExpect(jsonPath("$.expiresAt").isString());
        mvc.perform(get("/api/v1/organizations").header("Authorization", Tokens.bearer(mvc, "officer2")))
                .andExpect(status().isOk());
    }
}
