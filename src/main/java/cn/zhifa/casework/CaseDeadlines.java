package cn.zhifa.casework;

import cn.zhifa.audit.AuditRecord;
import cn.zhifa.audit.AuditTrail;
import cn.zhifa.casework.internal.DeadlineBasis;
import cn.zhifa.casework.internal.PenaltyCases;
import cn.zhifa.casework.internal.measures.MeasureTerm;
import cn.zhifa.casework.internal.measures.MeasureTestings;
import cn.zhifa.casework.internal.measures.TestingPeriod;
import cn.zhifa.casework.internal.service.CaseServices;
import cn.zhifa.law.Deadline;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import cn.zhifa.shared.web.Page;
import java.util.Collection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deadline engine: each case's timeline (立案 → 调查 → 呈批 → 法审 → 告知 → 听证 → 决定 → 送达 → 执行 → 结案 → 归档)
 * with the statutory periods computed on law's calendar, the leader's list of cases near (≤ configured working
 * days) or past a deadline, and the daily sweep that raises 临期/逾期 warnings per handler and organisation.
 */
@Service
public class CaseDeadlines {

    /**
     * Cases whose deadlines are watched: open ones, and ended ones with a 查封/扣押 still in force or a 先行登记保存 not
     * yet decided.
     */
    private static final String OPEN_OR_MEASURE_ACTIVE = "stage NOT IN ('CLOSED','ARCHIVED','REVOKED','TRANSFERRED')"
            + " OR EXISTS (SELECT 1 FROM coercive_measure m WHERE m.penalty_case = penalty_case.id AND m.organization_id = penalty_case.organization_id AND m.ending IS NULL)"
            + " OR EXISTS (SELECT 1 FROM case_record r WHERE r.case_id = penalty_case.id AND r.organization_id = penalty_case.organization_id AND r.kind = 'PRESERVATION'"
            + " AND r.preservation_decision IS NULL)";

    private final PenaltyCases cases;
    private final CasePeriods periods;
    private final CaseScope scope;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    /**
     * Recomputes the read model in its own transaction; the reads that call it (pages, the dashboard, the ranking) hold
     * none while it runs, so it never needs a second connection of the pool.
     */
    private final TransactionTemplate separately;
    /** The basis this node last found recorded (so a page's read checks it without a write). */
    private volatile String checkedBasis = "";
    /** The most marked cases a page's read recomputes itself; more are left to {@link #background}. */
    private final int readRefreshMax;
    /** Where a mass recomputation runs (a changed basis, an import), so that no user's page waits for it. */
    private final java.util.concurrent.Executor background;
    /** Whether this node is recomputing in the background now (one such run at a time). */
    private final java.util.concurrent.atomic.AtomicBoolean recomputing = new java.util.concurrent.atomic.AtomicBoolean();

    CaseDeadlines(PenaltyCases cases, CasePeriods periods, CaseScope scope, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this(cases, periods, scope, jdbc, audit, clock, null, null);
    }

    /** Reads recompute whatever is marked themselves (tests of one engine against another). */
    CaseDeadlines(PenaltyCases cases, CasePeriods periods, CaseScope scope, JdbcClient jdbc, AuditTrail audit, Clock clock,
                  ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this(cases, periods, scope, jdbc, audit, clock, events, transactions, Integer.MAX_VALUE, Runnable::run);
    }

    @Autowired
    CaseDeadlines(PenaltyCases cases, CasePeriods periods, CaseScope scope, JdbcClient jdbc, AuditTrail audit, Clock clock,
                  ApplicationEventPublisher events, PlatformTransactionManager transactions,
                  @Value("${zhifa.casework.deadlines.read-refresh-max}") int readRefreshMax,
                  @Qualifier("applicationTaskExecutor") java.util.concurrent.Executor background) {
        this.readRefreshMax = readRefreshMax;
        this.background = background;
        this.cases = cases;
        this.periods = periods;
        this.scope = scope;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        if (transactions == null) {
            this.separately = null;
        } else {
            this.separately = new TransactionTemplate(transactions);
            this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Every stage of the case with its date, deadline and status, in procedural order. */
    public List<TimelineEntry> timeline(PenaltyCase c, LocalDate today) {
        return timeline(c, today, c.getId() == null || jdbc == null ? CaseServices.ServedDays.NONE
                : CaseServices.servedDays(jdbc, c.getId()));
    }

    /** The same with the days the notice and the decision were served, as the caller already read them. */
    public List<TimelineEntry> timeline(PenaltyCase c, LocalDate today, CaseServices.ServedDays served) {
        return timeline(c, today, served, preserved(c));
    }

    /**
     * The same with the served days and the case's issued 先行登记保存 as the caller already read them (the case page, from
     * {@link InvestigationRecords#ofCase}).
     */
    public List<TimelineEntry> timeline(PenaltyCase c, LocalDate today, CaseServices.ServedDays served,
                                        List<PreservedEvidence> preserved) {
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(done("PROPOSED", "案件来源登记", c.getProposedOn(), null, today));
        entries.add(done("FILED", "立案", c.getFiledOn(), null, today));
        entries.add(done("INVESTIGATED", "调查取证", firstInvestigation(c), null, today));
        entries.addAll(measures(c, today));
        entries.addAll(preservations(preserved, today));
        entries.add(done("PENALTY_PROPOSED", "案件处理呈批", day(c, StepKind.PENALTY_PROPOSED), null, today));
        if (c.isLegalReviewRequired()) {
            entries.add(done("LEGAL_REVIEW", "法制审核", day(c, StepKind.LEGAL_REVIEW), null, today));
        }
        if (c.isCollectiveDiscussionRequired()) {
            entries.add(done("COLLECTIVE_DISCUSSION", "集体讨论", day(c, StepKind.COLLECTIVE_DISCUSSION), null, today));
        }
        // the party's periods run from the service recorded for the notice and the decision, else from the case's own days
        entries.add(done("NOTIFIED", "行政处罚告知", c.getNotifiedOn(), null, today));
        if (c.getNotifiedOn() != null && c.getProcedureKind() == ProcedureKind.ORDINARY) {
            LocalDate noticeServed = served.notice() != null ? served.notice() : c.getNotifiedOn();
            entries.add(partyPeriod("STATEMENT", "陈述申辩期限", periods.statementDue(noticeServed), today));
            if (c.isHearingRight()) {
                entries.add(partyPeriod("HEARING_REQUEST", "听证申请期限", periods.hearingRequestDue(noticeServed), today));
            }
        }
        if (c.getHearingOn() != null) {
            Deadline notice = periods.latestHearingNotice(c.getHearingOn());
            entries.add(done("HEARING_NOTICE", "听证通知（听证七个工作日前）", c.getHearingNotifiedOn(), notice, today));
            entries.add(done("HEARING", "举行听证", c.getHeardOn(), null, today));
        }
        Deadline decision = c.getFiledOn() == null ? null : periods.decisionDue(c.getFiledOn(), c.getDecisionExtensions());
        entries.add(done("DECISION", c.getStage() == CaseStage.NOT_PUNISHED ? "不予处罚决定" : "处罚决定", c.getDecidedOn(),
                c.getProcedureKind() == ProcedureKind.SUMMARY ? null : decision, today));
        if (c.getStage() != CaseStage.NOT_PUNISHED) {
            Deadline service = c.getDecidedOn() == null ? null : periods.serviceDue(c.getDecidedOn());
            LocalDate decisionServed = served.decision() != null ? served.decision() : c.getServedOn();
            entries.add(done("SERVICE", "送达", decisionServed, service, today));
            Deadline payment = c.getInstalments().isEmpty() ? null
                    : served.decision() != null && c.getInstalments().size() == 1 && c.getServedOn() != null
                    && c.getInstalments().get(0).dueOn().equals(periods.paymentDue(c.getServedOn()).due())
                    ? periods.paymentDue(served.decision()) : lastInstalment(c);
            entries.add(done("PAYMENT", "缴纳罚款", c.getExecutedOn(), payment, today));
            if (decisionServed != null && c.getExecutedOn() == null && c.getFineYuan() != null && c.getFineYuan().signum() > 0) {
                entries.add(partyPeriod("RECONSIDERATION", "申请行政复议期限", periods.reconsiderationDue(decisionServed), today));
                entries.add(partyPeriod("LITIGATION", "提起行政诉讼期限", periods.litigationDue(decisionServed), today));
                if (c.getServedOn() != null) { // enforceable from the case's own serve transition (the 送达回执)
                    entries.add(done("COURT_APPLICATION", "申请法院强制执行", c.getEnforcementAppliedOn(),
                            periods.courtApplicationDueFrom(c.enforceableFrom(periods)), today));
                }
            }
        }
        entries.add(done("CLOSED", "结案", c.getClosedOn(), null, today));
        entries.add(done("ARCHIVED", "归档", c.getArchivedOn(), null, today));
        if (!c.getStage().open() && c.getStage() != CaseStage.CLOSED && c.getStage() != CaseStage.ARCHIVED) {
            // revoked or transferred: later stages do not apply
            return entries.stream().map(e -> e.date() == null && e.code().matches("NOTIFIED|DECISION|SERVICE|PAYMENT|ARCHIVED")
                    ? e.notApplicable() : e).toList();
        }
        return entries;
    }

    /**
     * Each 查封/扣押 with its own term (行政强制法第二十五条), its testing periods not counted (第三款): done when released or
     * disposed of.
     */
    public List<TimelineEntry> measures(PenaltyCase c, LocalDate today) {
        var testing = c.getId() == null || jdbc == null ? java.util.Map.<Integer, List<TestingPeriod>>of()
                : MeasureTestings.byMeasure(jdbc, c.getId());
        return c.getMeasures().stream().map(m -> done("MEASURE_" + m.number(),
                m.title() + (m.extended() ? "期限（已延长）" : "期限") + "：解除或作出处理决定", m.endedOn(),
                MeasureTerm.due(periods.measureDue(m.appliedOn(), m.extended()), testing.getOrDefault(m.number(), List.of())),
                today)).toList();
    }

    /**
     * Each 先行登记保存 with its decision period (行政处罚法第五十六条, law's configured period from the preservation day on
     * the legal calendar): done when the decision is recorded ({@link InvestigationRecords#decidePreservation}).
     */
    public List<TimelineEntry> preservations(PenaltyCase c, LocalDate today) {
        return preservations(preserved(c), today);
    }

    private List<TimelineEntry> preservations(List<PreservedEvidence> preserved, LocalDate today) {
        return preserved.stream().map(p -> done("PRESERVATION_" + p.recordId(), "先行登记保存处理决定期限", p.decidedOn(),
                periods.preservationDue(p.preservedOn()), today)).toList();
    }

    private List<PreservedEvidence> preserved(PenaltyCase c) {
        if (c.getId() == null) {
            return List.of();
        }
        return InvestigationRecords.preservationStates(jdbc, clock.getZone(), day -> periods.preservationDue(day).due(), c.getId());
    }

    private Deadline lastInstalment(PenaltyCase c) {
        Instalment last = c.getInstalments().get(c.getInstalments().size() - 1);
        LocalDate from = c.getServedOn() == null ? last.dueOn() : c.getServedOn();
        Deadline base = periods.paymentDue(from);
        return new Deadline(from, base.length(), base.counting(), last.dueOn(), base.provisional(),
                c.getInstalments().size() > 1 || !last.dueOn().equals(base.due())
                        ? "经批准延期（分期）缴纳，最后一期至" + last.dueOn() + "。" : base.basis());
    }

    /** The deadlines officials must meet that are still open, near or past (for warnings and the leader's list). */
    public List<CaseWarning> warnings(PenaltyCase c, LocalDate today) {
        List<CaseWarning> warnings = new ArrayList<>();
        for (TimelineEntry e : watched(c, today)) {
            if (e.status() == TimelineEntry.Status.NEAR || e.status() == TimelineEntry.Status.OVERDUE) {
                warnings.add(new CaseWarning(c.getId(), c.getCaseNumber(), c.getTitle(), c.getHandlerId(), c.getHandlerName(),
                        c.getOrganizationId(), e.code(), e.label(), e.deadline().due(), e.status(), e.deadline().provisional()));
            }
        }
        return warnings;
    }

    /**
     * The deadlines officials must still meet (not the party's periods), whatever their status today: what the read model
     * holds for the case. An ended case still watches a 查封/扣押 not yet released or disposed of, and a 先行登记保存 not yet
     * decided.
     */
    List<TimelineEntry> watched(PenaltyCase c, LocalDate today) {
        List<TimelineEntry> entries = new ArrayList<>();
        if (c.getStage().open()) {
            entries.addAll(timeline(c, today));
        } else {
            entries.addAll(measures(c, today));
            entries.addAll(preservations(c, today));
        }
        return entries.stream().filter(e -> e.deadline() != null && !e.partyPeriod() && (e.status() == TimelineEntry.Status.RUNNING
                || e.status() == TimelineEntry.Status.NEAR || e.status() == TimelineEntry.Status.OVERDUE)).toList();
    }

    /** The first day a deadline due on {@code due} is 临期 (within the configured working days), on law's calendar. */
    LocalDate nearFrom(LocalDate due) {
        LocalDate from = due;
        for (int i = 0; i < 60 && periods.near(from.minusDays(1), due); i++) {
            from = from.minusDays(1);
        }
        return from;
    }

    /**
     * Cases of the user's scope near or past a deadline, most urgent first. Not in a read-only transaction, as the paged
     * list below: its refresh of the cases users just changed commits in a transaction of its own.
     */
    public List<CaseWarning> watchList() {
        return watchList(null, 0, Integer.MAX_VALUE).items();
    }

    /**
     * One page of the cases near or past a deadline in the user's scope (or the part of it in {@code units}), most urgent
     * first, read from the maintained read model in SQL (issue 18: no timeline is built on a read).
     */
    public Page<CaseWarning> watchList(Collection<Long> units, int page, int size) {
        List<Long> orgs = List.copyOf(scope.visibleOrganizationIds());
        if (units != null) {
            orgs = orgs.stream().filter(units::contains).toList();
        }
        if (orgs.isEmpty()) {
            return Page.empty(page, size);
        }
        refreshForRead();
        LocalDate today = today();
        List<CaseWarning> items = jdbc.sql("""
                        SELECT d.penalty_case, c.case_number, c.title, c.handler_id, c.handler_name, d.organization_id, d.deadline,
                               d.label, d.due_on, d.provisional
                        FROM case_deadline d JOIN penalty_case c ON c.id = d.penalty_case
                        WHERE d.organization_id IN (:orgs) AND d.near_from <= :today
                        ORDER BY d.due_on, c.case_number, d.deadline LIMIT :limit OFFSET :offset""")
                .param("orgs", orgs).param("today", today).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    return new CaseWarning(rs.getLong("penalty_case"), rs.getString("case_number"), rs.getString("title"),
                            rs.getLong("handler_id"), rs.getString("handler_name"), rs.getLong("organization_id"),
                            rs.getString("deadline"), rs.getString("label"), due,
                            today.isAfter(due) ? TimelineEntry.Status.OVERDUE : TimelineEntry.Status.NEAR, rs.getBoolean("provisional"));
                }).list();
        long total = page == 0 && items.size() < size ? items.size()
                : jdbc.sql("SELECT count(*) FROM case_deadline WHERE organization_id IN (:orgs) AND near_from <= :today")
                .param("orgs", orgs).param("today", today).query(Long.class).single();
        return new Page<>(items, page, size, total);
    }

    /**
     * How many cases of the user's scope are past a deadline today (逾期, as the watch list marks them), by the unit that
     * handles them: counted in SQL, where the supervision dashboard and the ranking read the whole watch list before.
     */
    public Map<Long, Long> overduePerUnit() {
        List<Long> orgs = List.copyOf(scope.visibleOrganizationIds());
        if (orgs.isEmpty()) {
            return Map.of();
        }
        refreshForRead();
        Map<Long, Long> perUnit = new HashMap<>();
        jdbc.sql("""
                        SELECT organization_id, count(DISTINCT penalty_case) FROM case_deadline
                        WHERE organization_id IN (:orgs) AND near_from <= :today AND due_on < :today GROUP BY organization_id""")
                .param("orgs", orgs).param("today", today())
                .query(rs -> {
                    perUnit.put(rs.getLong(1), rs.getLong(2));
                });
        return perUnit;
    }

    /** How many cases of the user's scope are 临期 and how many 逾期 today, as the home page counts them. */
    public record CasesAtRisk(long near, long overdue) {
    }

    /**
     * Counted in one statement ({@code handlerId} not null: only that handler's cases): the home page shows both side by
     * side, and the read model is brought up to date once for both.
     */
    public CasesAtRisk casesAtRisk(Long handlerId) {
        List<Long> orgs = List.copyOf(scope.visibleOrganizationIds());
        if (orgs.isEmpty()) {
            return new CasesAtRisk(0, 0);
        }
        refreshForRead();
        LocalDate today = today();
        return jdbc.sql("""
                        SELECT count(DISTINCT CASE WHEN due_on >= :today THEN penalty_case END),
                               count(DISTINCT CASE WHEN due_on < :today THEN penalty_case END)
                        FROM case_deadline WHERE organization_id IN (:orgs) AND near_from <= :today"""
                        + (handlerId == null ? "" : " AND handler_id = :handler"))
                .param("orgs", orgs).param("today", today).params(handlerId == null ? java.util.Map.of() : java.util.Map.of("handler", handlerId))
                .query((rs, n) -> new CasesAtRisk(rs.getLong(1), rs.getLong(2))).single();
    }

    /** A handler's open cases with a warning of this level raised by the sweep (on any day). */
    @Transactional(readOnly = true)
    public long warningsFor(long handlerId, TimelineEntry.Status level) {
        return jdbc.sql("""
                        SELECT count(DISTINCT w.penalty_case) FROM case_deadline_warning w JOIN penalty_case c ON c.id = w.penalty_case
                        WHERE w.handler_id = :handler AND w.level = :level
                          AND c.stage NOT IN ('CLOSED','ARCHIVED','REVOKED','TRANSFERRED')""")
                .param("handler", handlerId).param("level", level.name())
                .query(Long.class).single();
    }

    /**
     * The daily sweep: records the 临期/逾期 warnings of every open case, each once per case, deadline, level and due day
     * (a deadline still overdue the next day is not raised again; a new due day after an extension is). Set-based (issue
     * 18): the read model is brought up to date for the cases changed since it was last read, then one statement marks the
     * deadlines that have reached a new level today and inserts their warnings; one {@link CaseDeadlinesWarned} per case,
     * one audit entry per sweep. A second run the same day finds nothing and changes nothing.
     */
    @Scheduled(cron = "${zhifa.casework.sweep-cron:0 30 6 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "case-deadline-sweep")
    @Transactional
    public int sweep() {
        refresh();
        LocalDate today = today();
        // the clock set back (a corrected server clock, tests): what a later day's sweep marked is watched afresh (the
        // warnings' unique key still raises each once)
        jdbc.sql("UPDATE case_deadline SET warned = NULL, next_check = near_from, swept_on = NULL WHERE swept_on > :today")
                .param("today", today).update();
        java.util.Map<Long, List<CaseWarning>> byCase = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        WITH reached AS (
                            UPDATE case_deadline SET warned = CASE WHEN due_on < :today THEN 'OVERDUE' ELSE 'NEAR' END,
                                                     next_check = CASE WHEN due_on < :today THEN NULL ELSE due_on + 1 END,
                                                     swept_on = :today
                            WHERE next_check <= :today
                            RETURNING penalty_case, deadline, organization_id, handler_id, label, due_on, provisional, warned),
                        raised AS (
                            INSERT INTO case_deadline_warning (penalty_case, organization_id, handler_id, deadline, label, due_on,
                                                               level, provisional, raised_on)
                            SELECT penalty_case, organization_id, handler_id, deadline, label, due_on, warned, provisional, :today
                            FROM reached
                            ON CONFLICT (penalty_case, deadline, level, due_on) DO NOTHING
                            RETURNING penalty_case, organization_id, handler_id, deadline, label, due_on, level, provisional)
                        SELECT r.*, c.case_number, c.title, c.handler_name FROM raised r JOIN penalty_case c ON c.id = r.penalty_case
                        ORDER BY r.penalty_case, r.due_on, r.deadline""")
                .param("today", today)
                .query((rs, n) -> byCase.computeIfAbsent(rs.getLong("penalty_case"), k -> new ArrayList<>())
                        .add(new CaseWarning(rs.getLong("penalty_case"), rs.getString("case_number"), rs.getString("title"),
                                rs.getLong("handler_id"), rs.getString("handler_name"), rs.getLong("organization_id"),
                                rs.getString("deadline"), rs.getString("label"), rs.getObject("due_on", LocalDate.class),
                                TimelineEntry.Status.valueOf(rs.getString("level")), rs.getBoolean("provisional"))))
                .list();
        int raised = byCase.values().stream().mapToInt(List::size).sum();
        if (events != null) {
            byCase.values().forEach(warnings -> events.publishEvent(new CaseDeadlinesWarned(warnings.get(0).caseId(),
                    warnings.get(0).organizationId(), warnings.get(0).handlerId(), today, List.copyOf(warnings))));
        }
        if (raised > 0) {
            audit.record("案件期限预警", "案件", byCase.size() == 1 ? byCase.keySet().iterator().next() : null,
                    AuditRecord.Outcome.SUCCESS, "新增临期/逾期预警" + raised + "条，涉及案件" + byCase.size() + "件");
        }
        return raised;
    }

    /**
     * Brings the read model up to date: the calendar or rules changed → every watched case is marked; then each marked
     * case's deadlines are recomputed from its aggregate, a batch at a time, in a transaction of their own (several nodes
     * share the work: a case another node is computing is skipped). A mark set again while a case was computed stays.
     */
    public void refresh() {
        if (separately == null) {
            return;
        }
        checkBasisIfChanged();
        if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM case_deadline_stale)").query(Boolean.class).single()) {
            return;
        }
        refreshMarked();
    }

    /** Cheap when nothing changed (every page's menu counts read the model): no write, no transaction of its own. */
    private void checkBasisIfChanged() {
        String basis = basisFingerprint();
        if (!basis.equals(checkedBasis)) {
            separately.executeWithoutResult(status -> markAllIfBasisChanged(basis));
            checkedBasis = basis;
        }
    }

    private void refreshMarked() {
        while (Boolean.TRUE.equals(separately.execute(status -> refreshBatch(500)))) {
            // next batch
        }
    }

    /**
     * Brings the read model up to date before a page reads it, as {@link #refresh} does, when few cases are marked (the
     * cases users just changed: they see their change at once). When more are (every watched case after the basis changed,
     * an import), this node recomputes them in the background, one run at a time, and the page reads the model as it is
     * meanwhile ({@link #recomputing}): at a province that is 40,000 cases and about a minute, which no user's request
     * waits for. Not in a read-only transaction of the reader's: a transaction of its own beside it would hold a second
     * connection of the pool.
     */
    private void refreshForRead() {
        if (separately == null) {
            return;
        }
        checkBasisIfChanged();
        int marked = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM case_deadline_stale LIMIT :max) s")
                .param("max", (long) readRefreshMax + 1).query(Integer.class).single();
        if (marked == 0) {
            return;
        }
        if (marked <= readRefreshMax) {
            refreshMarked();
            return;
        }
        if (recomputing.compareAndSet(false, true)) {
            try {
                background.execute(() -> {
                    try {
                        refresh();
                    } finally {
                        recomputing.set(false);
                    }
                });
            } catch (RuntimeException refused) { // the executor is shutting down: the next read or the sweep recomputes
                recomputing.set(false);
            }
        }
    }

    /**
     * Whether this node is recomputing many cases' deadlines in the background now: the deadline list says so, since
     * what it shows may not yet reflect a changed calendar or statutory period.
     */
    public boolean recomputing() {
        return recomputing.get();
    }

    /**
     * At start-up (a new release may carry corrected statutory periods in {@code law/legal-rules.yml}): when what the
     * deadlines rest on differs from what the read model was computed on, every watched case is marked; the next read or
     * sweep recomputes them ({@link #refresh}).
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void checkBasis() {
        if (separately == null) {
            return;
        }
        String basis = basisFingerprint();
        separately.executeWithoutResult(status -> markAllIfBasisChanged(basis));
        checkedBasis = basis;
    }

    /** The statutory periods, the calendar's notices and the warning rules the computed days rest on, as a hash. */
    private String basisFingerprint() {
        return DeadlineBasis.fingerprint(periods.statutoryPeriods(), periods.calendar().notices(), periods.rules());
    }

    private void markAllIfBasisChanged(String fingerprint) {
        // one node marks: the others wait on the row's lock and then find the new fingerprint
        jdbc.sql("INSERT INTO case_deadline_basis (id, fingerprint) VALUES (1, '') ON CONFLICT (id) DO NOTHING").update();
        String recorded = jdbc.sql("SELECT fingerprint FROM case_deadline_basis WHERE id = 1 FOR UPDATE").query(String.class).single();
        if (recorded.equals(fingerprint)) {
            return;
        }
        int marked = jdbc.sql("INSERT INTO case_deadline_stale (penalty_case, marked) SELECT id, nextval('case_deadline_stale_seq') FROM penalty_case"
                + " WHERE " + OPEN_OR_MEASURE_ACTIVE + " OR EXISTS (SELECT 1 FROM case_deadline d WHERE d.penalty_case = penalty_case.id)"
                + " ON CONFLICT (penalty_case) DO UPDATE SET marked = EXCLUDED.marked").update();
        jdbc.sql("UPDATE case_deadline_basis SET fingerprint = :f WHERE id = 1").param("f", fingerprint).update();
        asSystem(() -> audit.record("案件期限重新计算", "案件", null, AuditRecord.Outcome.SUCCESS, (recorded.isEmpty()
                ? "首次计算案件期限，" : "法定期限、节假日安排或期限预警规则已变更，") + marked + "件案件的期限待重新计算"));
    }

    /** A change the system makes of its own accord, audited as such even when a user's read set it off. */
    private static void asSystem(Runnable work) {
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        try {
            work.run();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        }
    }

    /** Recomputes up to {@code limit} marked cases; false when none was left. */
    private boolean refreshBatch(int limit) {
        java.util.Map<Long, Long> marks = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT penalty_case, marked FROM case_deadline_stale ORDER BY penalty_case LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("limit", limit).query((rs, n) -> marks.put(rs.getLong(1), rs.getLong(2))).list();
        if (marks.isEmpty()) {
            return false;
        }
        LocalDate today = today();
        List<Object[]> rows = new ArrayList<>();
        java.util.Set<Long> found = new java.util.HashSet<>();
        for (PenaltyCase c : cases.findAllById(marks.keySet())) {
            found.add(c.getId());
            java.util.Set<String> codes = new java.util.HashSet<>();
            for (TimelineEntry e : watched(c, today)) {
                if (codes.add(e.code())) {
                    LocalDate due = e.deadline().due();
                    rows.add(new Object[] {c.getId(), e.code(), c.getOrganizationId(), c.getHandlerId(), e.label(), due, nearFrom(due),
                            e.deadline().provisional()});
                }
            }
            List<String> kept = List.copyOf(codes);
            jdbc.sql("DELETE FROM case_deadline WHERE penalty_case = :case" + (kept.isEmpty() ? "" : " AND deadline NOT IN (:codes)"))
                    .param("case", c.getId()).params(kept.isEmpty() ? java.util.Map.of() : java.util.Map.of("codes", kept)).update();
        }
        for (Object[] r : rows) {
            // the sweep's mark stays while the deadline keeps its due day; a new due day is watched afresh
            jdbc.sql("""
                            INSERT INTO case_deadline (penalty_case, deadline, organization_id, handler_id, label, due_on, near_from,
                                                       provisional, warned, next_check)
                            VALUES (:case, :deadline, :org, :handler, :label, :due, :near, :provisional, NULL, :near)
                            ON CONFLICT (penalty_case, deadline) DO UPDATE SET organization_id = EXCLUDED.organization_id,
                                handler_id = EXCLUDED.handler_id, label = EXCLUDED.label, provisional = EXCLUDED.provisional,
                                due_on = EXCLUDED.due_on, near_from = EXCLUDED.near_from,
                                warned = CASE WHEN case_deadline.due_on = EXCLUDED.due_on THEN case_deadline.warned END,
                                swept_on = CASE WHEN case_deadline.due_on = EXCLUDED.due_on THEN case_deadline.swept_on END,
                                next_check = CASE WHEN case_deadline.due_on = EXCLUDED.due_on AND case_deadline.near_from = EXCLUDED.near_from
                                                  THEN case_deadline.next_check ELSE EXCLUDED.next_check END""")
                    .param("case", r[0]).param("deadline", r[1]).param("org", r[2]).param("handler", r[3]).param("label", r[4])
                    .param("due", r[5]).param("near", r[6]).param("provisional", r[7]).update();
        }
        List<Long> gone = marks.keySet().stream().filter(id -> !found.contains(id)).toList();
        if (!gone.isEmpty()) {
            jdbc.sql("DELETE FROM case_deadline WHERE penalty_case IN (:ids)").param("ids", gone).update();
        }
        for (var mark : marks.entrySet()) {
            jdbc.sql("DELETE FROM case_deadline_stale WHERE penalty_case = :case AND marked = :marked")
                    .param("case", mark.getKey()).param("marked", mark.getValue()).update();
        }
        return true;
    }

    private TimelineEntry done(String code, String label, LocalDate date, Deadline deadline, LocalDate today) {
        return TimelineEntry.of(code, label, date, deadline, today, false, periods);
    }

    private TimelineEntry partyPeriod(String code, String label, Deadline deadline, LocalDate today) {
        return TimelineEntry.of(code, label, null, deadline, today, true, periods);
    }

    private static LocalDate firstInvestigation(PenaltyCase c) {
        return c.getSteps().stream().filter(s -> s.kind() == StepKind.INQUIRY || s.kind() == StepKind.SITE_EXAMINATION
                || s.kind() == StepKind.EVIDENCE).map(CaseStep::occurredOn).findFirst().orElse(null);
    }

    private static LocalDate day(PenaltyCase c, StepKind what) {
        Optional<CaseStep> step = c.lastStep(what);
        return step.map(CaseStep::occurredOn).orElse(null);
    }
}
