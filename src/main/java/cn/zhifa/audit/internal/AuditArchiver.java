package cn.zhifa.audit.internal;

import cn.zhifa.audit.ChainCheck;
import cn.zhifa.shared.RuleViolation;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention: audit rows are kept at least {@code zhifa.audit.retention} (default and minimum one year).
 * Older rows leave the table only by being archived: the closed range of the oldest rows, all older than
 * the retention, is written to a signed archive file with its SM3, recorded in {@code audit_archive}, and
 * then exactly those rows are deleted through {@code audit_log_purge} (which refuses any unarchived row);
 * a new checkpoint follows. Never while the chain does not verify.
 */
@Component
class AuditArchiver {

    private static final Logger log = LoggerFactory.getLogger(AuditArchiver.class);
    private static final Period MINIMUM = Period.ofYears(1);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final AuditLog auditLog;
    private final ArchiveFiles files;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Period retention;

    AuditArchiver(AuditLog auditLog, ArchiveFiles files, JdbcClient jdbc, TransactionTemplate tx, Clock clock,
                  @Value("${zhifa.audit.retention:P1Y}") Period retention) {
        if (retention.toTotalMonths() < MINIMUM.toTotalMonths()) {
            throw new IllegalStateException("zhifa.audit.retention must be at least one year (P1Y), was " + retention);
        }
        this.auditLog = auditLog;
        this.files = files;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.retention = retention;
    }

    /** What one run archived. */
    record Archived(long archiveId, long firstId, long lastId, long rows, String fileName) {
    }

    @Scheduled(cron = "${zhifa.audit.archive-cron:0 30 1 1 * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "audit-archive", lockAtMostFor = "PT6H")
    void monthly() {
        try {
            archiveExpired().ifPresent(a -> log.info("Archived audit rows {}-{} ({}) to {}", a.firstId(), a.lastId(), a.rows(), a.fileName()));
        } catch (RuleViolation refused) {
            log.error("Audit archive skipped: {}", refused.getMessage());
        }
    }

    /** Archives and then removes the oldest rows past the retention, if any; then signs a new checkpoint. */
    Optional<Archived> archiveExpired() {
        ChainCheck check = auditLog.verify();
        if (!check.intact()) {
            throw new RuleViolation("哈希链校验未通过，不能归档：" + check.problem());
        }
        Instant cutoff = clock.instant().atZone(ZONE).toLocalDate().minus(retention).atStartOfDay(ZONE).toInstant();
        Optional<Archived> archived = tx.execute(status -> archive(cutoff));
        if (archived.isPresent()) {
            auditLog.checkpoint();
        }
        return archived;
    }

    private Optional<Archived> archive(Instant cutoff) {
        auditLog.lockChain();
        long firstYoung = jdbc.sql("SELECT coalesce(min(id), 9223372036854775807) FROM audit_log WHERE occurred_at >= ?")
                .param(Timestamp.from(cutoff)).query(Long.class).single();
        List<AuditLog.ChainRow> rows = jdbc.sql("SELECT * FROM audit_log WHERE id < ? ORDER BY id")
                .param(firstYoung).query(AuditLog::mapWithScheme).list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        AuditLog.ChainRow first = rows.get(0);
        AuditLog.ChainRow last = rows.get(rows.size() - 1);
        String name = "audit-%019d-%019d.tsv".formatted(first.record().id(), last.record().id());
        String content = "zhifa-audit-archive 1\tid\toccurred_at\tactor\tactor_id\torganization_id\taction\ttarget_type\t"
                + "target_id\toutcome\tdetail\tclient_address\tprevious_hash\thash\tscheme\n"
                + rows.stream().map(AuditArchiver::line).collect(Collectors.joining());
        String sm3 = files.write(name, content);
        String firstPrevious = first.record().previousHash();
        String lastHash = last.record().hash();
        String signature = files.sign(ArchiveFiles.summary(first.record().id(), last.record().id(), rows.size(),
                firstPrevious, lastHash, sm3));
        long archiveId = jdbc.sql("""
                INSERT INTO audit_archive (created_at, first_id, last_id, row_count, first_previous_hash, last_hash,
                                           file_name, file_sm3, signature)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(Timestamp.from(clock.instant()), first.record().id(), last.record().id(), rows.size(), firstPrevious,
                        lastHash, name, sm3, signature)
                .query(Long.class).single();
        long removed = jdbc.sql("SELECT audit_log_purge(?)").param(archiveId).query(Long.class).single();
        if (removed != rows.size()) {
            throw new IllegalStateException("Archive " + archiveId + " holds " + rows.size() + " rows, purge removed " + removed);
        }
        return Optional.of(new Archived(archiveId, first.record().id(), last.record().id(), rows.size(), name));
    }

    private static String line(AuditLog.ChainRow chained) {
        var r = chained.record();
        return String.join("\t", List.of(String.valueOf(r.id()), r.occurredAt().toString(), field(r.actor()),
                field(r.actorId()), field(r.organizationId()), field(r.action()), field(r.targetType()), field(r.targetId()),
                r.outcome().name(), field(r.detail()), field(r.clientAddress()), r.previousHash(), r.hash(), chained.scheme())) + "\n";
    }

    private static String field(Object value) {
        return value == null ? "" : value.toString().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }
}
