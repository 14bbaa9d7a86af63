package cn.zhifa.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.registry.EnterpriseProfileSection;
import cn.zhifa.shared.crypto.FieldCipher;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emergency registers over JSON and a phone's deliberate reveal: a create retried with its Idempotency-Key is stored
 * once, phones are masked in the answer and the list, the full number is an audited read on the API and the detail page,
 * bad input is a 400 in Chinese with nothing stored, a stale version a 409; LEGAL sees a firm's 安责险 block without a
 * link to a register it may not open.
 */
@ZhifaIntegrationTest
class EmergencyApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserManagement users;
    @Autowired
    List<EnterpriseProfileSection> sections;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_rescue_team_is_created_once_per_key_listed_masked_updated_and_its_phone_revealed_only_on_an_audited_request() throws Exception {
        String token = Tokens.bearer(mvc, "officer1");
        long unit = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        long before = count();

        MockHttpServletResponse bad = call(post("/api/v1/emergency/teams"), token, """
                {"unitId":%d,"fields":{"name":"接口救援队","kind":"专业","members":"0","contact_person":"韩磊","contact_phone":"12345"}}"""
                .formatted(unit), UUID.randomUUID().toString());
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains("联系电话应为11位手机号或带区号的固定电话").contains("\"errors\"");
        assertThat(count()).isEqualTo(before);

        String key = UUID.randomUUID().toString();
        String body = """
                {"unitId":%d,"fields":{"name":"接口测试救援队","kind":"专业","members":"25","contact_person":"韩磊","contact_phone":"13920261206"}}"""
                .formatted(unit);
        MockHttpServletResponse created = call(post("/api/v1/emergency/teams"), token, body, key);
        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode team = json.readTree(created.getContentAsString());
        long id = team.get("id").asLong();
        try {
            assertThat(team.get("fields").get("contact_phone").asString()).isEqualTo("139****1206");
            assertThat(call(post("/api/v1/emergency/teams"), token, body, key).getHeader("Idempotent-Replayed")).isEqualTo("true");
            assertThat(count()).isEqualTo(before + 1);
            assertThat(jdbc.sql("SELECT contact_phone FROM rescue_team WHERE id = ?").param(id).query(String.class).single())
                    .startsWith(FieldCipher.PREFIX);

            String list = call(get("/api/v1/emergency/teams").param("q", "接口测试"), token, null, null).getContentAsString();
            assertThat(json.readTree(list).get("total").asLong()).isEqualTo(1);
            assertThat(list).contains("139****1206").doesNotContain("13920261206");

            long audited = reveals();
            assertThat(call(get("/api/v1/emergency/teams/" + id + "/phone"), token, null, null).getContentAsString())
                    .contains("\"phone\":\"13920261206\"");
            assertThat(reveals()).isEqualTo(audited + 1);

            MockHttpServletResponse updated = call(put("/api/v1/emergency/teams/" + id), token, """
                    {"unitId":%d,"version":0,"fields":{"name":"接口测试救援队","kind":"专业","members":"30","contact_person":"韩磊",
                     "contact_phone":"13920261206"}}""".formatted(unit), null);
            assertThat(updated.getStatus()).isEqualTo(200);
            assertThat(json.readTree(updated.getContentAsString()).get("fields").get("members").asString()).isEqualTo("30");
            assertThat(call(put("/api/v1/emergency/teams/" + id), token, """
                    {"unitId":%d,"version":0,"fields":{"name":"旧版本","kind":"专业","members":"30","contact_person":"韩磊",
                     "contact_phone":"13920261206"}}""".formatted(unit), null).getStatus()).isEqualTo(409);

            MockHttpSession officer = login("officer1");
            String detail = mvc.perform(get("/emergency/teams/" + id).session(officer)).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(detail).contains("139****1206").contains("查看完整号码").doesNotContain("13920261206");
            assertThat(mvc.perform(get("/emergency/teams/" + id + "/phone").session(officer)).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)).contains("13920261206");
            assertThat(reveals()).isEqualTo(audited + 2);
        } finally {
            jdbc.sql("DELETE FROM rescue_team WHERE id = ?").param(id).update();
        }
        assertThat(call(get("/api/v1/emergency/nothing"), token, null, null).getStatus()).isEqualTo(404);
    }

    @Test
    void a_legal_reviewer_sees_a_firms_insurance_without_a_link_to_the_register_a_leader_may_open() throws Exception {
        long insured = jdbc.sql("SELECT enterprise_id FROM liability_policy WHERE demo ORDER BY id LIMIT 1").query(Long.class).single();
        try {
            actAs("legal1");
            assertThat(insuranceBlock(insured).link()).isEmpty();
            actAs("leader1");
            assertThat(insuranceBlock(insured).link()).startsWith("/emergency/insurance?q=");
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(mvc.perform(get("/emergency/insurance").session(login("legal1"))).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    private EnterpriseProfileSection.Block insuranceBlock(long firm) {
        return sections.stream().flatMap(s -> s.blockFor(firm).stream()).filter(b -> b.title().equals("安全生产责任保险"))
                .findFirst().orElseThrow();
    }

    private void actAs(String username) {
        UserView user = users.findByUsername(username).orElseThrow();
        Actor actor = new Actor() {
            public long userId() { return user.id(); }
            public String username() { return user.username(); }
            public String displayName() { return user.displayName(); }
            public long organizationId() { return user.organizationId(); }
            public Set<Role> roles() { return user.roles(); }
        };
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(actor, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String token, String body, String key) throws Exception {
        request.header("Authorization", token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM rescue_team").query(Long.class).single();
    }

    private long reveals() {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = '查看应急台账联系电话' AND outcome = 'SUCCESS'").query(Long.class).single();
    }

    private MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(user).password(Tokens.DEMO_PASSWORD)).andReturn().getRequest().getSession();
    }
}
