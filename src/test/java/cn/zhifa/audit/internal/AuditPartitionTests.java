package cn.zhifa.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.OwnerDatabase;
import cn.zhifa.TestClock;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.audit.AuditRecord.Outcome;
import cn.zhifa.audit.AuditTrail;
import cn.zhifa.audit.ChainCheck;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18: audit_log partitioned by year (V1_80, V1_81). Rows go to their year's partition, the partition job is
 * idempotent and moves rows out of DEFAULT, the append-only guard holds on every partition, a time-range search reads
 * one year only, and a wholly archived past year leaves by dropping its partition. Everything that would leave a
 * foreign row in the shared database runs in a rolled-back owner transaction.
 */
@ZhifaIntegrationTest
@Tag("external-db")
class AuditPartitionTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String ZERO = "0".repeat(64);

    @Autowired AuditPartitions partitions;
    @Autowired AuditTrail trail;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired ApplicationContext context;

    private int thisYear() {
        return LocalDate.now(clock.withZone(ZONE)).getYear();
    }

    @Test
    void rows_of_two_years_land_in_their_own_partitions_and_an_append_lands_in_this_years() {
        trail.record("分区测试", null, null, Outcome.SUCCESS, "今年的记录");
        assertThat(jdbc.sql("SELECT tableoid::regclass::text FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
                .query(String.class).single()).isEqualTo("audit_log_" + thisYear());
        int year = thisYear();
        OwnerDatabase.of(context).inRolledBackTransaction(owner -> {
            insert(owner, -1, LocalDateTime.of(year, 12, 31, 23, 59, 59));      // Beijing time: the last second of the year
            insert(owner, -2, LocalDateTime.of(year + 1, 1, 1, 0, 0, 0));       // and the first of the next
            insert(owner, -3, LocalDateTime.of(2999, 6, 1, 0, 0, 0));           // no partition: DEFAULT
            assertThat(owner.sql("SELECT id, tableoid::regclass::text FROM audit_log WHERE id < 0 ORDER BY id DESC")
                    .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2)).list())
                    .containsExactly("-1 audit_log_" + year, "-2 audit_log_" + (year + 1), "-3 audit_log_default");
        });
        ChainCheck check = trail.verifyChain();
        assertThat(check.intact()).as(check.problem()).isTrue();
    }

    @Test
    void the_job_creates_missing_years_once_audits_them_and_changes_nothing_when_run_again() {
        // the migration made this year's and next year's: nothing to do, nothing recorded
        long recorded = recordedPartitions();
        assertThat(partitions.ensure()).extracting(AuditPartitions.Year::created).containsExactly(false, false);
        assertThat(recordedPartitions()).isEqualTo(recorded);

        // a year the database has no partition for yet (short of the 50 years AuditArchiveTests moves the clock on)
        int year = 2044;
        clock.setTo(LocalDateTime.of(year, 3, 1, 9, 0).atZone(ZONE).toInstant());
        try {
            assertThat(partitions.ensure()).containsExactly(new AuditPartitions.Year(year, true, 0),
                    new AuditPartitions.Year(year + 1, true, 0));
            assertThat(partitions.ensure()).containsExactly(new AuditPartitions.Year(year, false, 0),
                    new AuditPartitions.Year(year + 1, false, 0));
        } finally {
            clock.reset();
        }
        assertThat(partitionNames()).contains("audit_log_" + year, "audit_log_" + (year + 1), "audit_log_default");
        assertThat(recordedPartitions()).isEqualTo(recorded + 2);
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = '新建审计日志年度分区' AND actor = 'system' ORDER BY id DESC LIMIT 2")
                .query(String.class).list()).containsExactly((year + 1) + " 年分区已建立", year + " 年分区已建立");
        // the audit row of the year's creation is itself in that year's partition
        assertThat(jdbc.sql("SELECT tableoid::regclass::text FROM audit_log WHERE action = '新建审计日志年度分区' AND target_id = ?")
                .param(String.valueOf(year)).query(String.class).single()).isEqualTo("audit_log_" + year);
        // the new partitions are guarded like the others: the application role has no privilege on them
        assertThatThrownBy(() -> jdbc.sql("SELECT count(*) FROM audit_log_" + year).query(Long.class).single())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage()).contains("permission denied"));
        ChainCheck check = trail.verifyChain();
        assertThat(check.intact()).as(check.problem()).isTrue();
    }

    @Test
    void a_year_that_gets_its_partition_takes_its_rows_out_of_default_and_leaves_the_others_there() {
        OwnerDatabase.of(context).inRolledBackTransaction(owner -> {
            insert(owner, -11, LocalDateTime.of(2061, 1, 1, 0, 0, 0));
            insert(owner, -12, LocalDateTime.of(2061, 7, 1, 12, 0, 0));
            insert(owner, -13, LocalDateTime.of(2061, 12, 31, 23, 59, 59));
            insert(owner, -14, LocalDateTime.of(2062, 1, 1, 0, 0, 0));
            assertThat(owner.sql("SELECT count(*) FROM audit_log_default WHERE id < 0").query(Long.class).single()).isEqualTo(4);

            assertThat(owner.sql("SELECT created, moved FROM audit_log_add_year(2061)")
                    .query((rs, n) -> rs.getBoolean(1) + " " + rs.getLong(2)).single()).isEqualTo("true 3");
            assertThat(owner.sql("SELECT id, tableoid::regclass::text FROM audit_log WHERE id < 0 ORDER BY id DESC")
                    .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2)).list())
                    .containsExactly("-11 audit_log_2061", "-12 audit_log_2061", "-13 audit_log_2061", "-14 audit_log_default");
            // the DEFAULT partition is attached again, still guarded, and the rows are the same rows
            assertThat(owner.sql("SELECT count(*) FROM pg_inherits WHERE inhparent = 'audit_log'::regclass "
                    + "AND inhrelid = 'audit_log_default'::regclass").query(Long.class).single()).isOne();
            assertThat(owner.sql("SELECT count(*) FROM audit_log WHERE id < 0 AND hash = ? AND previous_hash = ?")
                    .params(ZERO, ZERO).query(Long.class).single()).isEqualTo(4);
            owner.sql("SAVEPOINT attempt").update();
            assertThatThrownBy(() -> owner.sql("DELETE FROM audit_log_default WHERE id = -14").update())
                    .hasMessageContaining("append-only");
            owner.sql("ROLLBACK TO SAVEPOINT attempt").update();
            // run again: nothing to do
            assertThat(owner.sql("SELECT created, moved FROM audit_log_add_year(2061)")
                    .query((rs, n) -> rs.getBoolean(1) + " " + rs.getLong(2)).single()).isEqualTo("false 0");
        });
        assertThat(partitionNames()).doesNotContain("audit_log_2061");
    }

    @Test
    void update_delete_and_truncate_are_refused_on_a_partition_and_through_the_parent() {
        trail.record("分区测试", null, null, Outcome.SUCCESS, "不可改");
        String partition = "audit_log_" + thisYear();
        OwnerDatabase.of(context).inRolledBackTransaction(owner -> {
            for (String statement : List.of(
                    "UPDATE " + partition + " SET detail = '改' WHERE id = (SELECT max(id) FROM " + partition + ")",
                    "DELETE FROM " + partition + " WHERE id = (SELECT max(id) FROM " + partition + ")",
                    "UPDATE audit_log SET detail = '改' WHERE id = (SELECT max(id) FROM audit_log)",
                    "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)",
                    "TRUNCATE " + partition,
                    "TRUNCATE audit_log_default",
                    "TRUNCATE audit_log")) {
                owner.sql("SAVEPOINT attempt").update();
                assertThatThrownBy(() -> owner.sql(statement).update()).as(statement).hasMessageContaining("append-only");
                owner.sql("ROLLBACK TO SAVEPOINT attempt").update();
            }
            // the switch of the move lets nothing go from a year's partition, nor a DEFAULT row without its copy
            owner.sql("SELECT set_config('zhifa.audit_partition_move', 'on', true)").query(String.class).single();
            owner.sql("SAVEPOINT attempt").update();
            assertThatThrownBy(() -> owner.sql("DELETE FROM " + partition + " WHERE id = (SELECT max(id) FROM " + partition + ")")
                    .update()).hasMessageContaining("append-only");
            owner.sql("ROLLBACK TO SAVEPOINT attempt").update();
            insert(owner, -21, LocalDateTime.of(2999, 1, 1, 0, 0));
            assertThatThrownBy(() -> owner.sql("DELETE FROM audit_log_default WHERE id = -21").update())
                    .hasMessageContaining("append-only");
        });
        // the application role may not even try on a partition
        for (String statement : List.of("UPDATE " + partition + " SET detail = '改'", "DELETE FROM " + partition,
                "TRUNCATE " + partition, "INSERT INTO " + partition + " SELECT * FROM audit_log LIMIT 0")) {
            assertThatThrownBy(() -> jdbc.sql(statement).update()).as(statement)
                    .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage()).contains("permission denied"));
        }
        assertThatThrownBy(() -> jdbc.sql("ALTER TABLE audit_log DETACH PARTITION " + partition).update())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage()).contains("must be owner"));
        ChainCheck check = trail.verifyChain();
        assertThat(check.intact()).as(check.problem()).isTrue();
    }

    @Test
    void a_search_by_time_range_reads_only_its_year_and_the_newest_row_is_found_by_index() {
        int year = thisYear();
        String plan = String.join("\n", jdbc.sql("EXPLAIN SELECT * FROM audit_log WHERE occurred_at >= '" + year
                + "-06-01 00:00:00+08' AND occurred_at < '" + year + "-07-01 00:00:00+08' ORDER BY id DESC LIMIT 20")
                .query(String.class).list());
        assertThat(plan).contains("audit_log_" + year).doesNotContain("audit_log_" + (year + 1)).doesNotContain("audit_log_default");
        // AuditLog.head before every append: each partition's newest row by its primary key index, merged, no sort
        List<String> head = jdbc.sql("EXPLAIN SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").query(String.class).list();
        assertThat(head).anyMatch(line -> line.contains("Merge Append"))
                .noneMatch(line -> line.strip().startsWith("->  Sort") || line.contains("Seq Scan"))
                .filteredOn(line -> line.contains(" on audit_log_")).isNotEmpty()
                .allMatch(line -> line.contains("Index Scan Backward") || line.contains("Index Only Scan Backward"));
    }

    @Test
    void a_purge_drops_a_past_year_whose_rows_are_all_archived_and_deletes_the_rest_row_by_row() {
        OwnerDatabase.of(context).inRolledBackTransaction(owner -> {
            owner.sql("SELECT * FROM audit_log_add_year(2001)").query().listOfRows();
            insert(owner, -103, LocalDateTime.of(2001, 3, 1, 8, 0));
            insert(owner, -102, LocalDateTime.of(2001, 9, 1, 8, 0));
            insert(owner, -101, LocalDateTime.of(2999, 1, 1, 0, 0));   // DEFAULT: deleted row by row
            long archive = owner.sql("""
                    INSERT INTO audit_archive (created_at, first_id, last_id, row_count, first_previous_hash, last_hash,
                                               file_name, file_sm3, signature)
                    VALUES (now(), -103, -101, 3, ?, ?, 'test', ?, 'test') RETURNING id""").params(ZERO, ZERO, ZERO)
                    .query(Long.class).single();
            long before = owner.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
            assertThat(owner.sql("SELECT audit_log_purge(?)").param(archive).query(Long.class).single()).isEqualTo(3);
            assertThat(owner.sql("SELECT to_regclass('audit_log_2001') IS NULL").query(Boolean.class).single()).isTrue();
            assertThat(owner.sql("SELECT count(*) FROM audit_log").query(Long.class).single()).isEqualTo(before - 3);

            // an archive whose count does not match removes nothing, not even a whole year
            owner.sql("SELECT * FROM audit_log_add_year(2002)").query().listOfRows();
            insert(owner, -202, LocalDateTime.of(2002, 3, 1, 8, 0));
            long wrong = owner.sql("""
                    INSERT INTO audit_archive (created_at, first_id, last_id, row_count, first_previous_hash, last_hash,
                                               file_name, file_sm3, signature)
                    VALUES (now(), -202, -201, 2, ?, ?, 'test', ?, 'test') RETURNING id""").params(ZERO, ZERO, ZERO)
                    .query(Long.class).single();
            owner.sql("SAVEPOINT attempt").update();
            assertThatThrownBy(() -> owner.sql("SELECT audit_log_purge(?)").param(wrong).query(Long.class).single())
                    .hasMessageContaining("holds 2 rows but 1");
            owner.sql("ROLLBACK TO SAVEPOINT attempt").update();
            assertThat(owner.sql("SELECT tableoid::regclass::text FROM audit_log WHERE id = -202").query(String.class).single())
                    .isEqualTo("audit_log_2002");
        });
    }

    private static void insert(JdbcClient owner, long id, LocalDateTime beijing) {
        owner.sql("""
                INSERT INTO audit_log (id, occurred_at, actor, action, outcome, previous_hash, hash)
                VALUES (?, ?, 'partition-test', '分区测试', 'SUCCESS', ?, ?)""")
                .params(id, beijing.atZone(ZONE).toOffsetDateTime(), ZERO, ZERO).update();
    }

    private long recordedPartitions() {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = '新建审计日志年度分区'").query(Long.class).single();
    }

    private List<String> partitionNames() {
        return jdbc.sql("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                + "WHERE i.inhparent = 'audit_log'::regclass ORDER BY 1").query(String.class).list();
    }
}
