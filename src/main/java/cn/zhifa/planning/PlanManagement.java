package cn.zhifa.planning;

import cn.zhifa.audit.Audit;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.planning.internal.EnterpriseFeatureSource;
import cn.zhifa.planning.internal.Plans;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The annual 安全生产监督检查计划 of an organisation: generated from the year's grading, edited while drafting
 * (双随机 quota, 专项 campaigns, 认领 by departments and officers), approved through 集体审议 → 分管领导批准 →
 * 报上级备案 → 公开, then frozen and changed only by numbered amendments. Done visits arrive as
 * {@link VisitCompleted} events (or {@link #recordVisit}) and feed the completion figures.
 */
@Service
public class PlanManagement {

    private final Plans plans;
    private final EnterpriseFeatureSource enterprises;
    private final GradingManagement grading;
    private final OrganizationManagement organizations;
    private final cn.zhifa.organization.UserManagement users;
    private final DataScope scope;
    private final PlanningRules rules;
    private final JdbcClient jdbc;
    private final Clock clock;

    PlanManagement(Plans plans, EnterpriseFeatureSource enterprises, GradingManagement grading, OrganizationManagement organizations,
                   cn.zhifa.organization.UserManagement users, DataScope scope, PlanningRules rules, JdbcClient jdbc,
                   Clock clock) {
        this.users = users;
        this.plans = plans;
        this.enterprises = enterprises;
        this.grading = grading;
        this.organizations = organizations;
        this.scope = scope;
        this.rules = rules;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<InspectionPlan> visiblePlans() {
        return plans.findByOrganizations(scope.visibleOrganizationIds());
    }

    /** The plans published (公开) for {@code year}, for the public portal's 事前公开: not data-scoped, frozen content. */
    public List<InspectionPlan> publishedPlans(int year) {
        return plans.findAll().stream().filter(p -> p.getStatus() == PlanStatus.PUBLISHED && p.getYear() == year)
                .sorted(java.util.Comparator.comparing(InspectionPlan::getOrganizationId)).toList();
    }

    public InspectionPlan get(long id) {
        InspectionPlan plan = plans.findById(id).orElseThrow(() -> RuleViolation.notFound("计划不存在。"));
        scope.require(plan.getOrganizationId());
        return plan;
    }

    public long awaitingApproval(Actor actor) {
        return plans.countAwaitingApproval(scope.subtreeIds(actor.organizationId()));
    }

    /**
     * Drafts the year's plan: key firms are the graded A/B firms whose enforcement level is this organisation's,
     * with their annual frequency spread over the year; the 双随机 quota is the default ratio of the other firms.
     */
    @Transactional
    public InspectionPlan generate(long organizationId, int year) {
        scope.require(organizationId);
        if (plans.findByOrganizationIdAndYear(organizationId, year).isPresent()) {
            throw RuleViolation.conflict("本单位 " + year + " 年度监督检查计划已存在，不能重复生成。");
        }
        OrganizationView org = organizations.find(organizationId).orElseThrow(() -> RuleViolation.notFound("单位不存在。"));
        EnforcementLevel level = grading.levelOf(org, new HashMap<>());
        List<GradingManagement.GradedFirm> graded = grading.results(organizationId, year, null);
        if (graded.isEmpty()) {
            throw new RuleViolation("请先完成 " + year + " 年度分类分级，再生成计划。");
        }
        List<PlanItem> keyFirms = graded.stream()
                .filter(g -> (g.grading().grade() == Grade.A || g.grading().grade() == Grade.B)
                        && g.grading().level() == level && g.grading().annualFrequency() > 0)
                .map(g -> new PlanItem(g.firm().enterpriseId(), g.firm().name(), g.grading().grade(),
                        g.grading().annualFrequency(), PlanItem.spread(g.grading().annualFrequency()), null, null, null))
                .toList();
        InspectionPlan plan = InspectionPlan.draft(plans.nextId(), organizationId, year,
                org.name() + year + "年度安全生产监督检查计划", rules.defaultDrawRatio(), clock.instant());
        plan.replaceKeyFirms(keyFirms);
        int others = graded.size() - keyFirms.size();
        plan.setRandomQuota(rules.defaultDrawRatio(), quota(rules.defaultDrawRatio(), others));
        InspectionPlan saved = plans.save(plan);
        Audit.target("监督检查计划", saved.getId());
        return saved;
    }

    static int quota(BigDecimal ratioPercent, int pool) {
        return BigDecimal.valueOf(pool).multiply(ratioPercent).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).intValue();
    }

    @Transactional
    public InspectionPlan setRandomRatio(long planId, BigDecimal ratioPercent) {
        InspectionPlan plan = get(planId);
        Audit.target("监督检查计划", planId);
        int pool = grading.results(plan.getOrganizationId(), plan.getYear(), null).size() - plan.keyFirms().size();
        plan.setRandomQuota(ratioPercent, ratioPercent == null ? 0 : quota(ratioPercent, Math.max(0, pool)));
        return plans.save(plan);
    }

    /** Adds a 专项执法 campaign for the whole plan year whose targets are the firms with the given risk feature (or all). */
    @Transactional
    public InspectionPlan addCampaign(long planId, CampaignKind kind, String name, String basis, String riskFeature) {
        return addCampaign(planId, kind, name, basis, riskFeature, null, null);
    }

    /**
     * Adds a 专项执法 campaign running from {@code startsOn} to {@code endsOn} (each defaults to the plan year's first or
     * last day; both inside the plan year) whose targets are the firms with the given risk feature (or all firms if blank).
     */
    @Transactional
    public InspectionPlan addCampaign(long planId, CampaignKind kind, String name, String basis, String riskFeature,
                                      LocalDate startsOn, LocalDate endsOn) {
        InspectionPlan plan = get(planId);
        Audit.target("监督检查计划", planId);
        if (kind == null) {
            throw new RuleViolation("请选择专项类型。");
        }
        LocalDate starts = startsOn == null ? LocalDate.of(plan.getYear(), 1, 1) : startsOn;
        LocalDate ends = endsOn == null ? LocalDate.of(plan.getYear(), 12, 31) : endsOn;
        if (starts.getYear() != plan.getYear() || ends.getYear() != plan.getYear()) {
            throw new RuleViolation("专项的开展期间应在计划年度（" + plan.getYear() + "年）之内。");
        }
        if (ends.isBefore(starts)) {
            throw new RuleViolation("专项的结束日期不能早于开始日期。");
        }
        String campaignName = name == null || name.isBlank() ? kind.label() : name.strip();
        String code = kind == CampaignKind.CUSTOM ? "C" + (plan.getCampaigns().size() + 1) : kind.name();
        Map<Long, Grade> grades = grading.results(plan.getOrganizationId(), plan.getYear(), null).stream()
                .collect(Collectors.toMap(g -> g.firm().enterpriseId(), g -> g.grading().grade()));
        List<PlanItem> targets = enterprises.inOrganizations(scope.subtreeIds(plan.getOrganizationId())).stream()
                .filter(f -> riskFeature == null || riskFeature.isBlank() || f.riskFeatures().contains(riskFeature.strip())
                        || f.industry().contains(riskFeature.strip()))
                .map(f -> new PlanItem(f.enterpriseId(), f.name(), grades.getOrDefault(f.enterpriseId(), Grade.C), 1, "",
                        null, null, code))
                .toList();
        if (targets.isEmpty()) {
            throw new RuleViolation("没有具有“" + riskFeature + "”特征的企业，专项没有检查对象。");
        }
        long campaignId = jdbc.sql("SELECT nextval('planning_campaign_seq')").query(Long.class).single();
        plan.addCampaign(new Campaign(code, kind, campaignName, basis == null ? "" : basis.strip(), campaignId, starts, ends),
                targets);
        return plans.save(plan);
    }

    /** The 专项 with this id, if a plan has it. */
    @Transactional(readOnly = true)
    public java.util.Optional<CampaignTag> campaign(long campaignId) {
        return jdbc.sql("""
                SELECT c.campaign_id, c.name, p.year, p.organization_id, c.starts_on, c.ends_on FROM planning_campaign c
                JOIN planning_plan p ON p.id = c.plan_id WHERE c.campaign_id = ?""").param(campaignId)
                .query(PlanManagement::tag).optional();
    }

    /** The 专项 of the plans of {@code year} of these units, in plan and campaign order. */
    @Transactional(readOnly = true)
    public List<CampaignTag> campaigns(int year, java.util.Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT c.campaign_id, c.name, p.year, p.organization_id, c.starts_on, c.ends_on FROM planning_campaign c
                JOIN planning_plan p ON p.id = c.plan_id WHERE p.year = :year AND p.organization_id IN (:orgs)
                ORDER BY p.id, c.position""").param("year", year).param("orgs", organizationIds)
                .query(PlanManagement::tag).list();
    }

    private static CampaignTag tag(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CampaignTag(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class));
    }

    /**
     * The 专项 a task of the caller's unit may carry in {@code month}: those of its own plan, of a higher unit's plan that
     * covers it, or of a unit below it, running on some day of the month.
     */
    @Transactional(readOnly = true)
    public List<CampaignTag> campaignsRunningIn(java.time.YearMonth month) {
        long own = Actors.require().organizationId();
        Set<Long> below = Set.copyOf(scope.subtreeIds(own));
        return jdbc.sql("""
                        SELECT c.campaign_id, c.name, p.year, p.organization_id, c.starts_on, c.ends_on FROM planning_campaign c
                        JOIN planning_plan p ON p.id = c.plan_id
                        WHERE c.starts_on <= :last AND c.ends_on >= :first ORDER BY c.starts_on, p.id, c.position""")
                .param("first", month.atDay(1)).param("last", month.atEndOfMonth())
                .query(PlanManagement::tag).list().stream()
                .filter(c -> below.contains(c.organizationId()) || scope.subtreeIds(c.organizationId()).contains(own))
                .toList();
    }

    @Transactional
    public InspectionPlan claim(long planId, long enterpriseId, Long departmentId, Long officerUserId) {
        InspectionPlan plan = get(planId);
        Audit.target("监督检查计划", planId);
        if (departmentId != null) {
            scope.require(departmentId);
        }
        plan.claim(enterpriseId, departmentId, officerUserId);
        return plans.save(plan);
    }

    @Transactional
    public InspectionPlan deliberate(long planId, LocalDate meetingDate, String meetingRecord) {
        InspectionPlan plan = get(planId);
        Audit.target("监督检查计划", planId);
        plan.deliberate(meetingDate, meetingRecord);
        return plans.save(plan);
    }

    @Transactional
    public InspectionPlan approve(long planId) {
        InspectionPlan plan = get(planId);
        Audit.target("监督检查计划", planId);
        Actor actor = Actors.require();
        plan.approve(actor.userId(), actor.displayName(), clock.instant());
        return plans.save(plan);
    }

    @Transactional
    public InspectionPlan file(long planId, String filedWith) {
        InspectionPlan plan = get(planId);
        Audit.target("监督检查计划", planId);
        plan.file(filedWith, clock.instant());
        return plans.save(plan);
    }

    @Transactional
    public InspectionPlan publish(long planId) {
        InspectionPlan plan = get(planId);
        Audit.target("监督检查计划", planId);
        plan.publish(clock.instant());
        return plans.save(plan);
    }

    @Transactional
    public Amendment amendVisits(long planId, long enterpriseId, int visits, String months, String reason) {
        InspectionPlan plan = get(planId);
        Audit.target("监督检查计划", planId);
        Amendment amendment = plan.amendVisits(enterpriseId, visits, months, reason, Actors.require().displayName(), clock.instant());
        plans.save(plan);
        Audit.detail("变更第 " + amendment.number() + " 号：" + amendment.description());
        return amendment;
    }

    @Transactional
    public Amendment amendAdd(long planId, long enterpriseId, int visits, String reason) {
        InspectionPlan plan = get(planId);
        Audit.target("监督检查计划", planId);
        EnterpriseFeatures firm = enterprises.find(enterpriseId).orElseThrow(() -> RuleViolation.notFound("企业不存在。"));
        scope.require(firm.organizationId());
        Grade grade = grading.grading(enterpriseId, plan.getYear()).map(Grading::grade).orElse(Grade.C);
        Amendment amendment = plan.amendAdd(new PlanItem(enterpriseId, firm.name(), grade, visits, PlanItem.spread(visits),
                null, null, null), reason, Actors.require().displayName(), clock.instant());
        plans.save(plan);
        return amendment;
    }

    /** Records a done visit (idempotent on {@code sourceRef}); the inspection module publishes {@link VisitCompleted}. */
    @Transactional
    public void recordVisit(VisitCompleted visit) {
        jdbc.sql("""
                INSERT INTO planning_visit (enterprise_id, organization_id, plan_id, draw_id, visit_date, kind, source_ref)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_ref) DO NOTHING""")
                .params(visit.enterpriseId(), visit.organizationId(), visit.planId(), visit.drawId(), visit.date(),
                        visit.kind(), visit.sourceRef()).update();
    }

    @ApplicationModuleListener
    void on(VisitCompleted visit) {
        recordVisit(visit);
    }

    /** Planned and done visits per month, and per claiming department. */
    public record Completion(int[] plannedByMonth, int[] doneByMonth, Map<String, int[]> byDepartment, int planned, int done) {
    }

    public Completion completion(long planId) {
        InspectionPlan plan = get(planId);
        int[] planned = new int[13];
        Map<Long, Long> departmentOf = new HashMap<>();
        Map<String, int[]> byDepartment = new LinkedHashMap<>();
        for (PlanItem item : plan.getItems()) {
            item.monthList().forEach(m -> planned[m]++);
            departmentOf.put(item.enterpriseId(), item.departmentId());
            byDepartment.computeIfAbsent(departmentName(item.departmentId()), k -> new int[2])[0] += item.plannedVisits();
        }
        int[] done = new int[13];
        Set<Long> firms = departmentOf.keySet();
        jdbc.sql("""
                SELECT enterprise_id, EXTRACT(MONTH FROM visit_date) AS m FROM planning_visit
                WHERE EXTRACT(YEAR FROM visit_date) = ? AND (plan_id = ? OR plan_id IS NULL)""")
                .param(plan.getYear()).param(planId)
                .query((rs, i) -> new long[]{rs.getLong(1), rs.getInt(2)}).list().forEach(row -> {
                    if (firms.contains(row[0])) {
                        done[(int) row[1]]++;
                        byDepartment.computeIfAbsent(departmentName(departmentOf.get(row[0])), k -> new int[2])[1]++;
                    }
                });
        int plannedTotal = plan.getItems().stream().mapToInt(PlanItem::plannedVisits).sum();
        int doneTotal = java.util.Arrays.stream(done).sum();
        return new Completion(planned, done, byDepartment, plannedTotal, doneTotal);
    }

    /** Planned and done visits summed over the year's plans of some units, as {@link #completion} counts each plan. */
    public record CompletionTotals(long planned, long done) {
    }

    /**
     * The sum of {@link #completion}'s planned and done visits over every plan of {@code year} of the given units (the
     * caller has checked them against its scope), in one query instead of loading each plan: a visit of the year to a
     * firm of a plan counts for that plan when it was made on that plan or on none.
     */
    @Transactional(readOnly = true)
    public CompletionTotals completionTotals(int year, java.util.Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return new CompletionTotals(0, 0);
        }
        return jdbc.sql("""
                        SELECT (SELECT coalesce(sum(i.planned_visits), 0) FROM planning_plan p
                                JOIN planning_plan_item i ON i.plan_id = p.id AND i.organization_id = p.organization_id
                                WHERE p.year = :year AND p.organization_id IN (:orgs)),
                               (SELECT count(*) FROM (SELECT DISTINCT i.plan_id, i.enterprise_id FROM planning_plan p
                                                      JOIN planning_plan_item i ON i.plan_id = p.id AND i.organization_id = p.organization_id
                                                      WHERE p.year = :year AND p.organization_id IN (:orgs)) f
                                JOIN planning_visit v ON v.enterprise_id = f.enterprise_id AND v.visit_date BETWEEN :from AND :to
                                                     AND (v.plan_id = f.plan_id OR v.plan_id IS NULL))""")
                .param("year", year).param("orgs", List.copyOf(organizationIds))
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query((rs, n) -> new CompletionTotals(rs.getLong(1), rs.getLong(2))).single();
    }

    /** Workload of the claims: key firms and planned visits per department and per officer. */
    public record Workload(String claimant, int firms, int visits) {
    }

    public List<Workload> workload(long planId, boolean byOfficer) {
        InspectionPlan plan = get(planId);
        Map<String, int[]> totals = new LinkedHashMap<>();
        for (PlanItem item : plan.keyFirms()) {
            String key = byOfficer ? officerName(item.officerUserId()) : departmentName(item.departmentId());
            int[] t = totals.computeIfAbsent(key, k -> new int[2]);
            t[0]++;
            t[1] += item.plannedVisits();
        }
        List<Workload> list = new ArrayList<>();
        totals.forEach((k, v) -> list.add(new Workload(k, v[0], v[1])));
        return list;
    }

    public String departmentName(Long departmentId) {
        return departmentId == null ? "（未认领）" : organizations.find(departmentId).map(OrganizationView::name).orElse("单位" + departmentId);
    }

    private String officerName(Long userId) {
        return userId == null ? "（未指定）" : users.displayName(userId);
    }
}
