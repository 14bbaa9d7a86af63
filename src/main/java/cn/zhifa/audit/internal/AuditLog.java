package cn.zhifa.audit.internal;

import cn.zhifa.audit.AuditRecord;
import cn.zhifa.audit.AuditRecord.Outcome;
import cn.zhifa.audit.ChainCheck;
import cn.zhifa.shared.crypto.KeyProvider;
import cn.zhifa.shared.db.SideConnections;
import cn.zhifa.shared.web.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and checks the chain. Each row's hash is HMAC-SM3 (key from the {@link KeyProvider}, never in the
 * database) over the previous row's hash and the row. Appends are serialised with a transaction-level
 * advisory lock so each row links to the one before it; each append runs in its own transaction so a
 * failed or rolled-back command is still recorded. Signed checkpoints outside the table anchor the head
 * and the row count, so re-hashing, deleting the newest rows or emptying the table shows.
 */
@Repository
public class AuditLog {

    static final String CHAIN_KEY = "audit-chain";
    static final long CHAIN_LOCK = 0x7A68_6966_6100_0001L;
    private static final int BATCH = 5_000;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final KeyProvider keys;
    private final Checkpoints checkpoints;
    private final ArchiveFiles archiveFiles;
    private final SideConnections side;

    AuditLog(JdbcClient jdbc, Clock clock, KeyProvider keys, Checkpoints checkpoints, ArchiveFiles archiveFiles,
             SideConnections side) {
        this.jdbc = jdbc;
        this.side = side;
        this.clock = clock;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.archiveFiles = archiveFiles;
    }

    /**
     * Appends one row in a transaction of its own on {@link SideConnections}: it stays whether or not the caller's
     * transaction commits, and it never waits for a second connection of the main pool the caller may hold one of.
     */
    public void append(String actor, Long actorId, Long organizationId, String action, String targetType,
                       String targetId, Outcome outcome, String detail, String clientAddress) {
        side.inOwnTransaction(own -> {
            lockChain(own);
            // the head and the next id in one statement, after the lock (a statement's snapshot is taken when it starts)
            NextLink next = own.sql("""
                            SELECT nextval('audit_log_id_seq') AS next, h.hash FROM (SELECT 1) one
                            LEFT JOIN (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) h ON TRUE""")
                    .query((rs, n) -> new NextLink(rs.getLong("next"), rs.getString("hash"))).single();
            long id = next.id();
            String previous = next.previousHash() != null ? next.previousHash()
                    : head(own).map(Head::hash).orElse(ChainHash.GENESIS);
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            AuditRecord row = new AuditRecord(id, at, clean(actor, 40), actorId, organizationId, clean(action, 120),
                    clean(targetType, 60), clean(targetId, 60), outcome, clean(detail, 500),
                    clean(clientAddress, 64), previous, null);
            String hash = ChainHash.keyed(keys.secret(CHAIN_KEY, 32), row);
            own.sql("""
                    INSERT INTO audit_log (id, occurred_at, actor, actor_id, organization_id, action, target_type, target_id,
                                           outcome, detail, client_address, previous_hash, hash, scheme)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, Timestamp.from(at), row.actor() == null ? "" : row.actor(), actorId, organizationId,
                            row.action() == null ? "" : row.action(), row.targetType(), row.targetId(), outcome.name(),
                            row.detail(), row.clientAddress(), previous, hash, ChainHash.KEYED)
                    .update();
        });
    }

    /** The id a new row takes and the hash of the newest row in the table (null when the table is empty). */
    private record NextLink(long id, String previousHash) {
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
        return spec.param("actor", actor == null ? null : clean(actor.strip(), 40))
                .param("action", action == null ? null : "%" + clean(action.strip(), 120) + "%")
                .param("from", from == null ? null : Timestamp.from(from.atStartOfDay(ZONE).toInstant()))
                .param("to", to == null ? null : Timestamp.from(to.plusDays(1).atStartOfDay(ZONE).toInstant()))
                .param("outcome", outcome == null ? null : outcome.name());
    }

    /** Signs a checkpoint of the chain as it is now (head, rows ever written, end of the legacy epoch) and files it. */
    @Transactional
    public Checkpoint checkpoint() {
        lockChain();
        Archived archived = archived();
        Head head = head().orElse(new Head(archived.lastId(), archived.lastHash()));
        long live = jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
        long legacyThrough = checkpoints.latest().filter(Checkpoints.Stored::signatureValid)
                .map(stored -> stored.checkpoint().legacyThroughId())
                .orElseGet(() -> jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_log WHERE scheme = ?")
                        .param(ChainHash.LEGACY).query(Long.class).single());
        Checkpoint checkpoint = new Checkpoint(clock.instant().truncatedTo(ChronoUnit.MILLIS), head.id(), head.hash(),
                live + archived.rows(), legacyThrough);
        checkpoints.write(checkpoint);
        return checkpoint;
    }

    /**
     * Re-computes every link and keyed hash from the end of the last archive, checks the archives, and
     * compares the result with the latest signed checkpoint: its head must still be there with its hash and
     * as many rows must have been written up to it as it says.
     */
    @Transactional(readOnly = true)
    public ChainCheck verify() {
        byte[] key = keys.secret(CHAIN_KEY, 32);
        Optional<Checkpoints.Stored> stored = checkpoints.latest();
        Checkpoint checkpoint = stored.map(Checkpoints.Stored::checkpoint).orElse(null);
        Archived archived = archived();
        long legacyThrough = checkpoint != null ? checkpoint.legacyThroughId()
                : jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_log WHERE scheme = ?").param(ChainHash.LEGACY)
                .query(Long.class).single();
        long tableRows = jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
        Optional<Head> tableHead = head();
        Result result = new Result(checkpoint, archived, tableRows, tableHead.orElse(null));

        if (stored.isPresent() && !stored.get().signatureValid()) {
            return result.broken(0, checkpoint.headId(), "最近的检查点文件签名无效：检查点已被改动，不能作为依据。");
        }
        String archiveProblem = checkArchives();
        if (archiveProblem != null) {
            return result.broken(0, null, archiveProblem);
        }
        String expectedPrevious = archived.lastHash();
        long lastId = 0;
        long checked = 0;
        String hashAtCheckpoint = checkpoint != null && checkpoint.headId() == archived.lastId() ? archived.lastHash() : null;
        while (true) {
            List<ChainRow> batch = jdbc.sql("SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?")
                    .params(lastId, BATCH).query(AuditLog::mapWithScheme).list();
            if (batch.isEmpty()) {
                break;
            }
            for (ChainRow chained : batch) {
                AuditRecord row = chained.record();
                if (!row.previousHash().equals(expectedPrevious)) {
                    return result.broken(checked, row.id(), checked == 0 && archived.rows() > 0
                            ? "第 " + row.id() + " 条记录与最近一次归档的末尾不衔接（其间的记录被删除或篡改）。"
                            : "第 " + row.id() + " 条记录的前序哈希与上一条记录不符（上一条记录可能被删除或篡改）。");
                }
                boolean legacy = ChainHash.LEGACY.equals(chained.scheme());
                if (legacy && row.id() > legacyThrough) {
                    return result.broken(checked, row.id(), "第 " + row.id() + " 条记录使用了未加密钥的旧哈希，"
                            + "但它位于加密钥链段之内（该记录已被篡改或伪造）。");
                }
                String expected = legacy ? ChainHash.legacy(row) : ChainHash.keyed(key, row);
                if (!expected.equals(row.hash())) {
                    return result.broken(checked, row.id(), "第 " + row.id() + " 条记录的内容与其哈希不符（该记录已被篡改）。");
                }
                if (checkpoint != null && row.id() == checkpoint.headId()) {
                    hashAtCheckpoint = row.hash();
                }
                expectedPrevious = row.hash();
                lastId = row.id();
                checked++;
            }
        }
        if (checkpoint == null) {
            return result.intact(checked);
        }
        if (checkpoint.headId() > 0 && hashAtCheckpoint == null) {
            return result.broken(checked, checkpoint.headId(), "检查点（" + AuditWording.time(checkpoint.at()) + "）的链头第 "
                    + checkpoint.headId() + " 条记录已不存在：其后的记录被删除，或整张表被清空。");
        }
        if (checkpoint.headId() > 0 && !hashAtCheckpoint.equals(checkpoint.headHash())) {
            return result.broken(checked, checkpoint.headId(), "第 " + checkpoint.headId() + " 条记录的哈希与检查点（"
                    + AuditWording.time(checkpoint.at()) + "）记载的链头哈希不符：链被改写后重新计算过。");
        }
        long found = result.foundRows();
        if (found != checkpoint.totalRows()) {
            return result.broken(checked, checkpoint.headId(), "检查点（" + AuditWording.time(checkpoint.at()) + "）记载截至第 "
                    + checkpoint.headId() + " 条共 " + checkpoint.totalRows() + " 条记录，现仅有 " + found + " 条：有记录被删除。");
        }
        return result.intact(checked);
    }

    /** Every archive: its file is there with its SM3, its signature holds, and it links to the one before. */
    private String checkArchives() {
        String previous = ChainHash.GENESIS;
        for (ArchiveRow archive : archives()) {
            if (!archive.firstPreviousHash().equals(previous)) {
                return "归档（第 " + archive.firstId() + "–" + archive.lastId() + " 条）与上一归档不衔接。";
            }
            String summary = ArchiveFiles.summary(archive.firstId(), archive.lastId(), archive.rows(),
                    archive.firstPreviousHash(), archive.lastHash(), archive.fileSm3());
            if (!archiveFiles.signatureValid(summary, archive.signature())) {
                return "归档（第 " + archive.firstId() + "–" + archive.lastId() + " 条）的签名无效。";
            }
            String sm3 = archiveFiles.sm3Of(archive.fileName());
            if (sm3 == null) {
                return "归档文件（第 " + archive.firstId() + "–" + archive.lastId() + " 条）不存在。";
            }
            if (!sm3.equals(archive.fileSm3())) {
                return "归档文件（第 " + archive.firstId() + "–" + archive.lastId() + " 条）已被改动（SM3 不符）。";
            }
            previous = archive.lastHash();
        }
        return null;
    }

    /** What verify found, turned into a {@link ChainCheck}. */
    private final class Result {
        private final Checkpoint checkpoint;
        private final Archived archived;
        private final long tableRows;
        private final Head head;

        Result(Checkpoint checkpoint, Archived archived, long tableRows, Head head) {
            this.checkpoint = checkpoint;
            this.archived = archived;
            this.tableRows = tableRows;
            this.head = head;
        }

        long foundRows() {
            if (checkpoint == null) {
                return tableRows + archived.rows();
            }
            long live = jdbc.sql("SELECT count(*) FROM audit_log WHERE id <= ?").param(checkpoint.headId()).query(Long.class).single();
            long archivedThrough = archives().stream().filter(a -> a.lastId() <= checkpoint.headId()).mapToLong(ArchiveRow::rows).sum();
            return live + archivedThrough;
        }

        ChainCheck intact(long checked) {
            return check(checked, true, null, null);
        }

        ChainCheck broken(long checked, Long at, String problem) {
            return check(checked, false, at, problem);
        }

        private ChainCheck check(long checked, boolean intact, Long at, String problem) {
            return new ChainCheck(checked, intact, at, problem, checkpoint == null ? null : checkpoint.at(),
                    checkpoint == null ? null : checkpoint.totalRows(), checkpoint == null ? null : foundRows(),
                    checkpoint == null ? null : checkpoint.headId(), checkpoint == null ? null : checkpoint.headHash(),
                    tableRows, head == null ? null : head.id(), head == null ? null : head.hash(), archived.rows());
        }
    }

    record Head(long id, String hash) {
    }

    record Archived(long rows, long lastId, String lastHash) {
    }

    record ArchiveRow(long id, long firstId, long lastId, long rows, String firstPreviousHash, String lastHash,
                      String fileName, String fileSm3, String signature) {
    }

    record ChainRow(AuditRecord record, String scheme) {
    }

    void lockChain() {
        lockChain(jdbc);
    }

    private static void lockChain(JdbcClient jdbc) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> 1).list();
    }

    Optional<Head> head() {
        return head(jdbc);
    }

    private static Optional<Head> head(JdbcClient jdbc) {
        return jdbc.sql("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new Head(rs.getLong("id"), rs.getString("hash"))).optional()
                .or(() -> {
                    Archived archived = archived(jdbc);
                    return archived.rows() > 0 ? Optional.of(new Head(archived.lastId(), archived.lastHash())) : Optional.empty();
                });
    }

    List<ArchiveRow> archives() {
        return archives(jdbc);
    }

    private static List<ArchiveRow> archives(JdbcClient jdbc) {
        return jdbc.sql("SELECT * FROM audit_archive ORDER BY first_id").query((rs, n) -> new ArchiveRow(rs.getLong("id"),
                rs.getLong("first_id"), rs.getLong("last_id"), rs.getLong("row_count"), rs.getString("first_previous_hash"),
                rs.getString("last_hash"), rs.getString("file_name"), rs.getString("file_sm3"), rs.getString("signature"))).list();
    }

    Archived archived() {
        return archived(jdbc);
    }

    private static Archived archived(JdbcClient jdbc) {
        List<ArchiveRow> all = archives(jdbc);
        if (all.isEmpty()) {
            return new Archived(0, 0, ChainHash.GENESIS);
        }
        ArchiveRow last = all.get(all.size() - 1);
        return new Archived(all.stream().mapToLong(ArchiveRow::rows).sum(), last.lastId(), last.lastHash());
    }

    static AuditRecord map(ResultSet rs, int n) throws SQLException {
        return new AuditRecord(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), (Long) rs.getObject("actor_id"), (Long) rs.getObject("organization_id"),
                rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
                Outcome.valueOf(rs.getString("outcome")), rs.getString("detail"), rs.getString("client_address"),
                rs.getString("previous_hash"), rs.getString("hash"));
    }

    static ChainRow mapWithScheme(ResultSet rs, int n) throws SQLException {
        return new ChainRow(map(rs, n), rs.getString("scheme"));
    }

    /**
     * Cuts to the column's length and makes characters PostgreSQL cannot store (NUL) or a reader could be
     * fooled by (other control characters) visible, so an attempt with such input is still recorded.
     */
    static String clean(String value, int max) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max));
        value.codePoints().forEach(c -> {
            if (c == 0) {
                out.append("\\0");
            } else if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                out.append('\uFFFD');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.length() <= max ? out.toString() : out.substring(0, max);
    }
}
