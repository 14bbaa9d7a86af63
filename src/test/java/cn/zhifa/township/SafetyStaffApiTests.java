package cn.zhifa.township;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A 专职安全员's 协助检查 with photos, on the phone's page and over the JSON API: the photos go to the evidence store
 * with the visit (none kept when the visit is refused) and show on the person's page; the register and the visits are
 * listed as pages of JSON with phones masked, and a create retried with its Idempotency-Key is stored once.
 */
@ZhifaIntegrationTest
class SafetyStaffApiTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    long donghua;
    long staff;
    long firm;
    long assignee;
    LocalDate today;

    @BeforeEach
    void ids() {
        donghua = jdbc.sql("SELECT id FROM organization WHERE name = '东华街道'").query(Long.class).single();
        staff = jdbc.sql("SELECT id FROM township_safety_staff WHERE demo AND status = 'ACTIVE' AND organization_id = ? ORDER BY id LIMIT 1")
                .param(donghua).query(Long.class).single();
        String code = jdbc.sql("SELECT division_code FROM organization WHERE id = ?").param(donghua).query(String.class).single();
        firm = jdbc.sql("SELECT id FROM enterprise WHERE town_code = ? AND status = 'OPERATING' AND merged_into IS NULL ORDER BY id LIMIT 1")
                .param(code).query(Long.class).single();
        assignee = jdbc.sql("SELECT id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        today = LocalDate.now(clock);
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM township_lead WHERE NOT demo").update();
        jdbc.sql("DELETE FROM township_staff_visit WHERE NOT demo").update();
        jdbc.sql("DELETE FROM township_safety_staff WHERE NOT demo").update();
    }

    @Test
    void photos_of_a_visit_recorded_on_the_page_are_kept_as_evidence_and_shown_on_the_persons_page() throws Exception {
        MockHttpSession township = (MockHttpSession) mvc.perform(formLogin().user("township1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        long evidenceBefore = count("evidence_file");
        MockHttpServletResponse refused = mvc.perform(visit(township, "").file(photo("p1.png", 1))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("请填写走访所见情况");
        assertThat(count("evidence_file")).as("a refused visit keeps no photo").isEqualTo(evidenceBefore);

        MockHttpServletResponse saved = mvc.perform(visit(township, "仓库通道堆放货物").file(photo("p1.png", 1)).file(photo("p2.png", 2)))
                .andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        long visit = Long.parseLong(saved.getRedirectedUrl().replaceAll(".*#visit-", ""));
        List<Long> photos = jdbc.sql("SELECT evidence_id FROM township_staff_visit_photo WHERE visit_id = ? ORDER BY position")
                .param(visit).query(Long.class).list();
        assertThat(photos).hasSize(2);
        assertThat(count("evidence_file")).isEqualTo(evidenceBefore + 2);
        assertThat(jdbc.sql("SELECT count(*) FROM evidence_custody WHERE evidence_id IN (:ids) AND action = 'ATTACHED'")
                .param("ids", photos).query(Long.class).single()).isEqualTo(2);

        String page = mvc.perform(get("/township/safety-staff/" + staff).session(township)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("/evidence/" + photos.get(0) + "/content", "/evidence/" + photos.get(1) + "/content");
        assertThat(mvc.perform(get("/evidence/" + photos.get(0) + "/content").session(township)).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        String form = mvc.perform(get("/township/safety-staff/" + staff + "/visits/new").session(township)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("multipart/form-data", "data-compress", "/township/photos.js");
        assertThat(mvc.perform(get("/township/photos.js").session(township)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("canvas.toBlob", "DataTransfer");
    }

    @Test
    void the_register_and_visits_api_list_pages_masks_phones_and_stores_a_retried_create_once() throws Exception {
        String token = Tokens.bearer(mvc, "township1");
        String list = mvc.perform(get("/api/v1/township/safety-staff").param("size", "2").header("Authorization", token))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<Integer>read(list, "$.size")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(list, "$.page")).isEqualTo(0);
        assertThat(JsonPath.<Integer>read(list, "$.total")).isGreaterThanOrEqualTo(3);
        assertThat(JsonPath.<List<String>>read(list, "$.items[*].phone")).hasSize(2).allMatch(p -> p.matches("\\d{3}\\*{4}\\d{4}"));

        String person = """
                {"organizationId":%d,"name":"周建华","phone":"13900004321","areaKind":"COMMUNITY","areaName":"东华社区二网格",
                 "termFrom":"%s"}""".formatted(donghua, today.minusMonths(1));
        long staffBefore = count("township_safety_staff");
        assertThat(api(token, "/api/v1/township/safety-staff", null, person).getStatus()).as("no Idempotency-Key").isEqualTo(422);
        String key = UUID.randomUUID().toString();
        MockHttpServletResponse created = api(token, "/api/v1/township/safety-staff", key, person);
        assertThat(created.getStatus()).isEqualTo(201);
        MockHttpServletResponse retried = api(token, "/api/v1/township/safety-staff", key, person);
        assertThat(retried.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.getContentAsString()).isEqualTo(created.getContentAsString());
        assertThat(count("township_safety_staff")).isEqualTo(staffBefore + 1);
        long id = ((Number) JsonPath.read(created.getContentAsString(), "$.id")).longValue();
        assertThat(mvc.perform(get("/api/v1/township/safety-staff/" + id).header("Authorization", token)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("139****4321", "东华社区二网格").doesNotContain("13900004321");

        String upload = mvc.perform(multipart("/api/v1/evidence").file(photo("file", "visit.png", 3)).header("Authorization", token)
                .header("Idempotency-Key", UUID.randomUUID().toString())).andReturn().getResponse().getContentAsString();
        long photo = ((Number) JsonPath.read(upload, "$.id")).longValue();
        String visit = """
                {"enterpriseId":%d,"visitedOn":"%s","observations":"巡查时企业正在卸货","findings":"装卸区未设置警示标志",
                 "assigneeId":%d,"photoIds":[%d]}""".formatted(firm, today, assignee, photo);
        String visitKey = UUID.randomUUID().toString();
        long visitsBefore = count("township_staff_visit");
        MockHttpServletResponse recorded = api(token, "/api/v1/township/safety-staff/" + id + "/visits", visitKey, visit);
        assertThat(recorded.getStatus()).as(recorded.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        api(token, "/api/v1/township/safety-staff/" + id + "/visits", visitKey, visit);
        assertThat(count("township_staff_visit")).as("the retry is stored once").isEqualTo(visitsBefore + 1);

        String visits = mvc.perform(get("/api/v1/township/safety-staff/" + id + "/visits").header("Authorization", token))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<Integer>read(visits, "$.total")).isEqualTo(1);
        assertThat(JsonPath.<List<Integer>>read(visits, "$.items[0].photoIds")).containsExactly((int) photo);
        assertThat(JsonPath.<Integer>read(visits, "$.items[0].leads")).isEqualTo(1);

        MockHttpServletResponse missingPhoto = api(token, "/api/v1/township/safety-staff/" + id + "/visits", UUID.randomUUID().toString(),
                visit.replace("[" + photo + "]", "[" + Long.MAX_VALUE + "]"));
        assertThat(missingPhoto.getStatus()).isEqualTo(422);
        assertThat(missingPhoto.getContentAsString(StandardCharsets.UTF_8)).contains("所附照片不存在");
        assertThat(count("township_staff_visit")).isEqualTo(visitsBefore + 1);
    }

    private org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder visit(MockHttpSession session,
                                                                                                     String seen) {
        var call = multipart("/township/safety-staff/" + staff + "/visits");
        call.session(session).with(csrf()).param("enterpriseId", String.valueOf(firm)).param("visitedOn", today.toString())
                .param("observations", seen).param("findings", "");
        return call;
    }

    private MockHttpServletResponse api(String token, String path, String key, String body) throws Exception {
        MockHttpServletRequestBuilder call = post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) {
            call.header("Idempotency-Key", key);
        }
        return mvc.perform(call).andReturn().getResponse();
    }

    private static MockMultipartFile photo(String name, int shade) throws Exception {
        return photo("photos", name, shade);
    }

    private static MockMultipartFile photo(String part, String name, int shade) throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(shade % 8, shade % 8, 0x00FF00 + shade + (int) (System.nanoTime() % 200));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return new MockMultipartFile(part, name, "image/png", out.toByteArray());
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
