package cn.zhifa;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
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

    /**
     * Waits (up to 60 s) until {@code arrived} holds: what an asynchronous listener writes after the request that
     * published its event. If it never does, the failure says what the listeners had left then (the publications not
     * completed, by event and state, and what the database's sessions were doing), so that a failure on CI can be read
     * from its one line.
     */
    public static void awaitArrival(JdbcClient jdbc, String what, Callable<Boolean> arrived) {
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(arrived);
        } catch (ConditionTimeoutException timeout) {
            throw new AssertionError(what + " did not arrive within 60 s. Incomplete publications: " + incomplete(jdbc)
                    + ". Database sessions: " + sessions(jdbc), timeout);
        }
    }

    private static String incomplete(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT coalesce(string_agg(line, '; '), 'none') FROM (
                          SELECT regexp_replace(event_type, '.*[.$]', '') || ' ' || coalesce(status, '-') || ' x' || count(*)
                                 || ' (oldest ' || round(extract(epoch FROM now() - min(publication_date))) || ' s)' AS line
                          FROM event_publication WHERE completion_date IS NULL GROUP BY event_type, status) l""")
                .query(String.class).single();
    }

    private static String sessions(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT coalesce(string_agg(line, '; '), 'none') FROM (
                          SELECT coalesce(state, '-') || '/' || coalesce(wait_event, '-') || ' x' || count(*) || ': '
                                 || left(regexp_replace(query, '\\s+', ' ', 'g'), 80) AS line
                          FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
                            AND state <> 'idle' GROUP BY state, wait_event, query) l""")
                .query(String.class).single();
    }

    /** The documents of submitted inspection records: issued after each submission commits. */
    public static void awaitRecordDocuments(JdbcClient jdbc) {
        awaitCompleted(jdbc, "RecordDocumentsDue");
    }

    /**
     * After each integration test: the documents of the records it submitted are issued, and the other asynchronous
     * listeners have nothing left running or queued, before the next test starts. No test then sees another's documents
     * arrive, or waits behind another's deliveries for its own. One count query and a look at the executor when
     * nothing is pending; a wait over a second is logged.
     */
    public static final class Settled implements AfterEachCallback {

        private static final Logger log = LoggerFactory.getLogger(Settled.class);

        @Override
        public void afterEach(ExtensionContext context) {
            ApplicationContext application = SpringExtension.getApplicationContext(context);
            awaitRecordDocuments(application.getBean(JdbcClient.class));
            ThreadPoolTaskExecutor listeners = application.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
            long start = System.nanoTime();
            int queued = listeners.getQueueSize() + listeners.getActiveCount();
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> listeners.getQueueSize() == 0 && listeners.getActiveCount() == 0);
            } catch (ConditionTimeoutException busy) {
                log.warn("{}: the listeners are still busy after 60 s ({} queued, {} running)", context.getDisplayName(),
                        listeners.getQueueSize(), listeners.getActiveCount());
            }
            long waited = (System.nanoTime() - start) / 1_000_000;
            if (waited > 1_000) {
                log.warn("{}: waited {} ms for {} listener deliveries it left", context.getDisplayName(), waited, queued);
            }
        }
    }
}
