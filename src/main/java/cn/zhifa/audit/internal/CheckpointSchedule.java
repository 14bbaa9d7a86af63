package cn.zhifa.audit.internal;

import cn.zhifa.audit.ChainCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Anchors the chain: a signed checkpoint every day and at the first start (when none exists yet), only
 * while the chain verifies, so a checkpoint never blesses a tampered log.
 */
@Component
class CheckpointSchedule {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final AuditLog auditLog;
    private final Checkpoints checkpoints;

    CheckpointSchedule(AuditLog auditLog, Checkpoints checkpoints) {
        this.auditLog = auditLog;
        this.checkpoints = checkpoints;
    }

    @EventListener(ApplicationReadyEvent.class)
    void firstCheckpoint() {
        if (checkpoints.latest().isEmpty()) {
            daily();
        }
    }

    @Scheduled(cron = "${zhifa.audit.checkpoint-cron:0 0 1 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "audit-checkpoint")
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
