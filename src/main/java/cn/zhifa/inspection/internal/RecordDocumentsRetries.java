package cn.zhifa.inspection.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import cn.zhifa.shared.scheduling.ListenerExecutors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * On the nodes that issue documents ({@code zhifa.documents.issue-here}, the default; API nodes set it false and have no
 * such job), delivers again, every few seconds and under one lock of all nodes, the orders to issue a record's
 * documents that are left incomplete: promptly those never delivered again (left by a node that does not issue
 * documents, or failed once), the others once {@code zhifa.inspection.documents-retry-after} has passed since their
 * last delivery, so a document that keeps failing is not rendered every few seconds. Each run tops up the documents
 * executor's queue to {@code zhifa.inspection.documents-retry-batch} orders: a backlog is issued in batches as the
 * executor drains it, and what waits stays in the event publication registry, not in the node's memory. Issuing is idempotent ({@code InspectionDocuments.issueOnce} locks the record and
 * issues nothing twice), so an order delivered twice issues its documents once.
 */
@Component
@ConditionalOnBooleanProperty(name = "zhifa.documents.issue-here", matchIfMissing = true)
class RecordDocumentsRetries {

    /** Failed publications read per run (of every listener; this job's are picked from them). */
    private static final int READ = 500;

    private final IncompleteEventPublications incomplete;
    private final RecordDocumentsIssuer issuer;
    private final ThreadPoolTaskExecutor executor;
    private final Clock clock;
    private final Duration retryAfter;
    private final int batch;

    RecordDocumentsRetries(IncompleteEventPublications incomplete, RecordDocumentsIssuer issuer,
                           @Qualifier(ListenerExecutors.DOCUMENTS) ThreadPoolTaskExecutor executor, Clock clock,
                           @Value("${zhifa.inspection.documents-retry-after:PT2M}") Duration retryAfter,
                           @Value("${zhifa.inspection.documents-retry-batch:50}") int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("zhifa.inspection.documents-retry-batch must be at least 1, is " + batch);
        }
        this.incomplete = incomplete;
        this.issuer = issuer;
        this.executor = executor;
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.batch = batch;
    }

    @Scheduled(fixedDelayString = "${zhifa.inspection.documents-retry-interval:PT5S}",
            initialDelayString = "${zhifa.inspection.documents-retry-interval:PT5S}")
    @SchedulerLock(name = "inspection-documents-retry", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1S")
    void retry() {
        if (!issuer.issuesHere()) {
            return; // held back by a test or benchmark: delivering again would only leave them again
        }
        int room = batch - executor.getQueueSize();
        if (room <= 0) {
            return;
        }
        Instant due = clock.instant().minus(retryAfter);
        AtomicInteger taken = new AtomicInteger();
        incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults().withBatchSize(READ)
                .withFilter(publication -> publication.getEvent() instanceof RecordDocumentsDue && due(publication, due)
                        && taken.incrementAndGet() <= room));
    }

    /**
     * Never delivered again (the registry stores a new publication with its publication date as the last resubmission,
     * and a failed first delivery as one attempt), or last delivered again before {@code due}.
     */
    private static boolean due(EventPublication publication, Instant due) {
        Instant last = publication.getLastResubmissionDate();
        return last == null || !last.isAfter(publication.getPublicationDate()) || last.isBefore(due);
    }
}
