package cn.zhifa.planning;

import cn.zhifa.audit.Audit;
import cn.zhifa.organization.DataScope;
import cn.zhifa.planning.internal.EnterpriseFeatureSource;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.Verdict;
import cn.zhifa.shared.security.Actors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 严控涉企检查频次: counts the on-site inspections scheduled for a firm in a year (planned key and campaign visits,
 * drawn 双随机 tasks, extra inspections) against the cap for its grade, and refuses more unless a legal exception
 * is recorded. The inspection module asks {@link #mayInspect} before it creates an unplanned inspection.
 */
@Service
public class FrequencyControl {

    private final JdbcClient jdbc;
    private final EnterpriseFeatureSource enterprises;
    private final GradingManagement grading;
    private final FrequencyCapPolicy policy;
    private final PlanningRules rules;
    private final DataScope scope;
    private final Clock clock;

    FrequencyControl(JdbcClient jdbc, EnterpriseFeatureSource enterprises, GradingManagement grading, PlanningRules rules,
                     DataScope scope, Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.grading = grading;
        this.policy = new FrequencyCapPolicy(rules);
        this.rules = rules;
        this.scope = scope;
        this.clock = clock;
    }

    /** On-site inspections scheduled for the firm in the year. */
    public int scheduled(long enterpriseId, int year) {
        Integer planned = jdbc.sql("""
                SELECT COALESCE(sum(i.planned_visits), 0) FROM planning_plan_item i JOIN planning_plan p ON p.id = i.plan_id AND p.organization_id = i.organization_id
                WHERE p.year = ? AND i.enterprise_id = ?""").param(year).param(enterpriseId).query(Integer.class).single();
        Integer drawn = jdbc.sql("""
                SELECT count(*) FROM planning_draw_task t JOIN planning_draw d ON d.id = t.draw_id AND d.organization_id = t.organization_id
                WHERE d.status = 'DRAWN' AND d.month LIKE ? AND t.enterprise_id = ?""")
                .param(year + "-%").param(enterpriseId).query(Integer.class).single();
        Integer extra = jdbc.sql("SELECT count(*) FROM planning_extra_inspection WHERE year = ? AND enterprise_id = ?")
                .param(year).param(enterpriseId).query(Integer.class).single();
        return planned + drawn + extra;
    }

    /**
     * On-site inspections scheduled in the year for many firms at once: one grouped query over planning's plan items,
     * drawn tasks and extra inspections (the same three sources as {@link #scheduled(long, int)}); absent firms have none.
     */
    public Map<Long, Integer> scheduled(Collection<Long> enterpriseIds, int year) {
        Map<Long, Integer> counts = new HashMap<>();
        if (enterpriseIds.isEmpty()) {
            return counts;
        }
        Long[] ids = EnterpriseFeatureSource.ids(enterpriseIds);
        jdbc.sql("""
                SELECT s.enterprise_id, COALESCE(sum(s.n), 0) FROM (
                  SELECT i.enterprise_id, i.planned_visits AS n FROM planning_plan_item i JOIN planning_plan p ON p.id = i.plan_id AND p.organization_id = i.organization_id
                  WHERE p.year = ? AND i.enterprise_id = ANY(?)
                  UNION ALL
                  SELECT t.enterprise_id, 1 FROM planning_draw_task t JOIN planning_draw d ON d.id = t.draw_id AND d.organization_id = t.organization_id
                  WHERE d.status = 'DRAWN' AND d.month LIKE ? AND t.enterprise_id = ANY(?)
                  UNION ALL
                  SELECT e.enterprise_id, 1 FROM planning_extra_inspection e WHERE e.year = ? AND e.enterprise_id = ANY(?)
                ) s GROUP BY s.enterprise_id""")
                .param(year).param(ids).param(year + "-%").param(ids).param(year).param(ids)
                .query((rs, i) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
        return counts;
    }

    /** The firms of the list that may still be inspected this year without an exception (three queries in all). */
    public List<EnterpriseFeatures> withinCap(List<EnterpriseFeatures> firms, int year) {
        List<Long> ids = firms.stream().map(EnterpriseFeatures::enterpriseId).toList();
        Map<Long, Grade> grades = grading.grades(ids, year);
        Map<Long, Integer> scheduled = scheduled(ids, year);
        return firms.stream().filter(f -> policy.mayInspect(f.name(), grades.getOrDefault(f.enterpriseId(), Grade.C),
                f.whitelisted(), scheduled.getOrDefault(f.enterpriseId(), 0), null, null).allowed()).toList();
    }

    public Verdict mayInspect(long enterpriseId, int year, CapException exception, String note) {
        EnterpriseFeatures firm = enterprises.find(enterpriseId).orElseThrow(() -> RuleViolation.notFound("企业不存在。"));
        Grade grade = grading.grading(enterpriseId, year).map(Grading::grade).orElse(Grade.C);
        return policy.mayInspect(firm.name(), grade, firm.whitelisted(), scheduled(enterpriseId, year), exception, note);
    }

    /** Schedules an inspection outside the plan; beyond the cap only with a recorded exception. */
    @Transactional
    public long scheduleExtra(long enterpriseId, LocalDate date, CapException exception, String note) {
        EnterpriseFeatures firm = enterprises.find(enterpriseId).orElseThrow(() -> RuleViolation.notFound("企业不存在。"));
        scope.require(firm.organizationId());
        if (date == null) {
            throw new RuleViolation("请填写计划检查日期。");
        }
        mayInspect(enterpriseId, date.getYear(), exception, note).orThrow();
        long id = jdbc.sql("""
                INSERT INTO planning_extra_inspection (enterprise_id, organization_id, year, planned_date, exception,
                  exception_note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(enterpriseId, firm.organizationId(), date.getYear(), date,
                        exception == null ? null : exception.name(), note == null || note.isBlank() ? null : note.strip(),
                        Actors.require().displayName(), java.sql.Timestamp.from(clock.instant()))
                .query(Long.class).single();
        Audit.target("计划外检查", id);
        return id;
    }

    /** A firm's cap status for the year. */
    public record CapStatus(EnterpriseFeatures firm, Grade grade, int cap, int scheduled, int done) {
        public boolean atCap() {
            return scheduled >= cap;
        }
    }

    public List<CapStatus> status(long organizationId, int year) {
        scope.require(organizationId);
        List<EnterpriseFeatures> firms = enterprises.inOrganizations(scope.subtreeIds(organizationId));
        List<Long> ids = firms.stream().map(EnterpriseFeatures::enterpriseId).toList();
        Map<Long, Grade> grades = grading.grades(ids, year);
        Map<Long, Integer> scheduled = scheduled(ids, year);
        Map<Long, Integer> done = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("""
                    SELECT enterprise_id, count(*) FROM planning_visit WHERE EXTRACT(YEAR FROM visit_date) = ?
                      AND enterprise_id = ANY(?) GROUP BY enterprise_id""")
                    .param(year).param(EnterpriseFeatureSource.ids(ids))
                    .query((rs, i) -> done.put(rs.getLong(1), rs.getInt(2))).list();
        }
        return firms.stream().map(firm -> {
            Grade grade = grades.getOrDefault(firm.enterpriseId(), Grade.C);
            return new CapStatus(firm, grade, rules.capFor(grade, firm.whitelisted()),
                    scheduled.getOrDefault(firm.enterpriseId(), 0), done.getOrDefault(firm.enterpriseId(), 0));
        }).toList();
    }

    public PlanningRules rules() {
        return rules;
    }
}
