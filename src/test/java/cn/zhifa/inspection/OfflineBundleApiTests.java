package cn.zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.UserManagement;
import com.jayway.jsonpath.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The offline bundle holds the officer's own tasks only; a photo whose phone-side hash does not match is refused. */
@ZhifaIntegrationTest
class OfflineBundleApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserManagement users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void the_bundle_is_the_officers_own_tasks_with_their_checklist_version_and_is_never_cached() throws Exception {
        long officerA = users.findByUsername("officer1").orElseThrow().id();
        long officerB = users.findByUsername("officer2").orElseThrow().id();
        String token = Tokens.bearer(mvc, "officer1");
        mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", token)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.taskJson(officerA, officerB, InspectionFixtures.enterprise(jdbc, 21).id())))
                .andExpect(status().isCreated());
        String body = mvc.perform(get("/api/v1/inspection/offline-bundle").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(body, "$.officerId")).longValue()).isEqualTo(officerA);
        List<Object> tasks = JsonPath.read(body, "$.tasks");
        assertThat(tasks).isNotEmpty();
        List<Number> members = JsonPath.read(body, "$.tasks[*].team[?(@.userId == " + officerA + ")].userId");
        assertThat(members).as("officer1 is on every task's team").hasSize(tasks.size());
        List<String> codes = JsonPath.read(body, "$.tasks[0].checklist.items[*].code");
        assertThat(codes).isNotEmpty();
        Instant fetched = Instant.parse(JsonPath.read(body, "$.fetchedAt"));
        Instant expires = Instant.parse(JsonPath.read(body, "$.expiresAt"));
        assertThat(Duration.between(fetched, expires)).as("zhifa.offline.keep").isEqualTo(Duration.ofHours(72));
        assertThat((Integer) JsonPath.read(body, "$.photoMaxEdge")).isEqualTo(1600);

        mvc.perform(get("/api/v1/inspection/offline-bundle").header("Authorization", Tokens.bearer(mvc, "legal1")))
                .andExpect(status().isForbidden());
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_firm_facts_are_the_contacts_agencies_open_hazards_and_cases_of_the_officers_own_task_firms_only() throws Exception {
        long officerA = users.findByUsername("officer1").orElseThrow().id();
        long officerB = users.findByUsername("officer2").orElseThrow().id();
        // the firm in officer1's scope with the most open hazards, cases and agencies, so the lists are not empty
        long firm = jdbc.sql("""
                SELECT e.id FROM enterprise e JOIN organization o ON o.id = e.organization_id
                WHERE e.status = 'OPERATING' AND o.path LIKE (SELECT uo.path FROM app_user u
                      JOIN organization uo ON uo.id = u.organization_id WHERE u.username = 'officer1') || '%'
                ORDER BY (SELECT count(*) FROM hazard h WHERE h.enterprise_id = e.id AND h.status <> 'CLOSED')
                       + (SELECT count(*) FROM penalty_case c WHERE c.enterprise_id = e.id)
                       + (SELECT count(*) FROM agency_client a WHERE a.enterprise_id = e.id AND a.ended_on IS NULL) DESC, e.id
                LIMIT 1""").query(Long.class).single();
        String token = Tokens.bearer(mvc, "officer1");
        mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", token)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.taskJson(officerA, officerB, firm)))
                .andExpect(status().isCreated());
        String downloaded = "SELECT count(*) FROM audit_log WHERE action = '下载离线包（企业联系人电话）' AND actor = 'officer1'"
                + " AND outcome = 'SUCCESS' AND detail LIKE '个人信息查阅：%'";
        long before = jdbc.sql(downloaded).query(Long.class).single();
        String body = mvc.perform(get("/api/v1/offline/firms").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString();
        assertThat(jdbc.sql(downloaded).query(Long.class).single()).as("the phones taken along are an audited read")
                .isEqualTo(before + 1);
        String whose = jdbc.sql("SELECT detail FROM audit_log WHERE action = '下载离线包（企业联系人电话）' ORDER BY id DESC LIMIT 1")
                .query(String.class).single();
        assertThat(whose).as("the entry names the firms").contains(jdbc.sql("SELECT name FROM enterprise WHERE id = ?")
                .param(firm).query(String.class).single());

        List<Number> firms = JsonPath.read(body, "$.firms[*].enterpriseId");
        List<Long> own = jdbc.sql("""
                SELECT DISTINCT t.enterprise_id FROM inspection_task t JOIN inspection_task_member m ON m.inspection_task = t.id
                WHERE m.user_id = :u AND t.status IN ('ASSIGNED', 'IN_PROGRESS') AND t.due_month <= :month""")
                .param("u", officerA).param("month", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).withDayOfMonth(1))
                .query(Long.class).list();
        assertThat(firms.stream().map(Number::longValue).toList()).as("only the firms of officer1's own open tasks")
                .contains(firm).containsExactlyInAnyOrderElementsOf(own);

        String at = "$.firms[?(@.enterpriseId == " + firm + ")]";
        long openHazards = jdbc.sql("SELECT count(*) FROM hazard WHERE enterprise_id = ? AND status <> 'CLOSED'").param(firm)
                .query(Long.class).single();
        long cases = jdbc.sql("SELECT count(*) FROM penalty_case WHERE enterprise_id = ?").param(firm).query(Long.class).single();
        long agencies = jdbc.sql("SELECT count(*) FROM agency_client WHERE enterprise_id = ? AND ended_on IS NULL").param(firm)
                .query(Long.class).single();
        assertThat(openHazards + cases + agencies).as("the seed has a firm with hazards, cases or agencies").isPositive();
        assertThat((List<Object>) JsonPath.read(body, at + ".openHazards[*]")).hasSize((int) Math.min(openHazards, 10));
        assertThat((List<Object>) JsonPath.read(body, at + ".cases[*]")).hasSize((int) Math.min(cases, 5));
        assertThat((List<Object>) JsonPath.read(body, at + ".agencies[*]")).hasSize((int) agencies);
        List<String> statuses = JsonPath.read(body, at + ".openHazards[*].status");
        assertThat(statuses).as("Chinese labels, no enum codes").allMatch(t -> !t.matches(".*[A-Z_]{3,}.*"));

        List<String> phones = JsonPath.read(body, at + ".contacts[*].phone");
        assertThat(phones).as("phones as the registry decrypts them").isNotEmpty()
                .allMatch(p -> p == null || p.matches("^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$"));
        List<String> roles = JsonPath.read(body, at + ".contacts[*].role");
        assertThat(roles).contains("主要负责人");

        mvc.perform(get("/api/v1/offline/firms").header("Authorization", Tokens.bearer(mvc, "legal1")))
                .andExpect(status().isForbidden());
    }

    @Test
    void a_photo_arriving_different_from_the_hash_taken_on_the_phone_is_refused_and_not_stored() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        byte[] photo = out.toByteArray();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
        String token = Tokens.bearer(mvc, "officer1");
        long before = jdbc.sql("SELECT count(*) FROM evidence_file").query(Long.class).single();
        mvc.perform(multipart("/api/v1/evidence").file(new MockMultipartFile("file", "p.jpg", "image/jpeg", photo))
                        .param("sha256", "0".repeat(64)).header("Authorization", token)
                        .header("Idempotency-Key", UUID.randomUUID().toString()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("哈希值")));
        assertThat(jdbc.sql("SELECT count(*) FROM evidence_file").query(Long.class).single()).isEqualTo(before);
        mvc.perform(multipart("/api/v1/evidence").file(new MockMultipartFile("file", "p.jpg", "image/jpeg", photo))
                        .param("sha256", hash).header("Authorization", token)
                        .header("Idempotency-Key", UUID.randomUUID().toString()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sha256").value(hash));
    }
}
