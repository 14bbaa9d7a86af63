package cn.zhifa.shared.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers failed event publications again: a listener that failed (a deadlock, a connection the pool could not give in
 * time, a database restarting) rolled its work back with its publication's completion
 * ({@link ListenerTransactions}), so delivering it again does the work once. Spring Modulith marks such a publication
 * failed and leaves it there, to be delivered again only when a node restarts: without this job a firm's timeline entry,
 * an officer's enforcement act or a statistics row could stay missing for months.
 * <p>
 * Every {@code zhifa.events.retry-interval}, on one node of all (its lock), the failed publications are read oldest
 * first ({@code zhifa.events.retry-read} of them) and those due are delivered again: a publication is due
 * {@code retry-after} after its last attempt, twice as long after each further failure, at most
 * {@code retry-after-max}. So one that keeps failing (a defect to fix, logged at every attempt by Spring) costs one
 * attempt every few hours, not one every half minute. Events whose module delivers them again itself
 * ({@link RetriedByItsOwnJob}) are left to it.
 */
@Component
class FailedDeliveries {

    private static final Logger log = LoggerFactory.getLogger(FailedDeliveries.class);

    private final IncompleteEventPublications incomplete;
    private final Clock clock;
    private final Duration retryAfter;
    private final Duration retryAfterMax;
    private final int read;

    FailedDeliveries(IncompleteEventPublications incomplete, Clock clock,
                     @Value("${zhifa.events.retry-after:PT1M}") Duration retryAfter,
                     @Value("${zhifa.events.retry-after-max:PT6H}") Duration retryAfterMax,
                     @Value("${zhifa.events.retry-read:500}") int read) {
        if (retryAfter.isNegative() || retryAfter.isZero() || retryAfterMax.compareTo(retryAfter) < 0) {
            throw new IllegalArgumentException("zhifa.events.retry-after must be positive and at most zhifa.events.retry-after-max, are "
                    + retryAfter + " and " + retryAfterMax);
        }
        if (read < 1) {
            throw new IllegalArgumentException("zhifa.events.retry-read must be at least 1, is " + read);
        }
        this.incomplete = incomplete;
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.retryAfterMax = retryAfterMax;
        this.read = read;
    }

    @Scheduled(fixedDelayString = "${zhifa.events.retry-interval:PT30S}", initialDelayString = "${zhifa.events.retry-interval:PT30S}")
    @SchedulerLock(name = "failed-deliveries-retry", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1S")
    void retry() {
        int resubmitted = resubmitDue();
        if (resubmitted > 0) {
            log.info("Delivering {} failed event publication(s) again", resubmitted);
        }
    }

    /** Delivers the due failed publications again (each listener on its own executor); returns how many. */
    int resubmitDue() {
        Instant now = clock.instant();
        AtomicInteger taken = new AtomicInteger();
        incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults().withBatchSize(read).withFilter(publication -> {
            boolean again = !(publication.getEvent() instanceof RetriedByItsOwnJob) && due(publication, now);
            if (again) {
                taken.incrementAndGet();
            }
            return again;
        }));
        return taken.get();
    }

    /** Due {@code retry-after} after the last attempt, doubled for each attempt after the first, at most {@code retry-after-max}. */
    boolean due(EventPublication publication, Instant now) {
        Instant last = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        return !last.plus(wait(publication.getCompletionAttempts())).isAfter(now);
    }

    Duration wait(int attempts) {
        Duration wait = retryAfter;
        for (int i = 1; i < attempts && wait.compareTo(retryAfterMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryAfterMax) > 0 ? retryAfterMax : wait;
    }
}
