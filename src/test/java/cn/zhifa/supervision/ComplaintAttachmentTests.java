package cn.zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Complaint attachments go through the evidence module: a handler uploads a photo from the complaint page, it is
 * listed with its SHA-256 and opened with a custody row; a file that is no media is refused in Chinese and nothing is
 * linked; the supervisor, who is no handler, sees neither the files nor the reporter.
 */
@ZhifaIntegrationTest
class ComplaintAttachmentTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @Test
    void a_handler_attaches_a_photo_listed_with_its_hash_and_others_see_neither_files_nor_reporter() throws Exception {
        String created = mvc.perform(post("/api/v1/complaints").header("Authorization", Tokens.bearer(mvc, "officer1"))
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"channel":"HOTLINE_12350","receivedOn":"%s","content":"仓库堆放易燃物（附件测试）",
                                 "enterpriseName":"某仓储公司","reporterName":"王某某","reporterPhone":"13800001234","anonymous":false}"""
                                .formatted(LocalDate.now(clock))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        MockHttpSession officer = login("officer1");

        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        mvc.perform(multipart("/complaints/" + id + "/attachments").file(new MockMultipartFile("files", "照片.jpg", "image/jpeg", exe))
                .session(officer).with(csrf()));
        assertThat(links(id)).isZero();
        String refusedPage = page(officer, "/complaints/" + id);
        assertThat(refusedPage).contains("no-attachments");

        byte[] photo = jpeg();
        assertThat(mvc.perform(multipart("/complaints/" + id + "/attachments")
                        .file(new MockMultipartFile("files", "现场照片.jpg", "image/jpeg", photo)).session(officer).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(links(id)).isEqualTo(1);
        long evidenceId = jdbc.sql("SELECT evidence_id FROM complaint_attachment WHERE complaint = ?").param(id).query(Long.class).single();
        String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(photo));
        String asHandler = page(officer, "/complaints/" + id);
        assertThat(asHandler).contains("现场照片.jpg").contains("SHA-256 " + sha).contains("/evidence/" + evidenceId + "/content")
                .contains("王某某");
        assertThat(mvc.perform(get("/evidence/" + evidenceId + "/content").session(officer)).andReturn().getResponse()
                .getContentAsByteArray()).isEqualTo(photo);
        assertThat(jdbc.sql("SELECT action FROM evidence_custody WHERE evidence_id = ? ORDER BY id").param(evidenceId)
                .query(String.class).list()).containsSubsequence("STORED", "ATTACHED", "VIEWED");

        MockHttpSession supervisor = login("supervisor1");
        String asSupervisor = page(supervisor, "/complaints/" + id);
        assertThat(asSupervisor).contains("attachments-hidden").doesNotContain("现场照片.jpg").doesNotContain(sha)
                .doesNotContain("王某某");
        assertThat(mvc.perform(multipart("/complaints/" + id + "/attachments")
                        .file(new MockMultipartFile("files", "另一张.jpg", "image/jpeg", jpeg())).session(supervisor).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(links(id)).isEqualTo(1);
    }

    private long links(long complaintId) {
        return jdbc.sql("SELECT count(*) FROM complaint_attachment WHERE complaint = ?").param(complaintId).query(Long.class).single();
    }

    static byte[] jpeg() throws Exception {
        var image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 5, (int) (System.nanoTime() & 0xFFFFFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(Tokens.DEMO_PASSWORD)).andReturn()
                .getRequest().getSession();
    }
}
