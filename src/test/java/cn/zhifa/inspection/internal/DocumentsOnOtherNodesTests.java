package cn.zhifa.inspection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.SourceRef;
import cn.zhifa.inspection.InspectionFixtures;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.organization.UserManagement;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 18: API nodes set {@code zhifa.documents.issue-here: false} so that rendering never takes their CPU. On such a
 * node the listener leaves a submitted record's documents pending; the job on a node that issues documents issues
 * them, once, however many times it runs.
 */
@ZhifaIntegrationTest
class DocumentsOnOtherNodesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserManagement users;
    @Autowired
    LegalCalendar calendar;
    @Autowired
    DocumentManagement documents;
    @Autowired
    RecordDocumentsIssuer issuer;
    @Autowired
    RecordDocumentsRetries retries;

    @Test
    void a_node_that_does_not_issue_leaves_the_documents_pending_and_the_job_of_an_issuing_node_issues_them_once()
            throws Exception {
        long officerA = users.findByUsername("officer1").orElseThrow().id();
        long officerB = users.findByUsername("officer2").orElseThrow().id();
        LocalDate deadline = calendar.addWorkingDays(LocalDate.now(ZoneId.of("Asia/Shanghai")), 10).due();
        String token = Tokens.bearer(mvc, "officer1");
        long task = ((Number) JsonPath.read(mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", token)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.taskJson(officerA, officerB,
                                InspectionFixtures.enterprise(jdbc, 112).id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id")).longValue();

        long record;
        issuer.defer(true); // this node now runs as one with zhifa.documents.issue-here: false
        try {
            String body = mvc.perform(post("/api/v1/inspection/records").header("Authorization", token)
                            .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                            .content(InspectionFixtures.recordJson(task, officerA, officerB, deadline, false, true)))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            record = ((Number) JsonPath.read(body, "$.id")).longValue();
            await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(publicationStatus(record)));

            retries.retry(); // the job does nothing where documents are not issued
            assertThat(publicationStatus(record)).as("left for an issuing node").isEqualTo("FAILED");
            assertThat(issued(record)).as("the listener issued nothing").isEmpty();
            String pending = mvc.perform(get("/api/v1/inspection/records/" + record).header("Authorization", token))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(JsonPath.<List<String>>read(pending, "$.documents[*].state")).containsOnly("PENDING").hasSize(2);
        } finally {
            issuer.defer(false);
        }

        // the job of an issuing node, run twice at once (its scheduler may run it a third time meanwhile)
        CompletableFuture.allOf(CompletableFuture.runAsync(retries::retry), CompletableFuture.runAsync(retries::retry)).join();
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(publicationStatus(record)));
        retries.retry();

        assertThat(issued(record)).extracting(IssuedDocument::kind)
                .containsExactlyInAnyOrder("INSPECTION_RECORD", "RECTIFICATION_ORDER");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = '出具现场检查文书' AND target_id = :r")
                .param("r", String.valueOf(record)).query(Long.class).single()).as("issued once, audited once").isOne();
        String after = mvc.perform(get("/api/v1/inspection/records/" + record).header("Authorization", token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(after, "$.documents[*].state")).containsOnly("ISSUED").hasSize(2);
    }

    /** The status of the record's order to issue its documents in the event publication registry. */
    private String publicationStatus(long record) {
        return jdbc.sql("""
                        SELECT coalesce(status, CASE WHEN completion_date IS NULL THEN 'PUBLISHED' ELSE 'COMPLETED' END)
                          FROM event_publication
                         WHERE event_type LIKE '%.RecordDocumentsDue' AND serialized_event LIKE :record""")
                .param("record", "%\"recordId\":" + record + ",%").query(String.class).single();
    }

    private List<IssuedDocument> issued(long record) {
        return documents.forSource(new SourceRef("现场检查记录", String.valueOf(record)));
    }
}
