package cn.zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.spi.ILoggingEvent;
import cn.zhifa.EventPublications;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.bench.JdbcLog;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.SourceRef;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.organization.UserManagement;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Load-independent guard on what issuing a submitted record's documents costs (the listener after the submission, on
 * the documents executor): the record locked and loaded once, its documents looked up once, the officers' users and
 * certificates read once, no verification code counted before its insert, and nothing read back after an insert.
 * Session 10 measured 50 statements for the record and one 整改指令书 (two locks and loads, ten reads of doc_issued).
 */
@ZhifaIntegrationTest
class RecordDocumentsCostTests {

    /**
     * Every statement of the delivery on its documents thread, the publication's processing and completion included
     * (33 counted: the submitter 3, the record 6, its documents 1, the firm 1, the other officer 3 and both
     * certificates 1, 逢查必考 1, the authority 4, per document 4 (number, row, signature, publication), the audit 3).
     */
    static final int LISTENER_STATEMENTS = 33;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserManagement users;
    @Autowired LegalCalendar calendar;
    @Autowired DocumentManagement documents;

    @Test
    void a_record_and_its_order_are_issued_reading_the_record_and_its_documents_once() throws Exception {
        String token = Tokens.bearer(mvc, "officer1");
        long a = users.findByUsername("officer1").orElseThrow().id();
        long b = users.findByUsername("officer2").orElseThrow().id();
        long firm = InspectionFixtures.enterprise(jdbc, 212).id();
        LocalDate deadline = calendar.addWorkingDays(LocalDate.now(ZoneId.of("Asia/Shanghai")), 10).due();
        long task = InspectionFixtures.createdTask(mvc, token, a, b, firm);
        String body = InspectionFixtures.twoHazardsRecordJson(task, a, b, deadline);
        EventPublications.awaitRecordDocuments(jdbc); // no other record's documents delivered while this one is counted

        List<ILoggingEvent> seen;
        long record;
        try (JdbcLog log = JdbcLog.capture(JdbcLog.JDBC)) {
            String answer = mvc.perform(post("/api/v1/inspection/records").header("Authorization", token)
                            .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            record = ((Number) JsonPath.read(answer, "$.id")).longValue();
            EventPublications.awaitRecordDocuments(jdbc);
            seen = log.events();
        }

        List<String> listener = seen.stream().filter(e -> e.getThreadName().startsWith("documents-"))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(listener.stream().filter(m -> m.startsWith("Creating new transaction")
                && m.contains("RecordDocumentsIssuer.on")).count()).as("one delivery").isEqualTo(1);
        List<String> sql = listener.stream().map(JdbcLog::sql).filter(s -> s != null).toList();
        String log = String.join("\n", sql);
        assertThat(sql.stream().filter(s -> s.contains("FOR UPDATE"))).as(log).hasSize(1);
        assertThat(sql.stream().filter(s -> s.startsWith("SELECT \"inspection_record\"."))).as(log).hasSize(1);
        assertThat(sql.stream().filter(s -> s.contains("verification_code = "))).as(log).isEmpty();
        assertThat(sql.stream().filter(s -> s.startsWith("select") && s.contains("from doc_issued"))).as("the record's documents looked up once\n" + log)
                .hasSize(1);
        assertThat(sql.stream().filter(s -> s.contains("FROM officer_certificate"))).as(log).hasSize(1);
        assertThat(sql).as(log).hasSizeLessThanOrEqualTo(LISTENER_STATEMENTS);

        List<IssuedDocument> issued = documents.forSource(new SourceRef("现场检查记录", String.valueOf(record)));
        assertThat(issued).extracting(IssuedDocument::kind).containsExactlyInAnyOrder("INSPECTION_RECORD", "RECTIFICATION_ORDER");
        assertThat(issued).allSatisfy(d -> assertThat(d.number()).isNotBlank());
    }
}
