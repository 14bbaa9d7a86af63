package cn.zhifa.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /api/v1/agencies} and {@code /api/v1/officers}: shape, filters, paging, scope, bad parameters. */
@ZhifaIntegrationTest
class RegistryReadApiTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    long brigade;
    long westOrg;

    @BeforeEach
    void demoCity() {
        brigade = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        westOrg = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'zf001'").query(Long.class).single();
    }

    MockHttpServletResponse call(String user, String path, Object... params) throws Exception {
        var request = get(path).header("Authorization", Tokens.bearer(mvc, user));
        for (int i = 0; i < params.length; i += 2) request.param((String) params[i], String.valueOf(params[i + 1]));
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    String json(String user, String path, Object... params) throws Exception {
        MockHttpServletResponse response = call(user, path, params);
        assertThat(response.getStatus()).as(path + " " + response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    @Test
    void agencies_list_in_scope_with_filters_and_paging_and_one_agency_reads_with_its_clients_and_history() throws Exception {
        String all = json("supervisor1", "/api/v1/agencies", "size", 200);
        assertThat(JsonPath.<Map<String, Object>>read(all, "$")).containsOnlyKeys("items", "total", "page", "size");
        int total = JsonPath.read(all, "$.total");
        assertThat(total).isGreaterThanOrEqualTo(8);
        String firstTwo = json("supervisor1", "/api/v1/agencies", "size", 2);
        assertThat(JsonPath.<List<Object>>read(firstTwo, "$.items")).hasSize(2);
        assertThat(JsonPath.<Integer>read(firstTwo, "$.total")).isEqualTo(total);
        assertThat(JsonPath.<List<String>>read(json("supervisor1", "/api/v1/agencies", "kind", "TRAINING", "size", 200), "$.items[*].kind"))
                .isNotEmpty().containsOnly("TRAINING");
        assertThat(JsonPath.<List<String>>read(json("supervisor1", "/api/v1/agencies", "status", "SUSPENDED"), "$.items[*].statusLabel"))
                .isNotEmpty().containsOnly("暂停");

        int id = JsonPath.read(all, "$.items[0].id");
        String one = json("supervisor1", "/api/v1/agencies/" + id);
        assertThat(JsonPath.<Integer>read(one, "$.agency.id")).isEqualTo(id);
        assertThat(JsonPath.<String>read(one, "$.agency.kindLabel")).isNotBlank();
        assertThat(JsonPath.<List<String>>read(one, "$.history[*].kindLabel")).contains("登记");
        assertThat(JsonPath.<List<Object>>read(one, "$.clients")).isNotNull();

        // officer1's brigade registered none of the city's agencies: they are outside his scope
        List<Integer> cityAgencies = JsonPath.read(all, "$.items[?(@.organizationId != " + brigade + ")].id");
        assertThat(JsonPath.<List<Integer>>read(json("officer1", "/api/v1/agencies", "size", 200), "$.items[*].id"))
                .doesNotContainAnyElementsOf(cityAgencies);
        MockHttpServletResponse refused = call("officer1", "/api/v1/agencies/" + cityAgencies.get(0));
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).contains("无权访问本单位及下级单位以外的数据");
        MockHttpServletResponse unknown = call("supervisor1", "/api/v1/agencies/999999999");
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentAsString()).contains("机构不存在");
        MockHttpServletResponse bad = call("supervisor1", "/api/v1/agencies", "kind", "评价");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat((String) JsonPath.read(bad.getContentAsString(), "$.detail")).contains("格式不正确");
        assertThat(call("admin", "/api/v1/agencies").getStatus()).isEqualTo(403);
    }

    @Test
    void officers_list_with_their_certificate_state_in_scope_and_another_districts_unit_is_refused() throws Exception {
        String mine = json("officer1", "/api/v1/officers", "size", 200);
        assertThat(JsonPath.<Map<String, Object>>read(mine, "$")).containsOnlyKeys("items", "total", "page", "size");
        List<Map<String, Object>> items = JsonPath.read(mine, "$.items");
        assertThat(items).isNotEmpty().allSatisfy(o -> {
            assertThat(o.get("certificateNo")).isNotNull();
            assertThat((String) o.get("standingLabel")).isIn("有效", "即将到期", "已过期", "暂扣", "注销", "未生效");
            assertThat((String) o.get("statusLabel")).isIn("有效", "暂扣", "注销");
        });
        List<Integer> orgs = JsonPath.read(mine, "$.items[*].organizationId");
        List<Long> subtree = jdbc.sql("SELECT id FROM organization WHERE path LIKE (SELECT path FROM organization WHERE id = ?) || '%'")
                .param(brigade).query(Long.class).list();
        assertThat(orgs).allMatch(o -> subtree.contains(o.longValue()));
        assertThat(JsonPath.<List<String>>read(mine, "$.items[*].name")).doesNotContain(
                jdbc.sql("SELECT display_name FROM app_user WHERE username = 'zf001'").query(String.class).single());

        String city = json("supervisor1", "/api/v1/officers", "size", 200);
        assertThat(JsonPath.<List<String>>read(json("supervisor1", "/api/v1/officers", "standing", "REVOKED", "size", 200), "$.items[*].standing"))
                .isNotEmpty().containsOnly("REVOKED");
        assertThat(JsonPath.<List<Boolean>>read(json("supervisor1", "/api/v1/officers", "standing", "REVOKED", "size", 200), "$.items[*].mayEnforce"))
                .containsOnly(false);
        assertThat(JsonPath.<List<Integer>>read(json("supervisor1", "/api/v1/officers", "organizationId", westOrg, "size", 200), "$.items[*].organizationId"))
                .isNotEmpty().allMatch(o -> o.longValue() == westOrg
                        || jdbc.sql("SELECT parent_id FROM organization WHERE id = ?").param(o.longValue()).query(Long.class).optional().orElse(0L) == westOrg);
        String two = json("supervisor1", "/api/v1/officers", "size", 2, "page", 1);
        assertThat(JsonPath.<List<Object>>read(two, "$.items")).hasSize(2);
        assertThat(JsonPath.<Integer>read(two, "$.total")).isEqualTo(JsonPath.read(city, "$.total"));

        MockHttpServletResponse foreign = call("officer1", "/api/v1/officers", "organizationId", westOrg);
        assertThat(foreign.getStatus()).isEqualTo(403);
        assertThat(foreign.getContentAsString()).contains("无权访问本单位及下级单位以外的数据");
        MockHttpServletResponse bad = call("officer1", "/api/v1/officers", "standing", "有效");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat((String) JsonPath.read(bad.getContentAsString(), "$.detail")).contains("执法证状态“有效”不存在");
        assertThat(call("officer1", "/api/v1/officers", "organizationId", "东城").getStatus()).isEqualTo(400);
        assertThat(call("auditor", "/api/v1/officers").getStatus()).isEqualTo(403);
    }
}
