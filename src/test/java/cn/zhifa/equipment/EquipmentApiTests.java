package cn.zhifa.equipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.inspection.InspectionFixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 执法装备 register over JSON (list, register once per key, 领用 and 归还, bad input refused with nothing stored) and
 * the recorder of a video on the inspection record page: chosen from the unit's register, typed only when the unit
 * has none registered, and kept in the evidence's custody entry either way.
 */
@ZhifaIntegrationTest
class EquipmentApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void an_item_is_listed_registered_once_per_key_handed_out_and_given_back_and_bad_input_stores_nothing() throws Exception {
        String token = Tokens.bearer(mvc, "officer1");
        long unit = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        long holder = jdbc.sql("SELECT holder_user_id FROM equipment WHERE demo AND kind = 'RECORDER' AND holder_user_id IS NOT NULL "
                + "ORDER BY number LIMIT 1").query(Long.class).single();

        JsonNode recorders = json.readTree(call(get("/api/v1/equipment").param("kind", "RECORDER").param("size", "5"), token, null, null)
                .getContentAsString());
        assertThat(recorders.get("total").asLong()).isGreaterThanOrEqualTo(16);
        assertThat(recorders.get("items")).hasSize(5);
        assertThat(recorders.get("items").get(0).get("kindLabel").asString()).isEqualTo("执法记录仪");

        long before = count();
        MockHttpServletResponse blank = call(post("/api/v1/equipment"), token, """
                {"organizationId":%d,"kind":"PRINTER","number":" ","status":"IN_USE"}""".formatted(unit), UUID.randomUUID().toString());
        assertThat(blank.getStatus()).isEqualTo(422);
        assertThat(blank.getContentAsString()).contains("请填写装备编号");
        MockHttpServletResponse unreadable = call(post("/api/v1/equipment"), token, """
                {"organizationId":%d,"kind":"打印机","number":"X-1","status":"IN_USE"}""".formatted(unit), UUID.randomUUID().toString());
        assertThat(unreadable.getStatus()).isEqualTo(400);
        assertThat(count()).isEqualTo(before);

        String key = UUID.randomUUID().toString();
        String body = """
                {"organizationId":%d,"kind":"PRINTER","number":"接口DYJ-901","model":"P-1","status":"IN_USE"}""".formatted(unit);
        MockHttpServletResponse created = call(post("/api/v1/equipment"), token, body, key);
        assertThat(created.getStatus()).isEqualTo(201);
        long id = json.readTree(created.getContentAsString()).get("id").asLong();
        try {
            assertThat(call(post("/api/v1/equipment"), token, body, key).getHeader("Idempotent-Replayed")).isEqualTo("true");
            assertThat(count()).isEqualTo(before + 1);

            JsonNode assigned = json.readTree(call(post("/api/v1/equipment/" + id + "/assignment"), token,
                    "{\"holderUserId\":" + holder + "}", null).getContentAsString());
            assertThat(assigned.get("holderUserId").asLong()).isEqualTo(holder);
            assertThat(assigned.get("holderName").asString()).isNotBlank();
            assertThat(jdbc.sql("SELECT holder_user_id FROM equipment WHERE id = ?").param(id).query(Long.class).single()).isEqualTo(holder);

            MockHttpServletResponse returned = call(post("/api/v1/equipment/" + id + "/return"), token, null, null);
            assertThat(returned.getStatus()).isEqualTo(200);
            assertThat(jdbc.sql("SELECT count(*) FROM equipment WHERE id = ? AND holder_user_id IS NULL").param(id).query(Long.class).single())
                    .isEqualTo(1);
            MockHttpServletResponse again = call(post("/api/v1/equipment/" + id + "/return"), token, null, null);
            assertThat(again.getStatus()).isEqualTo(422);
            assertThat(again.getContentAsString()).contains("该装备没有保管人");
        } finally {
            jdbc.sql("DELETE FROM equipment WHERE id = ?").param(id).update();
        }
    }

    @Test
    void a_video_on_the_record_page_names_a_recorder_of_the_register_or_a_typed_one_when_the_unit_has_none() throws Exception {
        long officerA = jdbc.sql("SELECT id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        long officerB = jdbc.sql("SELECT id FROM app_user WHERE username = 'officer2'").query(Long.class).single();
        String task = call(post("/api/v1/inspection/tasks"), Tokens.bearer(mvc, "officer1"),
                InspectionFixtures.taskJson(officerA, officerB, InspectionFixtures.enterprise(jdbc, 67).id()), UUID.randomUUID().toString())
                .getContentAsString();
        long taskId = json.readTree(task).get("id").asLong();
        MockHttpSession officer = (MockHttpSession) mvc.perform(formLogin().user("officer1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        String location = mvc.perform(post("/inspection/tasks/" + taskId + "/start").session(officer).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        long record = Long.parseLong(location.replaceAll(".*/records/(\\d+).*", "$1"));

        String page = mvc.perform(get("/inspection/records/" + record).session(officer)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<select class=\"form-select form-select-sm\" name=\"recorderNumber\"").contains(">JLY-002</option>")
                .doesNotContain(">JLY-016</option>"); // under repair

        assertThat(upload(officer, record, "JLY-002")).contains("执法记录仪 JLY-002");

        long unit = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        List<Long> inUse = jdbc.sql("SELECT q.id FROM equipment q JOIN organization o ON o.id = q.organization_id "
                + "WHERE q.kind = 'RECORDER' AND q.status = 'IN_USE' AND o.path LIKE (SELECT path FROM organization WHERE id = ?) || '%'")
                .param(unit).query(Long.class).list();
        jdbc.sql("UPDATE equipment SET status = 'REPAIR' WHERE id IN (:ids)").param("ids", inUse).update();
        try {
            String typed = mvc.perform(get("/inspection/records/" + record).session(officer)).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(typed).contains("本单位装备台账未登记执法记录仪").doesNotContain("<select class=\"form-select form-select-sm\" name=\"recorderNumber\"");
            assertThat(upload(officer, record, "自带-07")).contains("执法记录仪 自带-07（装备台账未登记）");
        } finally {
            jdbc.sql("UPDATE equipment SET status = 'IN_USE' WHERE id IN (:ids)").param("ids", inUse).update();
        }
    }

    /** Uploads a video on the record page with the recorder; answers the custody entry of the stored file. */
    private String upload(MockHttpSession officer, long record, String recorder) throws Exception {
        byte[] video = new byte[256];
        new Random().nextBytes(video);
        byte[] head = "\0\0\0\u0018ftypisom".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, video, 0, head.length);
        long newest = jdbc.sql("SELECT COALESCE(max(id), 0) FROM evidence_file").query(Long.class).single();
        mvc.perform(multipart("/inspection/records/" + record + "/photos").file(new MockMultipartFile("file", "现场.mp4", "video/mp4", video))
                .param("recorderNumber", recorder).session(officer).with(csrf()));
        long stored = jdbc.sql("SELECT max(id) FROM evidence_file").query(Long.class).single();
        assertThat(stored).isGreaterThan(newest);
        return String.join("\n", jdbc.sql("SELECT detail FROM evidence_custody WHERE evidence_id = ?").param(stored).query(String.class).list());
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
        return jdbc.sql("SELECT count(*) FROM equipment").query(Long.class).single();
    }
}
