package cn.zhifa.audit.internal;

import cn.zhifa.audit.AuditRecord;
import cn.zhifa.audit.AuditRecord.Outcome;
import cn.zhifa.audit.ChainCheck;
import cn.zhifa.shared.web.Page;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and checks the chain. Appends are serialised with a transaction-level advisory lock so each
 * row links to the one before it; each append runs in its own transaction so a failed command is
 * still recorded.
 */
@Repository
public class AuditLog {

    static final String GENESIS = "0".repeat(64);
    private static final long CHAIN_LOCK = 0x7A68_6966_6100_0001L;
    private static final int BATCH = 5_000;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void append(String actor, Long actorId, Long organizationId, String action, String targetType,
                       String targetId, Outcome outcome, String detail, String clientAddress) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> 1).list();
        String previous = jdbc.sql("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")
                .query(String.class).optional().orElse(GENESIS);
        long id = jdbc.sql("SELECT nextval('audit_log_id_seq')").query(Long.class).single();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditRecord row = new AuditRecord(id, at, truncate(actor, 40), actorId, organizationId, truncate(action, 120),
                truncate(targetType, 60), truncate(targetId, 60), outcome, truncate(detail, 500),
                truncate(clientAddress, 64), previous, null);
        String hash = hashOf(row);
        jdbc.sql("""
                INSERT INTO audit_log (id, occurred_at, actor, actor_id, organization_id, action, target_type, target_id,
                                       outcome, detail, client_address, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, Timestamp.from(at), row.actor(), actorId, organizationId, row.action(), row.targetType(),
                        row.targetId(), outcome.name(), row.detail(), row.clientAddress(), previous, hash)
                .update();
    }

    @Transactional(readOnly = true)
    public Page<AuditRecord> search(String actor, String action, LocalDate from, LocalDate to, Outcome outcome,
                                    int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (actor != null && !actor.isBlank()) {
            where.append(" AND actor = :actor");
        }
        if (action != null && !action.isBlank()) {
            where.append(" AND action LIKE :action");
        }
        if (from != null) {
            where.append(" AND occurred_at >= :from");
        }
        if (to != null) {
            where.append(" AND occurred_at < :to");
        }
        if (outcome != null) {
            where.append(" AND outcome = :outcome");
        }
        JdbcClient.StatementSpec count = bind(jdbc.sql("SELECT count(*) FROM audit_log" + where), actor, action, from, to, outcome);
        long total = count.query(Long.class).single();
        List<AuditRecord> rows = bind(jdbc.sql("SELECT * FROM audit_log" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset"),
                actor, action, from, to, outcome)
                .param("limit", size).param("offset", (long) page * size)
                .query(AuditLog::map).list();
        return new Page<>(rows, page, size, total);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, String actor, String action,
                                                 LocalDate from, LocalDate to, Outcome outcome) {
        return spec.param("actor", actor == null ? null : actor.strip())
                .param("action", action == null ? null : "%" + action.strip() + "%")
                .param("from", from == null ? null : Timestamp.from(from.atStartOfDay(ZONE).toInstant()))
                .param("to", to == null ? null : Timestamp.from(to.plusDays(1).atStartOfDay(ZONE).toInstant()))
                .param("outcome", outcome == null ? null : outcome.name());
    }

    /** Re-computes every hash in order; reports the first row whose link or content does not match. */
    @Transactional(readOnly = true)
    public ChainCheck verify() {
        String expectedPrevious = GENESIS;
        long lastId = 0;
        long checked = 0;
        while (true) {
            List<AuditRecord> batch = jdbc.sql("SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?")
                    .params(lastId, BATCH).query(AuditLog::map).list();
            if (batch.isEmpty()) {
                return new ChainCheck(checked, true, null, null);
            }
            for (AuditRecord row : batch) {
                if (!row.previousHash().equals(expectedPrevious)) {
                    return new ChainCheck(checked, false, row.id(),
                            "第 " + row.id() + " 条记录的前序哈希与上一条记录不符（上一条记录可能被删除或篡改）。");
                }
                if (!hashOf(row).equals(row.hash())) {
                    return new ChainCheck(checked, false, row.id(),
                            "第 " + row.id() + " 条记录的内容与其哈希不符（该记录已被篡改）。");
                }
                expectedPrevious = row.hash();
                lastId = row.id();
                checked++;
            }
        }
    }

    static String hashOf(AuditRecord row) {
        String canonical = String.join("\u001f", List.of(
                String.valueOf(row.id()), row.occurredAt().toString(), row.actor(),
                Objects.toString(row.actorId(), ""), Objects.toString(row.organizationId(), ""), row.action(),
                Objects.toString(row.targetType(), ""), Objects.toString(row.targetId(), ""), row.outcome().name(),
                Objects.toString(row.detail(), ""), Objects.toString(row.clientAddress(), ""), row.previousHash()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AuditRecord map(ResultSet rs, int n) throws SQLException {
        return new AuditRecord(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), (Long) rs.getObject("actor_id"), (Long) rs.getObject("organization_id"),
                rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
                Outcome.valueOf(rs.getString("outcome")), rs.getString("detail"), rs.getString("client_address"),
                rs.getString("previous_hash"), rs.getString("hash"));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

}
