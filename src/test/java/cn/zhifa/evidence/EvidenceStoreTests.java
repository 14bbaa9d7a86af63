package cn.zhifa.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.evidence.internal.EvidenceStore;
import cn.zhifa.shared.RuleViolation;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@ZhifaIntegrationTest
class EvidenceStoreTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EvidenceStore store;

    static byte[] jpeg() throws Exception {
        var image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, (int) (System.nanoTime() & 0xFFFFFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    long rows() {
        return jdbc.sql("SELECT count(*) FROM evidence_file").query(Long.class).single();
    }

    @Test
    @Tag("external-db")
    void a_photo_is_stored_under_its_sha256_with_who_when_where_and_custody() throws Exception {
        byte[] photo = jpeg();
        String token = Tokens.bearer(mvc, "officer1");
        String body = mvc.perform(multipart("/api/v1/evidence").file(new MockMultipartFile("file", "现场.jpg", "image/jpeg", photo))
                        .param("latitude", "39.123456").param("longitude", "117.654321")
                        .header("Authorization", token).header("Idempotency-Key", UUID.randomUUID().toString()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.mediaType").value("image/jpeg"))
                .andExpect(jsonPath("$.kind").value("PHOTO"))
                .andReturn().getResponse().getContentAsString();
        String sha = JsonPath.read(body, "$.sha256");
        assertThat(Files.readAllBytes(store.pathOf(sha))).isEqualTo(photo);
        assertThat(store.pathOf(sha).getParent().getFileName().toString()).isEqualTo(sha.substring(0, 2));
        assertThat(Files.getPosixFilePermissions(store.pathOf(sha))).as("stored bytes are read-only")
                .doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(get("/api/v1/evidence/" + id + "/content").header("Authorization", token))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/evidence/" + id + "/custody").header("Authorization", token))
                .andExpect(jsonPath("$.items[0].action").value("STORED"))
                .andExpect(jsonPath("$.items[1].action").value("VIEWED"));
        assertThatThrownBy(() -> jdbc.sql("UPDATE evidence_file SET original_name = 'x' WHERE id = :id").param("id", id).update())
                .hasMessageContaining("不可修改");
    }

    @Test
    void an_exe_renamed_jpg_is_refused_in_chinese_and_nothing_is_stored() throws Exception {
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        long before = rows();
        mvc.perform(multipart("/api/v1/evidence").file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", exe))
                        .header("Authorization", Tokens.bearer(mvc, "officer1"))
                        .header("Idempotency-Key", UUID.randomUUID().toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("不是可接受的照片")));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void a_two_gigabyte_upload_is_refused_after_reading_only_past_the_limit() {
        long twoGigabytes = 2L * 1024 * 1024 * 1024;
        InputStream huge = new InputStream() {
            long position;

            @Override
            public int read() {
                if (position >= twoGigabytes) {
                    return -1;
                }
                int value = position == 0 ? 0xFF : position == 1 ? 0xD8 : position == 2 ? 0xFF : 0;
                position++;
                return value;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= twoGigabytes) {
                    return -1;
                }
                int n = (int) Math.min(length, twoGigabytes - position);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = (byte) (position + i < 3 ? new int[]{0xFF, 0xD8, 0xFF}[(int) (position + i)] : 0);
                }
                position += n;
                return n;
            }
        };
        assertThatThrownBy(() -> store.write(huge, "huge.jpg"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("照片文件不得超过 30 MB");
    }
}
