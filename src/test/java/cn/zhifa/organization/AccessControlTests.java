package cn.zhifa.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.WebUser;
import cn.zhifa.ZhifaIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@ZhifaIntegrationTest
@Tag("external-db")
class AccessControlTests {

    @Autowired
    MockMvc mvc;
    @LocalServerPort
    int port;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    cn.zhifa.organization.internal.SecondFactors secondFactors;
    @Autowired
    cn.zhifa.TestClock clock;

    private MockHttpSession login(String username) throws Exception {
        return login(username, Tokens.DEMO_PASSWORD);
    }

    private MockHttpSession login(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(password))
                .andReturn().getRequest().getSession();
    }

    /**
     * A district ADMIN the way 三员分立 makes one: created as an officer who changes the initial password, then secadmin
     * asks for the ADMIN role and the city admin approves; an ADMIN needs a second factor, so it enrols one. Returns the
     * recovery codes (each opens one login).
     */
    private List<String> districtAdministrator(String cityAdmin, String username, long org) throws Exception {
        String id = createUser(cityAdmin, username, org, "OFFICER");
        mvc.perform(post("/api/v1/auth/password").header("Authorization", Tokens.bearer(mvc, username))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"oldPassword\":\"Zhifa@2026\",\"newPassword\":\"" + DISTRICT_PASSWORD + "\"}"))
                .andExpect(status().isNoContent());
        String version = jdbc.sql("SELECT version FROM app_user WHERE id = ?").param(Long.parseLong(id)).query(String.class).single();
        mvc.perform(post("/admin/users/" + id + "/roles").param("version", version).param("roles", "ADMIN")
                .session(login("secadmin")).with(csrf()));
        long approval = jdbc.sql("SELECT id FROM administrator_approval WHERE target_user = ? AND status = 'PENDING'")
                .param(Long.parseLong(id)).query(Long.class).single();
        mvc.perform(post("/admin/users/approvals/" + approval + "/approve").session(login("admin")).with(csrf()));
        long userId = Long.parseLong(id);
        String secret = secondFactors.pendingSecret(userId);
        return secondFactors.confirm(userId, cn.zhifa.organization.internal.Totp.code(secret,
                cn.zhifa.organization.internal.Totp.step(clock.instant())));
    }

    private static final String DISTRICT_PASSWORD = "Bezirk@2026";

    private void pageStatus(String username, String path, int expected) throws Exception {
        mvc.perform(get(path).session(login(username))).andExpect(status().is(expected));
    }

    @Test
    void each_role_is_refused_the_pages_of_the_others() throws Exception {
        pageStatus("officer1", "/admin/users", 403);
        pageStatus("officer1", "/admin/organizations", 403);
        pageStatus("officer1", "/audit", 403);
        pageStatus("officer1", "/admin/security-policy", 403);
        pageStatus("leader1", "/admin/users", 403);
        pageStatus("legal1", "/audit", 403);
        pageStatus("supervisor1", "/admin/organizations", 403);
        pageStatus("secadmin", "/admin/organizations", 403);
        pageStatus("secadmin", "/audit", 403);
        pageStatus("auditor", "/admin/users", 403);
        pageStatus("auditor", "/admin/security-policy", 403);
        pageStatus("officer1", "/swagger-ui.html", 403);
    }

    @Test
    void each_role_opens_its_own_pages() throws Exception {
        pageStatus("admin", "/admin/users", 200);
        pageStatus("admin", "/admin/organizations", 200);
        pageStatus("secadmin", "/admin/security-policy", 200);
        pageStatus("auditor", "/audit", 200);
        pageStatus("auditor", "/audit/verify", 200);
        pageStatus("officer1", "/", 200);
        pageStatus("officer1", "/profile", 200);
    }

    @Test
    void the_administrator_cannot_read_the_audit_log_by_page_or_api() throws Exception {
        pageStatus("admin", "/audit", 403);
        mvc.perform(get("/api/v1/audit").header("Authorization", Tokens.bearer(mvc, "admin"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit/verify").header("Authorization", Tokens.bearer(mvc, "admin")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("当前账号无权执行此操作：查阅审计日志。"));
        mvc.perform(get("/api/v1/audit").header("Authorization", Tokens.bearer(mvc, "auditor"))).andExpect(status().isOk());
    }

    @Test
    void the_forbidden_page_is_chinese_and_has_no_stack_trace() throws Exception {
        var response = WebUser.loggedIn(port, "officer1").get("/admin/users");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("没有访问该页面").doesNotContain("Exception").doesNotContain("at cn.zhifa");
    }

    @Test
    void unknown_pages_get_a_chinese_404() throws Exception {
        var response = WebUser.loggedIn(port, "officer1").get("/no-such-page");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("您访问的页面不存在");
    }

    @Test
    void health_is_public_and_the_openapi_description_needs_an_administrator() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/v3/api-docs").header("Authorization", Tokens.bearer(mvc, "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/auth/token']").exists());
        mvc.perform(get("/v3/api-docs").header("Authorization", Tokens.bearer(mvc, "officer1"))).andExpect(status().isForbidden());
    }

    @Test
    void a_district_administrator_cannot_read_another_districts_users_by_page_or_api() throws Exception {
        String cityAdmin = Tokens.bearer(mvc, "admin");
        String orgs = mvc.perform(get("/api/v1/organizations").param("size", "200").header("Authorization", cityAdmin))
                .andReturn().getResponse().getContentAsString();
        long east = ((Number) JsonPath.<List<Object>>read(orgs, "$.items[?(@.name == '示例市东城区应急管理局')].id").get(0)).longValue();
        long west = ((Number) JsonPath.<List<Object>>read(orgs, "$.items[?(@.name == '示例市西城区应急管理局')].id").get(0)).longValue();
        String eastAdmin = "east" + UUID.randomUUID().toString().substring(0, 6);
        String westUser = "west" + UUID.randomUUID().toString().substring(0, 6);
        List<String> recovery = districtAdministrator(cityAdmin, eastAdmin, east);
        String westId = createUser(cityAdmin, westUser, west, "OFFICER");

        String eastToken = "Bearer " + JsonPath.read(mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + eastAdmin + "\",\"password\":\"" + DISTRICT_PASSWORD
                                + "\",\"totp\":\"" + recovery.get(0) + "\"}"))
                .andReturn().getResponse().getContentAsString(), "$.token");
        mvc.perform(get("/api/v1/users/" + westId).header("Authorization", eastToken))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("无权访问本单位及下级单位以外的数据。"));
        String list = mvc.perform(get("/api/v1/users").param("size", "200").header("Authorization", eastToken))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(list, "$.items[*].username")).contains(eastAdmin).doesNotContain(westUser, "admin");
        mvc.perform(get("/api/v1/users").param("organizationId", String.valueOf(west)).header("Authorization", eastToken))
                .andExpect(jsonPath("$.total").value(0));

        MockHttpSession page = login(eastAdmin, DISTRICT_PASSWORD);
        mvc.perform(post("/login/second-factor").session(page).with(csrf()).param("code", recovery.get(1)));
        mvc.perform(get("/admin/users/" + westId).session(page)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/" + westId + "/enabled").param("enabled", "false").session(page).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/users/" + westId).header("Authorization", cityAdmin)).andExpect(jsonPath("$.enabled").value(true));
    }

    private String createUser(String token, String username, long org, String role) throws Exception {
        String body = mvc.perform(post("/api/v1/users").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"测试","organizationId":%d,"roles":["%s"],"password":"Zhifa@2026"}
                                """.formatted(username, org, role)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return String.valueOf(((Number) JsonPath.read(body, "$.id")).longValue());
    }
}
