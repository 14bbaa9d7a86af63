package cn.zhifa.casework;

import cn.zhifa.audit.AuditRecord;
import cn.zhifa.audit.AuditTrail;
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
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
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
            + " OR EXISTS (SELECT 1 FROM coercive_measure m WHERE m.penalty_case = penalty_case.id AND m.ending IS NULL)"
            + " OR EXISTS (SELECT 1 FROM case_record r WHERE r.case_id = penalty_case.id AND r.kind = 'PRESERVATION'"
            + " AND r.preservation_decision IS NULL)";

    private final PenaltyCases cases;
    private final CasePeriods periods;
    private final CaseScope scope;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    CaseDeadlines(PenaltyCases cases, CasePeriods periods, CaseScope scope, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.cases = cases;
        this.periods = periods;
        this.scope = scope;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Every stage of the case with its date, deadline and status, in procedural order. */
    public List<TimelineEntry> timeline(PenaltyCase c, LocalDate today) {
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(done("PROPOSED", "案件来源登记", c.getProposedOn(), null, today));
        entries.add(done("FILED", "立案", c.getFiledOn(), null, today));
        entries.add(done("INVESTIGATED", "调查取证", firstInvestigation(c), null, today));
        entries.addAll(measures(c, today));
        entries.addAll(preservations(c, today));
        entries.add(done("PENALTY_PROPOSED", "案件处理呈批", day(c, StepKind.PENALTY_PROPOSED), null, today));
        if (c.isLegalReviewRequired()) {
            entries.add(done("LEGAL_REVIEW", "法制审核", day(c, StepKind.LEGAL_REVIEW), null, today));
        }
        if (c.isCollectiveDiscussionRequired()) {
            entries.add(done("COLLECTIVE_DISCUSSION", "集体讨论", day(c, StepKind.COLLECTIVE_DISCUSSION), null, today));
        }
        // the party's periods run from the service recorded for the notice and the decision, else from the case's own days
        CaseServices.ServedDays served = c.getId() == null || jdbc == null ? CaseServices.ServedDays.NONE
                : CaseServices.servedDays(jdbc, c.getId());
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
        if (c.getId() == null) {
            return List.of();
        }
        return InvestigationRecords.preservationStates(jdbc, clock.getZone(), day -> periods.preservationDue(day).due(), c.getId())
                .stream().map(p -> done("PRESERVATION_" + p.recordId(), "先行登记保存处理决定期限", p.decidedOn(),
                        periods.preservationDue(p.preservedOn()), today)).toList();
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
        // an ended case still warns about a 查封/扣押 not yet released or disposed of, and a 先行登记保存 not yet decided
        List<TimelineEntry> entries = new ArrayList<>();
        if (c.getStage().open()) {
            entries.addAll(timeline(c, today));
        } else {
            entries.addAll(measures(c, today));
            entries.addAll(preservations(c, today));
        }
        List<CaseWarning> warnings = new ArrayList<>();
        for (TimelineEntry e : entries) {
            if (e.deadline() != null && (e.status() == TimelineEntry.Status.NEAR || e.status() == TimelineEntry.Status.OVERDUE)
                    && !e.partyPeriod()) {
                warnings.add(new CaseWarning(c.getId(), c.getCaseNumber(), c.getTitle(), c.getHandlerId(), c.getHandlerName(),
                        c.getOrganizationId(), e.code(), e.label(), e.deadline().due(), e.status(), e.deadline().provisional()));
            }
        }
        return warnings;
    }

    /** Cases of the user's scope near or past a deadline, most urgent first. */
    @Transactional(readOnly = true)
    public List<CaseWarning> watchList() {
        List<Long> orgs = List.copyOf(scope.visibleOrganizationIds());
        if (orgs.isEmpty()) {
            return List.of();
        }
        LocalDate today = today();
        List<Long> ids = jdbc.sql("SELECT id FROM penalty_case WHERE organization_id IN (:orgs) AND (" + OPEN_OR_MEASURE_ACTIVE + ")")
                .param("orgs", orgs).query(Long.class).list();
        List<CaseWarning> all = new ArrayList<>();
        cases.findAllById(ids).forEach(c -> all.addAll(warnings(c, today)));
        all.sort(Comparator.comparing(CaseWarning::due).thenComparing(CaseWarning::caseNumber));
        return all;
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
     * (a deadline still overdue the next day is not raised again; a new due day after an extension is).
     */
    @Scheduled(cron = "${zhifa.casework.sweep-cron:0 30 6 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "case-deadline-sweep")
    @Transactional
    public int sweep() {
        LocalDate today = today();
        List<Long> ids = jdbc.sql("SELECT id FROM penalty_case WHERE " + OPEN_OR_MEASURE_ACTIVE)
                .query(Long.class).list();
        int raised = 0;
        for (PenaltyCase c : cases.findAllById(ids)) {
            for (CaseWarning w : warnings(c, today)) {
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
        if (raised > 0) {
            audit.record("案件期限预警", "案件", null, AuditRecord.Outcome.SUCCESS, "新增临期/逾期预警" + raised + "条");
        }
        return raised;
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
