package cn.zhifa.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.inspection.InspectionFixtures;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 普法 and 帮扶 over JSON: an activity recorded once per key and listed, bad input refused in Chinese with nothing
 * stored, an expert listed with the phone masked and joining a visit to an own firm, the letters listed by kind.
 */
@ZhifaIntegrationTest
class OutreachApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void activities_experts_and_visits_are_recorded_once_per_key_listed_and_bad_input_stores_nothing() throws Exception {
        try {
            record();
        } finally {
            jdbc.sql("DELETE FROM outreach_visit_expert WHERE visit_id IN (SELECT id FROM outreach_visit WHERE problems LIKE '接口测试%')").update();
            jdbc.sql("DELETE FROM outreach_visit_officer WHERE visit_id IN (SELECT id FROM outreach_visit WHERE problems LIKE '接口测试%')").update();
            jdbc.sql("DELETE FROM outreach_visit WHERE problems LIKE '接口测试%'").update();
            jdbc.sql("DELETE FROM outreach_expert WHERE name = '接口专家'").update();
            jdbc.sql("DELETE FROM outreach_activity WHERE title = '接口测试宣讲'").update();
        }
    }

    private void record() throws Exception {
        String token = Tokens.bearer(mvc, "officer1");
        LocalDate today = LocalDate.now(clock);
        long activities = count("outreach_activity");
        MockHttpServletResponse future = call(post("/api/v1/outreach/activities"), token, """
                {"kind":"LECTURE","title":"接口宣讲","heldOn":"%s","place":"礼堂","organizer":"执法大队","peopleReached":80}"""
                .formatted(today.plusDays(2)), UUID.randomUUID().toString());
        assertThat(future.getStatus()).isEqualTo(422);
        assertThat(future.getContentAsString()).contains("活动日期不能晚于今天");
        assertThat(call(post("/api/v1/outreach/activities"), token, "{\"kind\":\"LECTURE\",\"heldOn\":\"昨天\"}",
                UUID.randomUUID().toString()).getStatus()).isEqualTo(400);
        assertThat(count("outreach_activity")).isEqualTo(activities);

        String key = UUID.randomUUID().toString();
        String activity = """
                {"kind":"LECTURE","title":"接口测试宣讲","heldOn":"%s","place":"礼堂","organizer":"执法大队","unitsReached":3,"peopleReached":80}"""
                .formatted(today);
        MockHttpServletResponse recorded = call(post("/api/v1/outreach/activities"), token, activity, key);
        assertThat(recorded.getStatus()).isEqualTo(201);
        assertThat(call(post("/api/v1/outreach/activities"), token, activity, key).getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(count("outreach_activity")).isEqualTo(activities + 1);
        JsonNode listed = json.readTree(call(get("/api/v1/outreach/activities").param("q", "接口测试宣讲"), token, null, null)
                .getContentAsString());
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(listed.get("items").get(0).get("peopleReached").asInt()).isEqualTo(80);

        MockHttpServletResponse expert = call(post("/api/v1/outreach/experts"), token, """
                {"name":"接口专家","field":"危险化学品","workUnit":"市安科院","phone":"13700001234"}""", UUID.randomUUID().toString());
        assertThat(expert.getStatus()).isEqualTo(201);
        long expertId = json.readTree(expert.getContentAsString()).get("id").asLong();
        String experts = call(get("/api/v1/outreach/experts").param("q", "接口专家"), token, null, null).getContentAsString();
        assertThat(experts).contains("137****1234").doesNotContain("13700001234");

        long firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 2).id();
        MockHttpServletResponse visit = call(post("/api/v1/outreach/visits"), token, """
                {"enterpriseId":%d,"visitedOn":"%s","expertIds":[%d],"problems":"接口测试：应急预案未演练","advice":"组织一次演练"}"""
                .formatted(firm, today, expertId), UUID.randomUUID().toString());
        assertThat(visit.getStatus()).isEqualTo(201);
        String visits = call(get("/api/v1/outreach/visits").param("enterpriseId", String.valueOf(firm)), token, null, null)
                .getContentAsString();
        assertThat(visits).contains("接口测试：应急预案未演练").contains("接口专家");

        String tips = call(get("/api/v1/outreach/letters").param("kind", "TIP"), token, null, null).getContentAsString();
        assertThat(json.readTree(tips).get("items").valueStream()).allMatch(l -> l.get("kind").asString().equals("TIP"));
        assertThat(call(get("/api/v1/outreach/letters").param("kind", "WARNING"), token, null, null).getStatus()).isEqualTo(200);
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

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
