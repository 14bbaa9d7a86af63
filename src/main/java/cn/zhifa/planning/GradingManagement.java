package cn.zhifa.planning;

import cn.zhifa.audit.Audit;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.planning.internal.EnterpriseFeatureSource;
import cn.zhifa.shared.RuleViolation;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * 分类分级: the yearly rule table of an organisation (edited by LEADER/ADMIN), grading every firm of its subtree
 * with it (exactly one grade, frequency and enforcement level per firm and year), the ‘why’ of a grade, and the
 * conflict report of firms claimed by two levels or by none.
 */
@Service
public class GradingManagement {

    private static final RowMapper<GradingRule> RULE = (rs, i) -> new GradingRule(rs.getLong("id"), rs.getInt("year"),
            rs.getInt("priority"), rs.getString("name"), split(rs.getString("any_risk_feature")),
            (Integer) rs.getObject("max_hazard_grade"), split(rs.getString("credit_grades")),
            (Integer) rs.getObject("min_accidents"), (Integer) rs.getObject("min_cases"),
            (Boolean) rs.getObject("whitelisted"), Grade.valueOf(rs.getString("grade")), rs.getInt("annual_frequency"),
            EnforcementLevel.valueOf(rs.getString("level")));

    private static final RowMapper<Grading> GRADING = (rs, i) -> new Grading(rs.getLong("enterprise_id"),
            rs.getInt("year"), Grade.valueOf(rs.getString("grade")), rs.getInt("annual_frequency"),
            EnforcementLevel.valueOf(rs.getString("level")), (Long) rs.getObject("rule_id"), rs.getString("rule_name"),
            List.of(rs.getString("reasons").split("；")));

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final EnterpriseFeatureSource enterprises;
    private final DataScope scope;
    private final OrganizationManagement organizations;
    private final Clock clock;

    GradingManagement(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, EnterpriseFeatureSource enterprises,
                      DataScope scope, OrganizationManagement organizations, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.enterprises = enterprises;
        this.scope = scope;
        this.organizations = organizations;
        this.clock = clock;
    }

    public List<GradingRule> rules(long organizationId, int year) {
        scope.require(organizationId);
        return jdbc.sql("SELECT * FROM planning_grading_rule WHERE organization_id = ? AND year = ? ORDER BY priority, id")
                .param(organizationId).param(year).query(RULE).list();
    }

    @Transactional
    public long addRule(long organizationId, int year, GradingRuleForm form) {
        scope.require(organizationId);
        if (form.whitelisted() == null && form.maxHazardGrade() == null && blank(form.anyRiskFeature())
                && blank(form.creditGrades()) && form.minAccidents() == null && form.minCases() == null
                && rules(organizationId, year).stream().anyMatch(r -> r.conditions().equals(List.of("其他所有企业")))) {
            throw new RuleViolation("本年度规则表已有不设条件的兜底规则，不能再增加一条。");
        }
        long id = jdbc.sql("""
                INSERT INTO planning_grading_rule (organization_id, year, priority, name, any_risk_feature, max_hazard_grade,
                  credit_grades, min_accidents, min_cases, whitelisted, grade, annual_frequency, level)
                VALUES (:org, :year, :priority, :name, :risk, :hazard, :credit, :accidents, :cases, :white, :grade, :frequency, :level)
                RETURNING id""")
                .param("org", organizationId).param("year", year).param("priority", form.priority())
                .param("name", form.name().strip()).param("risk", normalise(form.anyRiskFeature()))
                .param("hazard", form.maxHazardGrade()).param("credit", normalise(form.creditGrades()))
                .param("accidents", form.minAccidents()).param("cases", form.minCases()).param("white", form.whitelisted())
                .param("grade", form.grade().name()).param("frequency", form.annualFrequency())
                .param("level", form.level().name()).query(Long.class).single();
        Audit.target("分类分级规则", id);
        return id;
    }

    @Transactional
    public void deleteRule(long ruleId) {
        Long org = jdbc.sql("SELECT organization_id FROM planning_grading_rule WHERE id = ?").param(ruleId)
                .query(Long.class).optional().orElseThrow(() -> RuleViolation.notFound("规则不存在。"));
        scope.require(org);
        Audit.target("分类分级规则", ruleId);
        jdbc.sql("DELETE FROM planning_grading_rule WHERE id = ?").param(ruleId).update();
    }

    /** Starts a year's table as a copy of another year's (a new version of the rules). */
    @Transactional
    public int copyRules(long organizationId, int fromYear, int toYear) {
        scope.require(organizationId);
        if (!rules(organizationId, toYear).isEmpty()) {
            throw new RuleViolation(toYear + " 年度已有规则表，不能覆盖；请逐条修改。");
        }
        if (rules(organizationId, fromYear).isEmpty()) {
            throw new RuleViolation(fromYear + " 年度没有规则可复制。");
        }
        Audit.target("分类分级规则表", organizationId + "/" + toYear);
        return jdbc.sql("""
                INSERT INTO planning_grading_rule (organization_id, year, priority, name, any_risk_feature, max_hazard_grade,
                  credit_grades, min_accidents, min_cases, whitelisted, grade, annual_frequency, level)
                SELECT organization_id, :to, priority, name, any_risk_feature, max_hazard_grade, credit_grades,
                  min_accidents, min_cases, whitelisted, grade, annual_frequency, level
                FROM planning_grading_rule WHERE organization_id = :org AND year = :from""")
                .param("to", toYear).param("org", organizationId).param("from", fromYear).update();
    }

    /** Grades every firm of the organisation's subtree with its rule table for the year (replacing earlier results). */
    @Transactional
    public Map<Grade, Integer> gradeAll(long organizationId, int year) {
        List<GradingRule> rules = rules(organizationId, year);
        if (rules.isEmpty()) {
            throw new RuleViolation(year + " 年度还没有分类分级规则，请先建立规则表。");
        }
        List<EnterpriseFeatures> firms = enterprises.inOrganizations(scope.subtreeIds(organizationId));
        if (firms.isEmpty()) {
            throw new RuleViolation("本单位及下级单位没有企业，无法分级。");
        }
        var credit = enterprises.credit(firms.stream().map(EnterpriseFeatures::enterpriseId).toList());
        List<Grading> gradings = firms.stream().map(firm -> Grading.of(firm, year, rules))
                .map(g -> g.withMinimumFrequency(credit.get(g.enterpriseId()))).toList();
        Map<Grade, Integer> counts = new EnumMap<>(Grade.class);
        java.sql.Timestamp at = java.sql.Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>(firms.size());
        for (int i = 0; i < firms.size(); i++) {
            Grading g = gradings.get(i);
            counts.merge(g.grade(), 1, Integer::sum);
            rows.add(new Object[]{g.enterpriseId(), year, firms.get(i).organizationId(), g.grade().name(), g.annualFrequency(),
                    g.level().name(), g.ruleId(), g.ruleName(), String.join("；", g.reasons()), at});
        }
        // One JDBC batch for the whole subtree instead of one round trip per firm.
        batch.batchUpdate("""
                INSERT INTO planning_grading (enterprise_id, year, organization_id, grade, annual_frequency, level,
                  rule_id, rule_name, reasons, graded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (enterprise_id, year) DO UPDATE SET organization_id = EXCLUDED.organization_id,
                  grade = EXCLUDED.grade, annual_frequency = EXCLUDED.annual_frequency, level = EXCLUDED.level,
                  rule_id = EXCLUDED.rule_id, rule_name = EXCLUDED.rule_name, reasons = EXCLUDED.reasons,
                  graded_at = EXCLUDED.graded_at""", rows, new int[]{java.sql.Types.BIGINT, java.sql.Types.INTEGER,
                java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.INTEGER, java.sql.Types.VARCHAR,
                java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.TIMESTAMP});
        Audit.target("分类分级", organizationId + "/" + year);
        Audit.detail("分级企业 " + firms.size() + " 家：" + counts);
        return counts;
    }

    public Optional<Grading> grading(long enterpriseId, int year) {
        return jdbc.sql("SELECT * FROM planning_grading WHERE enterprise_id = ? AND year = ?").param(enterpriseId).param(year)
                .query(GRADING).optional();
    }

    /** The stored grades of many firms for the year in one query (firms not yet graded are absent). */
    public Map<Long, Grade> grades(Collection<Long> enterpriseIds, int year) {
        Map<Long, Grade> grades = new HashMap<>();
        if (enterpriseIds.isEmpty()) {
            return grades;
        }
        jdbc.sql("SELECT enterprise_id, grade FROM planning_grading WHERE year = ? AND enterprise_id = ANY(?)")
                .param(year).param(EnterpriseFeatureSource.ids(enterpriseIds))
                .query((rs, i) -> grades.put(rs.getLong(1), Grade.valueOf(rs.getString(2)))).list();
        return grades;
    }

    /** A graded firm as the results page lists it. */
    public record GradedFirm(EnterpriseFeatures firm, Grading grading) {
    }

    public List<GradedFirm> results(long organizationId, int year, Grade grade) {
        scope.require(organizationId);
        Map<Long, Grading> byFirm = new HashMap<>();
        List<Long> orgs = scope.subtreeIds(organizationId);
        jdbc.sql("SELECT * FROM planning_grading WHERE year = :year AND organization_id IN (:orgs)")
                .param("year", year).param("orgs", orgs).query(GRADING).list()
                .forEach(g -> byFirm.put(g.enterpriseId(), g));
        return enterprises.inOrganizations(orgs).stream().filter(f -> byFirm.containsKey(f.enterpriseId()))
                .map(f -> new GradedFirm(f, byFirm.get(f.enterpriseId())))
                .filter(g -> grade == null || g.grading().grade() == grade)
                .sorted(java.util.Comparator.comparing((GradedFirm g) -> g.grading().grade()).thenComparing(g -> g.firm().enterpriseId()))
                .toList();
    }

    /** Why a firm got its grade: its features and each rule tried in order, with the one that matched. */
    public record Explanation(EnterpriseFeatures firm, Grading grading, List<RuleTrial> trials) {
    }

    public record RuleTrial(GradingRule rule, boolean matched, boolean decisive) {
    }

    public Explanation explain(long enterpriseId, int year) {
        EnterpriseFeatures firm = enterprises.find(enterpriseId).orElseThrow(() -> RuleViolation.notFound("企业不存在。"));
        scope.require(firm.organizationId());
        Grading grading = grading(enterpriseId, year).orElseThrow(() -> RuleViolation.notFound("该企业 " + year + " 年度尚未分级。"));
        long rulesOrg = grading.ruleId() == null ? firm.organizationId()
                : jdbc.sql("SELECT organization_id FROM planning_grading_rule WHERE id = ?").param(grading.ruleId())
                .query(Long.class).optional().orElse(firm.organizationId());
        List<RuleTrial> trials = new ArrayList<>();
        boolean decided = false;
        for (GradingRule rule : jdbc.sql("SELECT * FROM planning_grading_rule WHERE organization_id = ? AND year = ? ORDER BY priority, id")
                .param(rulesOrg).param(year).query(RULE).list()) {
            boolean matched = rule.matches(firm);
            trials.add(new RuleTrial(rule, matched, matched && !decided));
            decided |= matched;
        }
        return new Explanation(firm, grading, trials);
    }

    /** A firm whose enforcement level is unclear: claimed by two levels, by none, or by another level than graded. */
    public record Conflict(EnterpriseFeatures firm, Grading grading, Set<EnforcementLevel> claimedBy,
                           List<String> claimants, String problem) {
    }

    /** Key firms (a planned frequency) of the subtree checked against the key lists of every plan of the year. */
    public List<Conflict> conflicts(long organizationId, int year) {
        Map<Long, List<Long>> claims = new HashMap<>();
        jdbc.sql("""
                SELECT i.enterprise_id, p.organization_id FROM planning_plan_item i JOIN planning_plan p ON p.id = i.plan_id AND p.organization_id = i.organization_id
                WHERE p.year = ? AND i.campaign_code IS NULL""").param(year)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                .forEach(e -> claims.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, OrganizationView> orgCache = new HashMap<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (GradedFirm graded : results(organizationId, year, null)) {
            if (graded.grading().grade() != Grade.A && graded.grading().grade() != Grade.B) {
                continue;
            }
            List<Long> claimantOrgs = claims.getOrDefault(graded.firm().enterpriseId(), List.of());
            Set<EnforcementLevel> levels = new TreeSet<>();
            List<String> names = new ArrayList<>();
            for (Long org : claimantOrgs) {
                OrganizationView view = orgCache.computeIfAbsent(org, id -> organizations.find(id).orElse(null));
                if (view != null) {
                    levels.add(levelOf(view, orgCache));
                    names.add(view.name());
                }
            }
            String problem = levels.isEmpty() ? "重点企业未被任何层级认领"
                    : levels.size() > 1 ? "被多个层级重复认领：" + String.join("、", levels.stream().map(EnforcementLevel::label).toList())
                    : !levels.contains(graded.grading().level()) ? "认领层级（" + levels.iterator().next().label()
                    + "）与分级确定的执法层级（" + graded.grading().level().label() + "）不一致" : null;
            if (problem != null) {
                conflicts.add(new Conflict(graded.firm(), graded.grading(), levels, names, problem));
            }
        }
        return conflicts;
    }

    EnforcementLevel levelOf(OrganizationView org, Map<Long, OrganizationView> cache) {
        OrganizationView parent = org.parentId() == null ? null
                : cache.computeIfAbsent(org.parentId(), id -> organizations.find(id).orElse(null));
        return EnforcementLevel.of(org.kind(), parent == null ? null : parent.kind());
    }

    private static Set<String> split(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return new TreeSet<>(Arrays.stream(text.split("[,，、]")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    private static String normalise(String list) {
        return String.join(",", split(list));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

}
