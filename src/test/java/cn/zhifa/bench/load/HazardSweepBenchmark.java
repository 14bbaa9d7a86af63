package cn.zhifa.bench.load;

import cn.zhifa.TestClock;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.audit.AuditRecord;
import cn.zhifa.audit.AuditTrail;
import cn.zhifa.hazard.Hazard;
import cn.zhifa.hazard.HazardManagement;
import cn.zhifa.hazard.internal.Hazards;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark (not part of the normal build): the daily hazard overdue sweep with 1,000,000 open hazards under a
 * 责令限期整改 deadline (generated with {@code generate_series}; deadlines spread over 1,000 days around today, those
 * past already reported except yesterday's, so about 1,000 are newly overdue as on an ordinary day). Times the sweep
 * ({@link HazardManagement#sweepOverdue}: one UPDATE … RETURNING, the events, one audit entry), asserts a second run
 * finds and changes nothing, and compares with the former way measured on the same rows: every newly overdue
 * aggregate loaded and saved, its event published and one audit entry each (rolled back, audit entries kept).
 * <pre>./mvnw -o test -Dtest=HazardSweepBenchmark -Dzhifa.bench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Optional: -Dzhifa.bench.hazards=1000000. Results: stdout and target/benchmark/hazard-sweep.txt.
 */
@Tag("benchmark")
@ZhifaIntegrationTest
@EnabledIfSystemProperty(named = "zhifa.bench", matches = "true")
class HazardSweepBenchmark {

    static final int DAYS = 1_000;
    static final int RUNS = 3;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    HazardManagement sweep;
    @Autowired
    Hazards hazards;
    @Autowired
    AuditTrail audit;
    @Autowired
    TestClock clock;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Test
    void the_overdue_sweep_over_a_million_open_hazards_takes_under_ten_seconds_and_runs_once() throws Exception {
        int rows = Integer.getInteger("zhifa.bench.hazards", 1_000_000);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        long org = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        long firm = jdbc.sql("SELECT min(id) FROM enterprise").query(Long.class).single();
        sweep.sweepOverdue(); // the demo city's own overdue hazards, outside the figures
        awaitListeners();

        long started = System.nanoTime();
        jdbc.sql("""
                INSERT INTO hazard (organization_id, enterprise_id, enterprise_name, source, level, description, status, measure,
                  deadline, found_on, registered_at, overdue_notified_for, version)
                SELECT :org, :firm, '压测企业', 'FREE', CASE WHEN g % 50 = 0 THEN 'MAJOR' ELSE 'GENERAL' END, '压测隐患' || g,
                  'RECTIFYING', 'ORDER', CAST(:today AS DATE) + (g % :days - :days / 2), CAST(:today AS DATE) - 600, now(),
                  CASE WHEN g % :days - :days / 2 < -1 THEN CAST(:today AS DATE) + (g % :days - :days / 2) END, 1
                FROM generate_series(1, :rows) g""")
                .param("org", org).param("firm", firm).param("today", today).param("days", DAYS).param("rows", rows).update();
        jdbc.sql("ANALYZE hazard").update();
        long generated = (System.nanoTime() - started) / 1_000_000;
        String yesterday = "deadline = CAST(:yesterday AS DATE) AND description LIKE '压测隐患%'";
        long expected = jdbc.sql("SELECT count(*) FROM hazard WHERE " + yesterday).param("yesterday", today.minusDays(1))
                .query(Long.class).single();

        long[] former = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            int found = formerSweep(today);
            former[run] = (System.nanoTime() - start) / 1_000_000;
            assertThat(found).isEqualTo(expected);
        }
        String formerLoad = Figures.load();

        long[] setBased = new long[RUNS];
        long[] again = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            int found = sweep.sweepOverdue();
            setBased[run] = (System.nanoTime() - start) / 1_000_000;
            assertThat(found).isEqualTo(expected);
            awaitListeners();
            String before = fingerprint();
            start = System.nanoTime();
            assertThat(sweep.sweepOverdue()).as("a second run finds nothing").isZero();
            again[run] = (System.nanoTime() - start) / 1_000_000;
            assertThat(fingerprint()).as("a second run changes nothing").isEqualTo(before);
            if (run < RUNS - 1) { // the same hazards newly overdue again for the next run
                jdbc.sql("UPDATE hazard SET overdue_notified_for = NULL WHERE " + yesterday).param("yesterday", today.minusDays(1)).update();
            }
        }
        String setBasedLoad = Figures.load();
        assertThat(Figures.p(Figures.sorted(setBased), 100)).as("sweep < 10 s").isLessThan(10_000);

        String report = """
                Hazard overdue sweep: %,d open hazards (generated in %,d ms), %,d newly overdue per run; %s; %d runs.
                  set-based sweep (UPDATE … RETURNING, events, 1 audit)   p50 %6d ms  max %6d ms  %s
                  second run the same day (finds 0, changes nothing)     p50 %6d ms  max %6d ms  %s
                  former way (load + save each aggregate, audit each)    p50 %6d ms  max %6d ms  %s
                """.formatted(rows, generated, expected, Figures.machine(), RUNS,
                Figures.p(Figures.sorted(setBased), 50), Figures.p(Figures.sorted(setBased), 100), setBasedLoad,
                Figures.p(Figures.sorted(again), 50), Figures.p(Figures.sorted(again), 100), setBasedLoad,
                Figures.p(Figures.sorted(former), 50), Figures.p(Figures.sorted(former), 100), formerLoad);
        Figures.write("hazard-sweep.txt", report);
        jdbc.sql("DELETE FROM hazard WHERE description LIKE '压测隐患%'").update();
    }

    /** The sweep as it was: the aggregates of the newly overdue hazards loaded, each saved, published and audited. */
    private int formerSweep(LocalDate today) {
        return transaction.execute(status -> {
            List<Long> ids = jdbc.sql("""
                            SELECT id FROM hazard WHERE status = 'RECTIFYING' AND measure = 'ORDER' AND deadline < :today
                            AND (overdue_notified_for IS NULL OR overdue_notified_for <> deadline)""")
                    .param("today", today).query(Long.class).list();
            int count = 0;
            for (Hazard hazard : hazards.findAllById(ids)) {
                hazards.save(hazard);
                events.publishEvent(new cn.zhifa.hazard.HazardOverdue(hazard.getId(), hazard.getOrganizationId(),
                        hazard.getEnterpriseId(), hazard.getEnterpriseName(), hazard.getDescription(), hazard.getLevel(),
                        hazard.getDeadline(), today, hazard.getLegalBasis(), "安全生产法（2021）第一百零二条",
                        hazard.getFoundBy(), hazard.getCampaignId()));
                audit.record("压测：逐条逾期隐患", "隐患", hazard.getId(), AuditRecord.Outcome.SUCCESS, "压测对比，已回滚");
                count++;
            }
            status.setRollbackOnly();
            return count;
        });
    }

    /** What a sweep could change: the hazards' versions and marks, the stored events and the audit log. */
    private String fingerprint() {
        return jdbc.sql("""
                SELECT (SELECT sum(version) || '/' || count(overdue_notified_for) FROM hazard) || ' '
                    || (SELECT count(*) FROM event_publication) || ' ' || (SELECT count(*) FROM audit_log)""")
                .query(String.class).single();
    }

    /** Waits for the listeners of the events the sweep published (case proposals, credit facts) to finish. */
    private void awaitListeners() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single() == 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("event listeners still running after 5 minutes");
    }
}
