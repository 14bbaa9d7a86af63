package cn.zhifa;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Waits for asynchronous module listeners: until no publication of an event type is left to process in the event
 * publication registry (completed, or failed and waiting for its retry). Tests that read what a listener writes after
 * the request that published the event (the documents issued after a record's submission) call this first.
 */
public final class EventPublications {

    private EventPublications() {
    }

    /** Waits (up to 60 s) until every publication of {@code eventType} (simple class name) has been processed. */
    public static void awaitCompleted(JdbcClient jdbc, String eventType) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND event_type LIKE :type
                        AND (status IS NULL OR status <> 'FAILED')""")
                .param("type", "%." + eventType).query(Long.class).single() == 0);
    }

    /** The documents of submitted inspection records: issued after each submission commits. */
    public static void awaitRecordDocuments(JdbcClient jdbc) {
        awaitCompleted(jdbc, "RecordDocumentsDue");
    }

    /**
     * After each integration test: the documents of the records it submitted are issued before the next test starts,
     * so that no test sees another's documents arrive (one count query when nothing is pending).
     */
    public static final class Settled implements AfterEachCallback {
        @Override
        public void afterEach(ExtensionContext context) {
            awaitRecordDocuments(SpringExtension.getApplicationContext(context).getBean(JdbcClient.class));
        }
    }
}
