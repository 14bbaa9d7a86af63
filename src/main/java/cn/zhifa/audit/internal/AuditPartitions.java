package cn.zhifa.audit.internal;

import cn.zhifa.audit.AuditRecord.Outcome;
import cn.zhifa.audit.AuditTrail;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Issue 18: {@code audit_log} is partitioned by calendar year (V1_80). Every month, under its ShedLock lock, this job
 * makes sure this year's and next year's partitions exist (next year's is there eleven months ahead), through the
 * owner's {@code audit_log_add_year} (the application role may not create tables). Idempotent: a year that has its
 * partition is left alone. Rows of that year already in the DEFAULT partition (the job did not run for a year, or a
 * clock was ahead) are moved into the new partition in the same transaction, none lost (the function counts them).
 * Each partition created is recorded in the audit log as a system action.
 */
@Component
class AuditPartitions {

    private static final Logger log = LoggerFactory.getLogger(AuditPartitions.class);
    static final String LOCK = "audit-partitions";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final AuditTrail trail;
    private final Clock clock;

    AuditPartitions(JdbcClient jdbc, AuditTrail trail, Clock clock) {
        this.jdbc = jdbc;
        this.trail = trail;
        this.clock = clock;
    }

    /** What one year's call did: created its partition (false: it was there), and how many rows it moved into it. */
    record Year(int year, boolean created, long moved) {
    }

    @Scheduled(cron = "${zhifa.audit.partition-cron:0 15 2 1 * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT1H")
    void monthly() {
        ensure();
    }

    /** This year's and next year's partitions by the application's clock; what each call did. */
    List<Year> ensure() {
        int year = LocalDate.now(clock.withZone(ZONE)).getYear();
        List<Year> years = new ArrayList<>();
        for (int y = year; y <= year + 1; y++) {
            try {
                years.add(addYear(y));
            } catch (DataAccessException failed) {
                String reason = NestedExceptionUtils.getMostSpecificCause(failed).getMessage();
                log.error("Audit log partition for {} not created: {}", y, reason);
                trail.record("新建审计日志年度分区", "审计日志分区", y, Outcome.FAILURE, y + " 年分区未能建立（原因见系统日志）");
            }
        }
        return years;
    }

    /** One year's partition; its own statement (committed before the audit row is appended, which needs the table). */
    Year addYear(int year) {
        Year done = jdbc.sql("SELECT created, moved FROM audit_log_add_year(?)").param(year)
                .query((rs, n) -> new Year(year, rs.getBoolean("created"), rs.getLong("moved"))).single();
        if (done.created()) {
            String detail = done.moved() == 0 ? year + " 年分区已建立"
                    : year + " 年分区已建立，已从默认分区移入该年的 " + done.moved() + " 条记录";
            log.info("Audit log partition for {} created ({} rows moved from the default partition)", year, done.moved());
            trail.record("新建审计日志年度分区", "审计日志分区", year, Outcome.SUCCESS, detail);
        }
        return done;
    }
}
