package cn.zhifa.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.OwnerDatabase;
import cn.zhifa.TestClock;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.audit.AuditRecord.Outcome;
import cn.zhifa.audit.AuditTrail;
import cn.zhifa.audit.ChainCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Retention by archiving only: a signed archive first, then exactly its rows go; verify still holds across it. */
@ZhifaIntegrationTest
@Tag("external-db")
class AuditArchiveTests {

    @Autowired AuditArchiver archiver;
    @Autowired ArchiveFiles files;
    @Autowired AuditTrail trail;
    @Autowired AuditLog auditLog;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;
    @Autowired TestClock clock;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void rows_past_the_retention_are_archived_to_a_signed_file_then_removed_and_the_chain_verifies_across_the_boundary()
            throws Exception {
        trail.record("归档测试", null, null, Outcome.SUCCESS, "归档前");
        assertThat(archiver.archiveExpired()).as("nothing is a year old yet").isEmpty();

        long newest = jdbc.sql("SELECT max(id) FROM audit_log").query(Long.class).single();
        AuditArchiver.Archived archived;
        // far beyond any date another test of the shared context moved the clock to while it wrote audit rows
        clock.advance(Duration.ofDays(365L * 50));
        try {
            archived = archiver.archiveExpired().orElseThrow();
        } finally {
            clock.reset();
        }
        assertThat(archived.lastId()).isGreaterThanOrEqualTo(newest);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE id <= ?").param(newest).query(Long.class).single()).isZero();
        Path file = files.directory().resolve(archived.fileName());
        assertThat(Files.readAllLines(file)).hasSize((int) archived.rows() + 1);

        trail.record("归档测试", null, null, Outcome.SUCCESS, "归档后");
        ChainCheck check = trail.verifyChain();
        assertThat(check.intact()).as(check.problem()).isTrue();
        assertThat(check.archivedRows()).isGreaterThanOrEqualTo(archived.rows());
        assertThat(check.foundRows()).isEqualTo(check.expectedRows());

        Path aside = file.resolveSibling(file.getFileName() + ".aside");
        Files.move(file, aside);
        try {
            assertThat(trail.verifyChain().problem()).contains("归档文件").contains("不存在");
        } finally {
            Files.move(aside, file);
        }
        assertThat(trail.verifyChain().intact()).isTrue();
    }

    @Test
    void unarchived_rows_cannot_be_deleted_even_with_the_purge_switch_and_a_purge_needs_an_archive() {
        trail.record("归档测试", null, null, Outcome.SUCCESS, "不得删除");
        // the application's role may not DELETE at all; the owner is stopped by the trigger, purge switch or not
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)").update())
                .satisfies(e -> assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).getMessage()).contains("permission denied"));
        OwnerDatabase.of(context).inRolledBackTransaction(owner -> {
            owner.sql("SELECT set_config('zhifa.audit_purge', 'on', true)").query(String.class).single();
            assertThatThrownBy(() -> owner.sql("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)").update())
                    .hasMessageContaining("append-only");
        });
        assertThatThrownBy(() -> jdbc.sql("SELECT audit_log_purge(987654321)").query(Long.class).single())
                .hasMessageContaining("no audit archive");
    }

    @Test
    void a_retention_shorter_than_one_year_is_refused() {
        assertThatThrownBy(() -> new AuditArchiver(auditLog, files, jdbc, new TransactionTemplate(transactions), clock,
                Period.ofMonths(6))).hasMessageContaining("at least one year");
    }
}
