package cn.zhifa.audit.internal;

import cn.zhifa.audit.ChainCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Anchors the chain: a signed checkpoint every day and at the first start (when none exists yet), only
 * while the chain verifies, so a checkpoint never blesses a tampered log. The daily one runs under its ShedLock lock
 * (one node of several); the first one, which every node starts when it is ready, takes the same lock itself, so
 * nodes starting together do not write it twice.
 */
@Component
class CheckpointSchedule {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);
    static final String LOCK = "audit-checkpoint";

    private final AuditLog auditLog;
    private final Checkpoints checkpoints;
    private final LockProvider locks;

    CheckpointSchedule(AuditLog auditLog, Checkpoints checkpoints, LockProvider locks) {
        this.auditLog = auditLog;
        this.checkpoints = checkpoints;
        this.locks = locks;
    }

    @EventListener(ApplicationReadyEvent.class)
    void firstCheckpoint() {
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(Instant.now(), LOCK, Duration.ofHours(1), Duration.ofMinutes(1)));
        if (lock.isEmpty()) {
            log.info("Another node holds the audit checkpoint lock; no first checkpoint from this node");
            return;
        }
        try {
            if (checkpoints.latest().isEmpty()) {
                daily();
            }
        } finally {
            lock.get().unlock();
        }
    }

    @Scheduled(cron = "${zhifa.audit.checkpoint-cron:0 0 1 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = LOCK)
    void daily() {
        ChainCheck check = auditLog.verify();
        if (!check.intact()) {
            log.error("Audit chain does not verify, no checkpoint written: {}", check.problem());
            return;
        }
        Checkpoint checkpoint = auditLog.checkpoint();
        log.info("Audit checkpoint: head {} ({} rows)", checkpoint.headId(), checkpoint.totalRows());
    }
}
