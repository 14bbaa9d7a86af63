package cn.zhifa.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.inspection.InspectionFixtures;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.organization.UserManagement;
import com.jayway.jsonpath.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 18: with the BEFORE INSERT triggers gone, the application itself writes the root's organisation id on the child
 * rows of what it saves — a submitted record's team, items, photos and signatures (and its task's team), the hazard's
 * evidence, the case's steps — through the API as an officer works.
 */
@ZhifaIntegrationTest
class ChildOrganizationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserManagement users;
    @Autowired
    LegalCalendar calendar;

    @Test
    void a_submitted_record_its_hazards_and_a_case_write_their_children_under_the_roots_organisation_id() throws Exception {
        String officer1 = Tokens.bearer(mvc, "officer1");
        long officerA = users.findByUsername("officer1").orElseThrow().id();
        long officerB = users.findByUsername("officer2").orElseThrow().id();
        LocalDate deadline = calendar.addWorkingDays(LocalDate.now(ZoneId.of("Asia/Shanghai")), 10).due();
        int offset = Math.floorMod("分布键子表测试".hashCode(), 300);
        String task = mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", officer1)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.taskJson(officerA, officerB, InspectionFixtures.enterprise(jdbc, offset).id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long taskId = ((Number) JsonPath.read(task, "$.id")).longValue();
        String photo = mvc.perform(multipart("/api/v1/evidence").file(new MockMultipartFile("file", "现场.jpg", "image/jpeg", jpeg()))
                        .header("Authorization", officer1).header("Idempotency-Key", UUID.randomUUID().toString()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long evidenceId = ((Number) JsonPath.read(photo, "$.id")).longValue();
        String json = InspectionFixtures.recordJson(taskId, officerA, officerB, deadline, false, true)
                .replace("\"items\":[", "\"photos\":[{\"evidenceId\":" + evidenceId + ",\"itemCode\":\"AQ-41\"}],\"items\":[");
        String record = mvc.perform(post("/api/v1/inspection/records").header("Authorization", officer1)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long recordId = ((Number) JsonPath.read(record, "$.id")).longValue();

        long taskOrg = organizationOf("inspection_task", taskId);
        assertKeyed("inspection_task_member", "inspection_task", taskId, taskOrg, 2);
        long recordOrg = organizationOf("inspection_record", recordId);
        assertKeyed("inspection_record_member", "inspection_record", recordId, recordOrg, 2);
        assertKeyed("inspection_item_result", "inspection_record", recordId, recordOrg, 8);
        assertKeyed("inspection_record_photo", "inspection_record", recordId, recordOrg, 1);
        assertKeyed("inspection_signature", "inspection_record", recordId, recordOrg, 3);

        List<Long> hazards = jdbc.sql("SELECT id FROM hazard WHERE record_id = :r ORDER BY id").param("r", recordId)
                .query(Long.class).list();
        assertThat(hazards).as("the two failed items became hazards").hasSize(2);
        long evidenceRows = 0;
        for (long hazard : hazards) {
            long org = organizationOf("hazard", hazard);
            evidenceRows += jdbc.sql("SELECT count(*) FROM hazard_evidence WHERE hazard = :h").param("h", hazard)
                    .query(Long.class).single();
            assertThat(jdbc.sql("SELECT count(*) FROM hazard_evidence WHERE hazard = :h AND organization_id <> :o")
                    .param("h", hazard).param("o", org).query(Long.class).single()).isZero();
        }
        assertThat(evidenceRows).as("the photo of the failed item is the hazard's evidence").isOne();

        String opened = mvc.perform(post("/api/v1/cases").header("Authorization", officer1).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"source":"INSPECTION","kind":"ENFORCEMENT","organizationId":%d,"partyKind":"UNIT",
                                 "partyName":"分布键测试有限公司","partyCode":"91350100M000100Y43","legalRepresentative":"赵某",
                                 "address":"示例市东城区","title":"未如实记录隐患排查治理情况"}""".formatted(recordOrg)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long caseId = ((Number) JsonPath.read(opened, "$.id")).longValue();
        assertKeyed("case_step", "penalty_case", caseId, organizationOf("penalty_case", caseId), 1);
        // the key is for the database's distribution, not the API: the steps the case answers with do not show it
        String shown = mvc.perform(get("/api/v1/cases/" + caseId).header("Authorization", officer1))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Object>>read(shown, "$.steps")).isNotEmpty();
        assertThat(JsonPath.<List<Object>>read(shown, "$.steps[*].organizationId")).isEmpty();
    }

    private long organizationOf(String table, long id) {
        return jdbc.sql("SELECT organization_id FROM " + table + " WHERE id = :id").param("id", id).query(Long.class).single();
    }

    /** {@code rows} rows of {@code table} under the parent, every one with the parent's organisation id. */
    private void assertKeyed(String table, String parentColumn, long parent, long organizationId, int rows) {
        List<Long> keys = jdbc.sql("SELECT organization_id FROM " + table + " WHERE " + parentColumn + " = :p")
                .param("p", parent).query(Long.class).list();
        assertThat(keys).as(table + " rows of " + parentColumn + " " + parent).hasSize(rows)
                .containsOnly(organizationId);
    }

    private static byte[] jpeg() throws Exception {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 5, (int) (System.nanoTime() & 0xFFFFFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
