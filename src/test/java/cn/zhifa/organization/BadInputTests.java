package cn.zhifa.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Bad input gets a clear Chinese message and changes nothing. */
@ZhifaIntegrationTest
@Tag("external-db")
class BadInputTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    MockHttpSession admin;
    long east;
    long eastTown;

    @BeforeEach
    void login() throws Exception {
        admin = (MockHttpSession) mvc.perform(formLogin().user("admin").password(Tokens.DEMO_PASSWORD)).andReturn().getRequest().getSession();
        String orgs = mvc.perform(get("/api/v1/organizations").param("size", "200").header("Authorization", Tokens.bearer(mvc, "admin")))
                .andReturn().getResponse().getContentAsString();
        east = id(orgs, "示例市东城区应急管理局");
        eastTown = id(orgs, "东华街道");
    }

    private static long id(String orgs, String name) {
        return ((Number) JsonPath.<List<Object>>read(orgs, "$.items[?(@.name == '" + name + "')].id").get(0)).longValue();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private String submit(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.session(admin).with(csrf())).andReturn().getResponse().getContentAsString();
    }

    private MockHttpServletRequestBuilder newOrg(String name, String kind, String code) {
        return post("/admin/organizations").param("parentId", String.valueOf(east)).param("name", name)
                .param("kind", kind).param("divisionCode", code).param("sortOrder", "1");
    }

    @Test
    void an_empty_or_over_long_unit_name_is_refused() throws Exception {
        long before = count("organization");
        assertThat(submit(newOrg("", "TOWNSHIP", "139902099"))).contains("请填写单位名称");
        assertThat(submit(newOrg("长".repeat(61), "TOWNSHIP", "139902099"))).contains("单位名称不能超过 60 个字");
        assertThat(count("organization")).isEqualTo(before);
    }

    @Test
    void an_invalid_division_code_is_refused() throws Exception {
        long before = count("organization");
        assertThat(submit(newOrg("测试街道", "TOWNSHIP", "12ab"))).contains("行政区划代码应为 6、9 或 12 位数字");
        assertThat(submit(newOrg("测试街道", "TOWNSHIP", "440100001"))).contains("不属于上级单位的区划");
        assertThat(submit(newOrg("测试街道", "TOWNSHIP", "139902"))).contains("街道（乡镇）行政区划代码应为 9 位或 12 位");
        assertThat(submit(newOrg("测试街道", "TOWNSHIP", "999999001"))).contains("不是有效的省级代码");
        assertThat(submit(newOrg("测试市", "CITY", "139900"))).contains("不能设在");
        assertThat(count("organization")).isEqualTo(before);
    }

    @Test
    void a_unit_cannot_move_under_its_own_child() throws Exception {
        String pathBefore = jdbc.sql("SELECT path FROM organization WHERE id = ?").param(east).query(String.class).single();
        assertThat(submit(post("/admin/organizations/" + east + "/move").param("parentId", String.valueOf(eastTown))))
                .contains("不能把单位移动到它自己或它的下级单位之下");
        assertThat(submit(post("/admin/organizations/" + east + "/move").param("parentId", String.valueOf(east))))
                .contains("不能把单位移动到它自己或它的下级单位之下");
        assertThat(jdbc.sql("SELECT path FROM organization WHERE id = ?").param(east).query(String.class).single()).isEqualTo(pathBefore);
    }

    @Test
    void a_duplicate_sibling_name_is_refused() throws Exception {
        long before = count("organization");
        assertThat(submit(newOrg("东华街道", "TOWNSHIP", "139902098"))).contains("已有名为“东华街道”的单位");
        assertThat(count("organization")).isEqualTo(before);
    }

    @Test
    void a_duplicate_username_weak_password_or_combined_admin_roles_are_refused() throws Exception {
        long before = count("app_user");
        assertThat(submit(newUser("officer1", "Zhifa@2026", "OFFICER"))).contains("用户名“officer1”已被使用");
        assertThat(submit(newUser("weakpass1", "abc", "OFFICER"))).contains("密码长度不能少于 8 位");
        assertThat(submit(newUser("weakpass2", "abcdefgh", "OFFICER"))).contains("至少 3 种");
        assertThat(submit(newUser("twohats1", "Zhifa@2026", "ADMIN", "AUDITOR"))).contains("三员分立");
        assertThat(submit(newUser("", "Zhifa@2026", "OFFICER"))).contains("请填写用户名");
        assertThat(count("app_user")).isEqualTo(before);

        mvc.perform(post("/api/v1/users").header("Authorization", Tokens.bearer(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"officer1","displayName":"重复","organizationId":%d,"roles":["OFFICER"],"password":"Zhifa@2026"}
                                """.formatted(eastTown)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("用户名“officer1”已被使用。"));
        assertThat(count("app_user")).isEqualTo(before);
    }

    @Test
    void a_security_policy_outside_its_bounds_is_refused() throws Exception {
        MockHttpSession secadmin = (MockHttpSession) mvc.perform(formLogin().user("secadmin").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        String page = mvc.perform(post("/admin/security-policy").session(secadmin).with(csrf())
                        .param("passwordMinLength", "4").param("passwordMinClasses", "3").param("lockoutThreshold", "5")
                        .param("lockoutMinutes", "15").param("sessionIdleMinutes", "30").param("tokenTtlMinutes", "480")
                        .param("version", "0"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("密码最小长度应在 8 至 64 位之间");
        assertThat(jdbc.sql("SELECT password_min_length FROM security_policy").query(Integer.class).single()).isEqualTo(8);
    }

    private MockHttpServletRequestBuilder newUser(String username, String password, String... roles) {
        MockHttpServletRequestBuilder request = post("/admin/users").param("username", username).param("displayName", "测试")
                .param("organizationId", String.valueOf(eastTown)).param("password", password).param("phone", "");
        for (String role : roles) {
            request.param("roles", role);
        }
        return request;
    }
}
