package cn.zhifa.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.audit.AuditTrail;
import cn.zhifa.casework.internal.PenaltyCases;
import cn.zhifa.law.StatutoryPeriod;
import cn.zhifa.law.StatutoryPeriods;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.shared.security.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue 18: a release whose {@code law/legal-rules.yml} carries a corrected statutory period marks every watched case
 * stale at start-up (audited as the system's), and the read model is recomputed on the corrected period.
 */
@ZhifaIntegrationTest
class CaseDeadlinePeriodChangeTests {

    @Autowired
    CaseDeadlines deadlines;
    @Autowired
    CasePeriods periods;
    @Autowired
    PenaltyCases cases;
    @Autowired
    CaseScope scope;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail audit;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    UserManagement users;

    @Test
    void a_release_with_a_corrected_statutory_period_marks_every_watched_case_at_start_up_and_its_deadlines_are_recomputed() {
        deadlines.refresh();
        Map<String, LocalDate> bundled = readModel();
        assertThat(bundled).as("the demo city watches deadlines").isNotEmpty();
        // the next release: every period one unit longer (a corrected legal-rules.yml), the same calendar and rules
        List<StatutoryPeriod> longer = periods.statutoryPeriods().stream().map(p -> new StatutoryPeriod(p.code(), p.name(),
                p.length() + 1, p.counting(), p.backwards(), p.source(), p.effectiveFrom(), p.confirmed(), p.rollsOverRestDays())).toList();
        CasePeriods corrected = new CasePeriods(new StatutoryPeriods(longer, periods.calendar()), periods.calendar(),
                periods.procedure(), periods.rules());
        CaseDeadlines release = new CaseDeadlines(cases, corrected, scope, jdbc, audit, clock, events, transactions);
        long watchedCases = count("SELECT count(DISTINCT penalty_case) FROM case_deadline");
        long audits = count("SELECT count(*) FROM audit_log WHERE action = '案件期限重新计算' AND actor = 'system' AND actor_id IS NULL");
        try {
            release.checkBasis();

            assertThat(count("SELECT count(*) FROM case_deadline_stale s JOIN (SELECT DISTINCT penalty_case FROM case_deadline) d"
                    + " ON d.penalty_case = s.penalty_case")).as("every watched case marked").isEqualTo(watchedCases);
            assertThat(count("SELECT count(*) FROM audit_log WHERE action = '案件期限重新计算' AND actor = 'system' AND actor_id IS NULL"))
                    .as("audited as the system's").isEqualTo(audits + 1);
            release.checkBasis();
            assertThat(count("SELECT count(*) FROM audit_log WHERE action = '案件期限重新计算'")).as("once per change")
                    .isEqualTo(audits + 1);

            release.refresh();

            assertThat(count("SELECT count(*) FROM case_deadline_stale")).isZero();
            Map<String, LocalDate> recomputed = readModel();
            assertThat(recomputed).as("the due days moved").isNotEqualTo(bundled).isEqualTo(computedBy(release));
        } finally {
            // this release again (the next start-up)
            deadlines.checkBasis();
            deadlines.refresh();
        }
        assertThat(readModel()).isEqualTo(bundled);
    }

    @Test
    void more_marked_cases_than_a_read_recomputes_are_recomputed_in_the_background_once_and_the_read_does_not_wait() {
        deadlines.refresh();
        List<StatutoryPeriod> longer = periods.statutoryPeriods().stream().map(p -> new StatutoryPeriod(p.code(), p.name(),
                p.length() + 1, p.counting(), p.backwards(), p.source(), p.effectiveFrom(), p.confirmed(), p.rollsOverRestDays())).toList();
        CasePeriods corrected = new CasePeriods(new StatutoryPeriods(longer, periods.calendar()), periods.calendar(),
                periods.procedure(), periods.rules());
        List<Runnable> queued = new java.util.ArrayList<>();
        CaseDeadlines release = new CaseDeadlines(cases, corrected, scope, jdbc, audit, clock, events, transactions, 1, queued::add);
        UserView leader = users.findByUsername("leader1").orElseThrow();
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(new Actor() {
                    public long userId() { return leader.id(); }
                    public String username() { return leader.username(); }
                    public String displayName() { return leader.displayName(); }
                    public long organizationId() { return leader.organizationId(); }
                    public java.util.Set<cn.zhifa.shared.security.Role> roles() { return leader.roles(); }
                }, null, List.of()));
        try {
            release.checkBasis();
            long marked = count("SELECT count(*) FROM case_deadline_stale");
            assertThat(marked).as("more than the one a read recomputes").isGreaterThan(1);

            release.casesAtRisk(null);
            release.watchList(null, 0, 50);

            assertThat(count("SELECT count(*) FROM case_deadline_stale")).as("the reads recomputed nothing").isEqualTo(marked);
            assertThat(queued).as("one background run, however many reads").hasSize(1);
            assertThat(release.recomputing()).isTrue();

            queued.get(0).run();

            assertThat(count("SELECT count(*) FROM case_deadline_stale")).isZero();
            assertThat(release.recomputing()).isFalse();
            assertThat(readModel()).isEqualTo(computedBy(release));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
            deadlines.checkBasis();
            deadlines.refresh();
        }
    }

    /** The read model: case and deadline → due day. */
    private Map<String, LocalDate> readModel() {
        Map<String, LocalDate> rows = new TreeMap<>();
        jdbc.sql("SELECT penalty_case, deadline, due_on FROM case_deadline")
                .query((rs, n) -> rows.put(rs.getLong(1) + " " + rs.getString(2), rs.getObject(3, LocalDate.class))).list();
        return rows;
    }

    /** What the engine's own timelines say for every case. */
    private Map<String, LocalDate> computedBy(CaseDeadlines engine) {
        Map<String, LocalDate> rows = new TreeMap<>();
        LocalDate today = engine.today();
        cases.findAll().forEach(c -> engine.watched(c, today).forEach(e -> rows.putIfAbsent(c.getId() + " " + e.code(), e.deadline().due())));
        return rows;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
