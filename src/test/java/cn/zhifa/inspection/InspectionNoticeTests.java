package cn.zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.organization.UserManagement;
import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Recording the 执法检查告知书 as sent issues it through the documents module. */
@ZhifaIntegrationTest
class InspectionNoticeTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserManagement users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InspectionManagement inspections;
    @Autowired
    DocumentManagement documents;
    @Autowired
    Clock clock;

    long newTask(String token, InspectionFixtures.Enterprise firm) throws Exception {
        long officerA = users.findByUsername("officer1").orElseThrow().id();
        long officerB = users.findByUsername("officer2").orElseThrow().id();
        String body = mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", token)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.taskJson(officerA, officerB, firm.id()).replace("\"noticeRequired\":false", "\"noticeRequired\":true")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void recording_the_notice_as_sent_issues_the_inspection_notice() throws Exception {
        String token = Tokens.bearer(mvc, "officer1");
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterprise(jdbc, 51);
        long task = newTask(token, firm);
        LocalDateTime inspectionAt = LocalDateTime.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).plusDays(3).withNano(0);
        mvc.perform(post("/api/v1/inspection/tasks/" + task + "/notice").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"method":"现场送达","sentAt":"%s","inspectionAt":"%s","content":"检查安全生产责任制和隐患排查治理情况。"}
                                """.formatted(clock.instant().minus(Duration.ofMinutes(5)), inspectionAt)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.noticeMethod").value("现场送达"));

        IssuedDocument notice = inspections.notice(task).orElseThrow();
        assertThat(notice.kind()).isEqualTo("INSPECTION_NOTICE");
        assertThat(notice.title()).isEqualTo("执法检查告知书");
        assertThat(notice.number()).contains("检告");
        try (var pdf = Loader.loadPDF(documents.pdf(notice.id()).orElseThrow())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s|\\u2009", "");
            assertThat(text).contains("执法检查告知书").contains(firm.name().replaceAll("\\s", ""))
                    .contains("检查安全生产责任制和隐患排查治理情况。");
        }
    }

    @Test
    void a_notice_without_the_announced_inspection_time_is_refused_and_issues_nothing() throws Exception {
        String token = Tokens.bearer(mvc, "officer1");
        long task = newTask(token, InspectionFixtures.enterprise(jdbc, 53));
        mvc.perform(post("/api/v1/inspection/tasks/" + task + "/notice").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"method\":\"短信\",\"sentAt\":\"%s\"}".formatted(clock.instant().minus(Duration.ofMinutes(5)))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("请填写告知的检查时间（不能早于送达时间）。"));
        assertThat(inspections.notice(task)).isEmpty();
        assertThat(jdbc.sql("SELECT notice_sent_at IS NULL FROM inspection_task WHERE id = :id").param("id", task)
                .query(Boolean.class).single()).isTrue();
    }
}
