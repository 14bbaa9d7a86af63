package cn.zhifa.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.audit.AuditRecord;
import cn.zhifa.audit.AuditTrail;
import cn.zhifa.casework.CaseDeadlines;
import cn.zhifa.casework.CasePeriods;
import cn.zhifa.casework.CaseWarning;
import cn.zhifa.casework.PenaltyCase;
import cn.zhifa.casework.internal.PenaltyCases;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark (not part of the normal build): the daily case deadline sweep with 1,000,000 open deadlines (250,000 filed
 * cases with 4 deadlines each, generated with {@code generate_series}; due days spread over 1,000 days around today, the
 * 临期 day of each computed on law's calendar, yesterday's sweep already done, so a few thousand reach a new level today as
 * on an ordinary day). Times {@link CaseDeadlines#sweep} (one UPDATE … RETURNING feeding the INSERT of the warnings, an
 * event per case, one audit entry), asserts a second run finds and changes nothing, and compares with the former way
 * measured in the same run: every open case's aggregate loaded, its timeline built and each warning inserted (on a
 * sample of the generated cases, rolled back, extrapolated to all of them).
 * <pre>./mvnw -o test -Dtest=CaseDeadlineSweepBenchmark -Dzhifa.bench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Optional: -Dzhifa.bench.deadlines=1000000 -Dzhifa.bench.former=5000. Results: stdout and target/benchmark/case-sweep.txt.
 */
@Tag("benchmark")
@ZhifaIntegrationTest
@EnabledIfSystemProperty(named = "zhifa.bench", matches = "true")
class CaseDeadlineSweepBenchmark {

    static final int DAYS = 1_000;
    static final int PER_CASE = 4;
    static final int RUNS = 3;

    @Autowired
    org.springframework.context.ApplicationContext context;
    /** DDL and the scratch table need the tables' owner: the application role may not create tables or indexes. */
    private JdbcClient owner;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseDeadlines deadlines;
    @Autowired
    CasePeriods periods;
    @Autowired
    PenaltyCases cases;
    @Autowired
    AuditTrail audit;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void the_deadline_sweep_over_a_million_open_deadlines_takes_under_ten_seconds_and_runs_once() throws Exception {
        int rows = Integer.getInteger("zhifa.bench.deadlines", 1_000_000);
        int formerSample = Integer.getInteger("zhifa.bench.former", 5_000);
        LocalDate today = deadlines.today();
        long org = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        long handler = jdbc.sql("SELECT id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        deadlines.sweep(); // the demo city's own deadlines, outside the figures
        owner = JdbcClient.create(cn.zhifa.OwnerDatabase.of(context).dataSource());

        try {
            run(rows, formerSample, today, org, handler);
        } finally {
            // penalty_case.linked_case_id has no index: without one each deleted case's reference check scans the table
            owner.sql("CREATE INDEX IF NOT EXISTS bench_penalty_case_linked ON penalty_case (linked_case_id)").update();
            jdbc.sql("DELETE FROM penalty_case WHERE case_number LIKE '压测案件-%'").update();
            owner.sql("DROP INDEX IF EXISTS bench_penalty_case_linked").update();
            jdbc.sql("DELETE FROM case_deadline_stale WHERE penalty_case NOT IN (SELECT id FROM penalty_case)").update();
            owner.sql("DROP TABLE IF EXISTS bench_due").update();
        }
    }

    private void run(int rows, int formerSample, LocalDate today, long org, long handler) throws Exception {
        int caseCount = rows / PER_CASE;
        LocalDate yesterday = today.minusDays(1);
        long started = System.nanoTime();
        jdbc.sql("""
                INSERT INTO penalty_case (case_number, organization_id, kind, source, procedure_kind, stage, title, party_kind,
                  party_name, handler_id, handler_name, proposed_on, filed_on, version, created_at)
                SELECT '压测案件-' || g, :org, 'ENFORCEMENT', 'COMPLAINT', 'ORDINARY', 'FILED', '压测案件' || g, 'UNIT',
                  '压测企业' || g, :handler, '压测承办人', CAST(:today AS DATE) - 60 - g % 400, CAST(:today AS DATE) - 50 - g % 400, 1, now()
                FROM generate_series(1, :cases) g""")
                .param("org", org).param("handler", handler).param("today", today).param("cases", caseCount).update();
        // each offset's due day and its first 临期 day on law's calendar
        owner.sql("CREATE TABLE bench_due (k INTEGER PRIMARY KEY, due_on DATE NOT NULL, near_from DATE NOT NULL)").update();
        for (int k = 0; k < DAYS; k++) {
            LocalDate due = today.plusDays(k - DAYS / 2);
            owner.sql("INSERT INTO bench_due VALUES (:k, :due, :near)").param("k", k).param("due", due)
                    .param("near", nearFrom(due)).update();
        }
        owner.sql("""
                INSERT INTO case_deadline (penalty_case, deadline, organization_id, handler_id, label, due_on, near_from, provisional,
                                           warned, next_check, swept_on)
                SELECT c.id, x.code, c.organization_id, c.handler_id, x.label, b.due_on, b.near_from, FALSE,
                       CASE WHEN b.near_from > :yesterday THEN NULL WHEN b.due_on < :yesterday THEN 'OVERDUE' ELSE 'NEAR' END,
                       CASE WHEN b.near_from > :yesterday THEN b.near_from WHEN b.due_on < :yesterday THEN NULL ELSE b.due_on + 1 END,
                       CASE WHEN b.near_from > :yesterday THEN NULL ELSE CAST(:yesterday AS DATE) END
                FROM penalty_case c
                CROSS JOIN (VALUES (0, 'DECISION', '处罚决定'), (1, 'MEASURE_1', '查封期限'), (2, 'MEASURE_2', '扣押期限'),
                                   (3, 'SERVICE', '送达')) AS x(n, code, label)
                JOIN bench_due b ON b.k = (c.id * 7 + x.n * 251) % :days
                WHERE c.case_number LIKE '压测案件-%'""")
                .param("yesterday", yesterday).param("days", DAYS).update();
        // generated with their deadlines: nothing left to recompute
        jdbc.sql("DELETE FROM case_deadline_stale WHERE penalty_case IN (SELECT id FROM penalty_case WHERE case_number LIKE '压测案件-%')").update();
        jdbc.sql("ANALYZE case_deadline").update();
        jdbc.sql("ANALYZE penalty_case").update();
        long generated = (System.nanoTime() - started) / 1_000_000;
        long open = jdbc.sql("SELECT count(*) FROM case_deadline").query(Long.class).single();
        long expected = jdbc.sql("SELECT count(*) FROM case_deadline WHERE next_check <= :today").param("today", today)
                .query(Long.class).single();

        long[] former = new long[RUNS];
        int formerFound = 0;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            formerFound = formerSweep(today, formerSample);
            former[run] = (System.nanoTime() - start) / 1_000_000;
        }
        String formerLoad = Figures.load();

        long[] setBased = new long[RUNS];
        long[] again = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            int found = deadlines.sweep();
            setBased[run] = (System.nanoTime() - start) / 1_000_000;
            assertThat((long) found).isEqualTo(expected);
            String before = fingerprint();
            start = System.nanoTime();
            assertThat(deadlines.sweep()).as("a second run finds nothing").isZero();
            again[run] = (System.nanoTime() - start) / 1_000_000;
            assertThat(fingerprint()).as("a second run changes nothing").isEqualTo(before);
            if (run < RUNS - 1) { // the same deadlines reach their level again for the next run
                jdbc.sql("""
                        DELETE FROM case_deadline_warning w USING case_deadline d
                        WHERE w.penalty_case = d.penalty_case AND w.deadline = d.deadline AND d.swept_on = :today""")
                        .param("today", today).update();
                jdbc.sql("""
                        UPDATE case_deadline SET warned = CASE WHEN near_from > :yesterday THEN NULL WHEN due_on < :yesterday THEN 'OVERDUE' ELSE 'NEAR' END,
                               next_check = CASE WHEN near_from > :yesterday THEN near_from WHEN due_on < :yesterday THEN NULL ELSE due_on + 1 END,
                               swept_on = CASE WHEN near_from > :yesterday THEN NULL ELSE CAST(:yesterday AS DATE) END
                        WHERE swept_on = :today""").param("yesterday", yesterday).param("today", today).update();
            }
        }
        String setBasedLoad = Figures.load();
        assertThat(Figures.p(Figures.sorted(setBased), 100)).as("sweep < 10 s").isLessThan(10_000);

        long formerP50 = Figures.p(Figures.sorted(former), 50);
        String report = """
                Case deadline sweep: %,d open deadlines of %,d cases (generated in %,d ms), %,d reaching a new level today; %s; %d runs.
                  set-based sweep (UPDATE … RETURNING → INSERT, event per case, 1 audit)  p50 %6d ms  max %6d ms  %s
                  second run the same day (finds 0, changes nothing)                    p50 %6d ms  max %6d ms  %s
                  former way on %,d of the cases (%,d warnings; load, timeline, insert each) p50 %6d ms  max %6d ms  %s
                  former way extrapolated to all %,d cases                              ≈ %,d s
                """.formatted(open, caseCount, generated, expected, Figures.machine(), RUNS,
                Figures.p(Figures.sorted(setBased), 50), Figures.p(Figures.sorted(setBased), 100), setBasedLoad,
                Figures.p(Figures.sorted(again), 50), Figures.p(Figures.sorted(again), 100), setBasedLoad,
                formerSample, formerFound, formerP50, Figures.p(Figures.sorted(former), 100), formerLoad,
                caseCount, formerP50 * caseCount / Math.max(1, formerSample) / 1000);
        Figures.write("case-sweep.txt", report);
    }

    /** The first day a deadline due on {@code due} is 临期, as the read model computes it. */
    private LocalDate nearFrom(LocalDate due) {
        LocalDate from = due;
        while (periods.near(from.minusDays(1), due)) {
            from = from.minusDays(1);
        }
        return from;
    }

    /** The sweep as it was, on a sample of the open cases: each aggregate loaded, its timeline built, each warning inserted. */
    private int formerSweep(LocalDate today, int sample) {
        return transaction.execute(status -> {
            List<Long> ids = jdbc.sql("SELECT id FROM penalty_case WHERE case_number LIKE '压测案件-%' ORDER BY id LIMIT :n")
                    .param("n", sample).query(Long.class).list();
            int raised = 0;
            for (PenaltyCase c : cases.findAllById(ids)) {
                for (CaseWarning w : deadlines.warnings(c, today)) {
                    raised += jdbc.sql("""
                                    INSERT INTO case_deadline_warning (penalty_case, organization_id, handler_id, deadline, label, due_on,
                                                                       level, provisional, raised_on)
                                    VALUES (:case, :org, :handler, :deadline, :label, :due, :level, :provisional, :today)
                                    ON CONFLICT (penalty_case, deadline, level, due_on) DO NOTHING""")
                            .param("case", w.caseId()).param("org", w.organizationId()).param("handler", w.handlerId())
                            .param("deadline", w.code()).param("label", w.label()).param("due", w.due())
                            .param("level", w.level().name()).param("provisional", w.provisional()).param("today", today)
                            .update();
                }
            }
            audit.record("压测：逐案期限预警", "案件", null, AuditRecord.Outcome.SUCCESS, "压测对比，已回滚");
            status.setRollbackOnly();
            return raised;
        });
    }

    /** What a sweep could change: the read model's marks, the warnings, the stored events and the audit log. */
    private String fingerprint() {
        return jdbc.sql("""
                SELECT (SELECT count(warned) || '/' || count(next_check) || '/' || count(swept_on) FROM case_deadline) || ' '
                    || (SELECT count(*) FROM case_deadline_warning) || ' ' || (SELECT count(*) FROM event_publication) || ' '
                    || (SELECT count(*) FROM audit_log)""")
                .query(String.class).single();
    }
}
