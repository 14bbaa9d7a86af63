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
import java.util.List;

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
                SELECT COALESCE(sum(i.planned_visits), 0) FROM planning_plan_item i JOIN planning_plan p ON p.id = i.plan_id
                WHERE p.year = ? AND i.enterprise_id = ?""").param(year).param(enterpriseId).query(Integer.class).single();
        Integer drawn = jdbc.sql("""
                SELECT count(*) FROM planning_draw_task t JOIN planning_draw d ON d.id = t.draw_id
                WHERE d.status = 'DRAWN' AND d.month LIKE ? AND t.enterprise_id = ?""")
                .param(year + "-%").param(enterpriseId).query(Integer.class).single();
        Integer extra = jdbc.sql("SELECT count(*) FROM planning_extra_inspection WHERE year = ? AND enterprise_id = ?")
                .param(year).param(enterpriseId).query(Integer.class).single();
        return planned + drawn + extra;
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
        return enterprises.inOrganizations(scope.subtreeIds(organizationId)).stream().map(firm -> {
            Grade grade = grading.grading(firm.enterpriseId(), year).map(Grading::grade).orElse(Grade.C);
            int done = jdbc.sql("SELECT count(*) FROM planning_visit WHERE enterprise_id = ? AND EXTRACT(YEAR FROM visit_date) = ?")
                    .param(firm.enterpriseId()).param(year).query(Integer.class).single();
            return new CapStatus(firm, grade, rules.capFor(grade, firm.whitelisted()), scheduled(firm.enterpriseId(), year), done);
        }).toList();
    }

    public PlanningRules rules() {
        return rules;
    }
}
