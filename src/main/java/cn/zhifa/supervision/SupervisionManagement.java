package cn.zhifa.supervision;

import cn.zhifa.casework.CaseDeadlines;
import cn.zhifa.casework.CaseManagement;
import cn.zhifa.casework.CaseStatistics;
import cn.zhifa.casework.PenaltyCase;
import cn.zhifa.hazard.Hazard;
import cn.zhifa.hazard.HazardManagement;
import cn.zhifa.hazard.HazardStatistics;
import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.inspection.InspectionStatistics;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.supervision.SupervisionOrderView.SubjectKind;
import cn.zhifa.supervision.internal.OrderBook;
import cn.zhifa.supervision.internal.ReviewLedger;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisor's questions: which unit is behind (the dashboard, every unit in scope, its subunits included, from
 * the other modules' statistics and lists), 督办单 on a case, hazard or unit with a reply deadline, and 约谈 records.
 */
@Service
public class SupervisionManagement {

    @Schema(description = "下达督办单：subjectKind 为 CASE（案件）、HAZARD（隐患）或 UNIT（单位），subjectId 为案件、隐患或单位的编号")
    public record IssueOrder(@NotNull(message = "请选择督办事项类别") SubjectKind subjectKind,
                             @NotNull(message = "请选择督办的案件、隐患或单位") Long subjectId,
                             @NotBlank(message = "请填写督办要求") @Size(max = 2000, message = "督办要求不超过2000字") String demand,
                             @NotNull(message = "请填写回复期限") LocalDate replyDue) {
    }

    @Schema(description = "回复督办单")
    public record ReplyOrder(@NotBlank(message = "请填写回复内容") @Size(max = 2000, message = "回复不超过2000字") String reply,
                             @NotNull(message = "缺少版本号") Integer version) {
    }

    @Schema(description = "记录约谈")
    public record RecordInterview(@NotNull(message = "请选择被约谈单位") Long unitId,
                                  @NotNull(message = "请填写约谈日期") LocalDate heldOn,
                                  @NotBlank(message = "请填写被约谈人") @Size(max = 300, message = "被约谈人不超过300字") String interviewees,
                                  @NotBlank(message = "请填写约谈事由") @Size(max = 2000, message = "约谈事由不超过2000字") String reason,
                                  @NotBlank(message = "请填写整改承诺") @Size(max = 2000, message = "整改承诺不超过2000字") String commitments) {
    }

    @Schema(description = "登记行政复议或行政诉讼：caseId 为被复议、起诉的处罚案件编号")
    public record RecordReview(@NotNull(message = "请填写案件编号") Long caseId,
                               @NotNull(message = "请选择类别") ReviewView.Kind kind,
                               @NotBlank(message = "请填写复议机关或人民法院") @Size(max = 200, message = "复议机关或法院不超过200字") String body,
                               @NotNull(message = "请填写申请或起诉日期") LocalDate filedOn,
                               @Size(max = 2000, message = "备注不超过2000字") String note) {
    }

    @Schema(description = "登记复议决定或裁判结果：结果为变更的，须填写变更后的罚款金额")
    public record DecideReview(@NotNull(message = "请选择结果") ReviewView.Outcome outcome,
                               @NotNull(message = "请填写决定或裁判日期") LocalDate decidedOn,
                               BigDecimal changedFineYuan,
                               @NotNull(message = "缺少版本号") Integer version) {
    }

    private final OrganizationManagement organizations;
    private final DataScope scope;
    private final InspectionManagement inspections;
    private final HazardManagement hazards;
    private final CaseStatistics caseStatistics;
    private final CaseDeadlines caseDeadlines;
    private final CaseManagement cases;
    private final OrderBook book;
    private final ReviewLedger reviews;
    private final Clock clock;
    private final cn.zhifa.publicity.PublicityManagement publicity;
    private final cn.zhifa.registry.OfficerManagement officers;

    SupervisionManagement(OrganizationManagement organizations, DataScope scope, InspectionManagement inspections,
                          HazardManagement hazards, CaseStatistics caseStatistics, CaseDeadlines caseDeadlines,
                          CaseManagement cases, OrderBook book, ReviewLedger reviews, Clock clock,
                          cn.zhifa.publicity.PublicityManagement publicity, cn.zhifa.registry.OfficerManagement officers) {
        this.publicity = publicity;
        this.officers = officers;
        this.organizations = organizations;
        this.scope = scope;
        this.inspections = inspections;
        this.hazards = hazards;
        this.caseStatistics = caseStatistics;
        this.caseDeadlines = caseDeadlines;
        this.cases = cases;
        this.book = book;
        this.reviews = reviews;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Every unit of the caller's scope (depth-first), each with its subunits' figures included. Not in a transaction of
     * its own: the case deadlines' read model may first recompute the cases users just changed in a transaction of its
     * own, which beside a held one would need a second connection of the pool; each module's figures are read in theirs.
     */
    public Overview overview(int year) {
        List<OrganizationView> units = organizations.visibleTree();
        Map<Long, Long> visits = new HashMap<>();
        InspectionStatistics inspected = inspections.statistics(year);
        inspected.perUnit().forEach(r -> visits.merge(r.id(), r.visits(), Long::sum));
        Map<Long, Long> found = new HashMap<>();
        HazardStatistics hazardFigures = hazards.statistics(year);
        hazardFigures.perUnit().forEach(r -> found.merge(r.id(), r.found(), Long::sum));
        Map<Long, Long> filed = new HashMap<>();
        Map<Long, BigDecimal> fines = new HashMap<>();
        for (CaseStatistics.UnitFigures f : caseStatistics.perUnit(year)) {
            filed.put(f.organizationId(), f.filed());
            fines.put(f.organizationId(), f.finesYuan());
        }
        Map<Long, Long> overdueCases = caseDeadlines.overduePerUnit();
        Map<Long, Long> overdueHazards = hazards.overduePerUnit();
        List<UnitFigures> rows = new ArrayList<>();
        int rootDepth = units.isEmpty() ? 1 : units.get(0).depth();
        for (OrganizationView unit : units) {
            List<Long> subtree = organizations.subtreeIds(unit.id());
            // a case is handled by one unit: its subtree's overdue cases are the sum of its units' own
            rows.add(new UnitFigures(unit.id(), unit.name(), unit.depth() - rootDepth,
                    sum(subtree, visits), sum(subtree, found), sum(subtree, overdueHazards), sum(subtree, filed),
                    sum(subtree, overdueCases),
                    subtree.stream().map(id -> fines.getOrDefault(id, BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add)));
        }
        Overview.MonthTrend trend = new Overview.MonthTrend(months(inspections.visitsPerMonth(year)),
                months(hazards.foundPerMonth(year)), months(caseStatistics.filedPerMonth(year)));
        return new Overview(year, rows, trend);
    }

    /**
     * The 逾期 figure of every unit of the caller's scope, subunits included: its overdue hazards plus its overdue cases,
     * as the dashboard counts them, from one hazard query and one count of the cases per unit (not the whole dashboard).
     * Not in a transaction of its own, as {@link #overview}.
     */
    public Map<Long, Long> overduePerUnit() {
        List<OrganizationView> units = organizations.visibleTree();
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, Long> rows = new java.util.LinkedHashMap<>();
        for (OrganizationView unit : units) {
            rows.put(unit.id(), 0L);
            if (unit.parentId() != null) {
                parents.put(unit.id(), unit.parentId());
            }
        }
        // a case is handled by one unit: each unit's own count goes to it and to every unit above it in the scope
        Map<Long, Long> own = new HashMap<>(hazards.overduePerUnit());
        caseDeadlines.overduePerUnit().forEach((unit, cases) -> own.merge(unit, cases, Long::sum));
        own.forEach((unit, count) -> {
            for (Long at = unit; at != null && rows.containsKey(at); at = parents.get(at)) {
                rows.merge(at, count, Long::sum);
            }
        });
        return rows;
    }

    /**
     * Per unit of the scope (subunits included): publicity on time (one call for the year's per-unit figures) and the
     * 执法参与率 (certified officers counted today, or on 31 December of a past year).
     */
    @Transactional(readOnly = true)
    public Map<Long, UnitPerformance> performance(int year) {
        Map<Long, long[]> publicityByUnit = new HashMap<>();
        for (cn.zhifa.publicity.PublicityStatistics.UnitRate rate : publicity.statistics(year).units()) {
            publicityByUnit.put(rate.organizationId(), new long[] {rate.due(), rate.publishedOnTime()});
        }
        LocalDate on = year >= today().getYear() ? today() : LocalDate.of(year, 12, 31);
        Map<Long, UnitPerformance> rows = new java.util.LinkedHashMap<>();
        for (OrganizationView unit : organizations.visibleTree()) {
            List<Long> subtree = organizations.subtreeIds(unit.id());
            long due = 0, onTime = 0;
            for (Long id : subtree) {
                long[] p = publicityByUnit.getOrDefault(id, new long[2]);
                due += p[0];
                onTime += p[1];
            }
            cn.zhifa.registry.OfficerStatistics o = officers.statistics(year, on, subtree);
            rows.put(unit.id(), new UnitPerformance(unit.id(), due, onTime, cn.zhifa.publicity.PublicityStatistics.rate(onTime, due),
                    o.certified(), o.participating(), o.participationRatePercent()));
        }
        return rows;
    }

    /** The submitted inspection records of the year in scope that carry a GPS position, for the map (at most 2000). */
    @Transactional(readOnly = true)
    public List<InspectionPoint> inspectionPoints(int year) {
        List<OrganizationView> units = organizations.visibleTree();
        if (units.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = new HashMap<>();
        units.forEach(u -> names.put(u.id(), u.name()));
        List<InspectionPoint> points = new ArrayList<>();
        for (cn.zhifa.inspection.InspectionRecord r : inspections.submittedRecords(units.get(0).id(), year, 2000)) {
            if (r.getLatitude() != null && r.getLongitude() != null) {
                points.add(new InspectionPoint(r.getId(), r.getEnterpriseName(), names.getOrDefault(r.getOrganizationId(), ""),
                        LocalDate.ofInstant(r.getStartedAt(), java.time.ZoneId.of("Asia/Shanghai")), r.getLatitude(),
                        r.getLongitude()));
            }
        }
        return points;
    }

    private static long sum(List<Long> ids, Map<Long, Long> figures) {
        return ids.stream().mapToLong(id -> figures.getOrDefault(id, 0L)).sum();
    }

    private static List<Long> months(long[] byMonth) {
        return Arrays.stream(byMonth, 1, 13).boxed().toList();
    }

    // ---- 督办

    /** Issues a 督办单 to the unit that owns the case or hazard (or to the unit itself); the reply is due on the given day. */
    @Transactional
    public long issueOrder(IssueOrder command) {
        Actor actor = Actors.require();
        LocalDate today = today();
        if (command.replyDue().isBefore(today)) {
            throw new RuleViolation("回复期限不能早于今天。");
        }
        long unit;
        String label;
        switch (command.subjectKind()) {
            case CASE -> {
                PenaltyCase c = cases.get(command.subjectId());
                unit = c.getOrganizationId();
                label = (c.getCaseNumber() == null ? "" : c.getCaseNumber() + " ") + c.getTitle();
            }
            case HAZARD -> {
                Hazard h = hazards.get(command.subjectId());
                unit = h.getOrganizationId();
                label = h.getEnterpriseName() + "：" + h.getDescription();
            }
            default -> {
                scope.require(command.subjectId());
                unit = command.subjectId();
                label = organizations.find(unit).map(OrganizationView::name)
                        .orElseThrow(() -> RuleViolation.notFound("没有这个单位。"));
            }
        }
        return book.issue(unit, actor.organizationId(), command.subjectKind(), command.subjectId(),
                label.length() > 300 ? label.substring(0, 299) + "…" : label, command.demand().strip(), today,
                command.replyDue(), actor.userId(), false);
    }

    /** The addressed unit replies (once). */
    @Transactional
    public void replyOrder(long id, ReplyOrder command) {
        OrderBook.Order order = book.find(id).orElseThrow(() -> RuleViolation.notFound("没有这份督办单。"));
        scope.require(order.organizationId());
        if (order.reply() != null) {
            throw RuleViolation.conflict("该督办单已回复。");
        }
        book.reply(id, command.version(), command.reply().strip(), today(), Actors.require().userId());
    }

    @Transactional(readOnly = true)
    public List<SupervisionOrderView> orders() {
        LocalDate today = today();
        return book.orders(scope.visibleOrganizationIds()).stream().map(o -> view(o, today)).toList();
    }

    @Transactional(readOnly = true)
    public SupervisionOrderView order(long id) {
        OrderBook.Order o = book.find(id).orElseThrow(() -> RuleViolation.notFound("没有这份督办单。"));
        if (!scope.canSee(o.organizationId()) && !scope.canSee(o.issuedByOrg())) {
            throw new org.springframework.security.access.AccessDeniedException(DataScope.OUT_OF_SCOPE);
        }
        return view(o, today());
    }

    private SupervisionOrderView view(OrderBook.Order o, LocalDate today) {
        return new SupervisionOrderView(o.id(), o.organizationId(), unitName(o.organizationId()), o.subjectKind(),
                o.subjectKind().label(), o.subjectId(), o.subjectLabel(), o.demand(), o.issuedOn(), o.replyDue(), o.reply(),
                o.repliedOn(), o.overdueOn(today), o.version());
    }

    // ---- 约谈

    @Transactional
    public long recordInterview(RecordInterview command) {
        scope.require(command.unitId());
        if (command.heldOn().isAfter(today())) {
            throw new RuleViolation("约谈日期不能晚于今天。");
        }
        return book.recordInterview(command.unitId(), command.heldOn(), command.interviewees().strip(),
                command.reason().strip(), command.commitments().strip(), Actors.require().userId(), false);
    }

    @Transactional(readOnly = true)
    public List<InterviewView> interviews() {
        return book.interviews(scope.visibleOrganizationIds(), this::unitName);
    }

    // ---- 复议/诉讼

    /** Records a review or suit about a decided case of the caller's scope. */
    @Transactional
    public long recordReview(RecordReview command) {
        PenaltyCase c = cases.get(command.caseId());
        if (c.getDecidedOn() == null) {
            throw new RuleViolation("该案件尚未作出处罚决定，不能登记复议或诉讼。");
        }
        if (command.filedOn().isAfter(today())) {
            throw new RuleViolation("申请或起诉日期不能晚于今天。");
        }
        if (command.filedOn().isBefore(c.getDecidedOn())) {
            throw new RuleViolation("申请或起诉日期不能早于处罚决定日期。");
        }
        String label = (c.getDecisionNumber() == null ? c.getCaseNumber() : c.getDecisionNumber()) + " " + c.getTitle();
        return reviews.record(c.getId(), c.getOrganizationId(), label.length() > 300 ? label.substring(0, 299) + "…" : label,
                command.kind(), command.body().strip(), command.filedOn(),
                command.note() == null || command.note().isBlank() ? null : command.note().strip(), Actors.require().userId(), false);
    }

    /** The decision or judgment; a changed penalty names the new fine. */
    @Transactional
    public void decideReview(long id, DecideReview command) {
        ReviewView r = review(id);
        if (r.outcome() != null) {
            throw RuleViolation.conflict("该复议、诉讼已登记结果。");
        }
        if (command.decidedOn().isBefore(r.filedOn()) || command.decidedOn().isAfter(today())) {
            throw new RuleViolation("决定或裁判日期应在申请（起诉）日期之后、今天之前。");
        }
        boolean changed = command.outcome() == ReviewView.Outcome.CHANGED;
        if (changed && (command.changedFineYuan() == null || command.changedFineYuan().signum() < 0)) {
            throw new RuleViolation("结果为变更的，请填写变更后的罚款金额。");
        }
        reviews.decide(id, command.version(), command.outcome(), command.decidedOn(), changed ? command.changedFineYuan() : null);
    }

    @Transactional(readOnly = true)
    public ReviewView review(long id) {
        ReviewView r = reviews.find(id, this::unitName).orElseThrow(() -> RuleViolation.notFound("没有这条复议、诉讼记录。"));
        scope.require(r.organizationId());
        return r;
    }

    @Transactional(readOnly = true)
    public List<ReviewView> reviews() {
        return reviews.list(scope.visibleOrganizationIds(), this::unitName);
    }

    /** Decided reviews and suits of the year per outcome (every outcome listed). */
    @Transactional(readOnly = true)
    public Map<ReviewView.Outcome, Long> reviewOutcomes(int year) {
        return reviews.byOutcome(scope.visibleOrganizationIds(), year);
    }

    /** The units a supervisor may address (own scope, depth-first). */
    @Transactional(readOnly = true)
    public List<OrganizationView> units() {
        return organizations.visibleTree();
    }

    private String unitName(long id) {
        return organizations.find(id).map(OrganizationView::name).orElse("");
    }
}
