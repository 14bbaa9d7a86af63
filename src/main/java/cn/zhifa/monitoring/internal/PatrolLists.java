package cn.zhifa.monitoring.internal;

import cn.zhifa.audit.Audit;
import cn.zhifa.inspection.InspectionKind;
import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.inspection.InspectionMode;
import cn.zhifa.inspection.InspectionRecorded;
import cn.zhifa.inspection.NewTask;
import cn.zhifa.inspection.TaskSource;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.planning.GradingManagement;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each unit's 今日在线巡查 list: generated once per unit and day from planning's 分类分级 ({@link PatrolSelection}), worked
 * on the phone — 开始巡查 opens an ONLINE inspection task for the officer and a certified colleague, whose submitted
 * record (findings become hazards as on site) completes the item.
 */
@Component
public class PatrolLists {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final GradingManagement grading;
    private final InspectionManagement inspections;
    private final OfficerManagement officers;
    private final OrganizationManagement organizations;
    private final DataScope scope;
    private final MonitoringSettings settings;
    private final Clock clock;

    PatrolLists(JdbcClient jdbc, GradingManagement grading, InspectionManagement inspections, OfficerManagement officers,
                OrganizationManagement organizations, DataScope scope, MonitoringSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.grading = grading;
        this.inspections = inspections;
        this.officers = officers;
        this.organizations = organizations;
        this.scope = scope;
        this.settings = settings;
        this.clock = clock;
    }

    public record Item(long id, int position, long enterpriseId, String enterpriseName, String grade, Long taskId,
                       Instant completedAt) {
        public String state() {
            return completedAt != null ? "已完成" : taskId != null ? "巡查中" : "待巡查";
        }
    }

    public record DayList(long id, long organizationId, String organizationName, LocalDate day, List<Item> items) {
        public long done() {
            return items.stream().filter(i -> i.completedAt() != null).count();
        }

        public String rate() {
            return items.isEmpty() ? "—" : Math.round(done() * 1000.0 / items.size()) / 10.0 + "%";
        }
    }

    /** One day's completion of one unit. */
    public record DayFigure(LocalDate day, String organizationName, int firms, int started, int done) {
        public String rate() {
            return firms == 0 ? "—" : Math.round(done * 1000.0 / firms) / 10.0 + "%";
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The unit's list of {@code day}, generated on first use (the same for everyone of the unit that day). */
    @Transactional
    public DayList listOf(long organizationId, LocalDate day) {
        scope.require(organizationId);
        Optional<Long> existing = listId(organizationId, day);
        long id = existing.isPresent() ? existing.get() : generate(organizationId, day, false);
        return load(id);
    }

    /** Generates the list of {@code day} for the unit: the caller must see the unit (grading is scoped). */
    @Transactional
    public long generate(long organizationId, LocalDate day, boolean demo) {
        Optional<Long> existing = listId(organizationId, day);
        if (existing.isPresent()) {
            return existing.get();
        }
        int year = day.getYear();
        Map<Long, LocalDate> lastListed = new HashMap<>();
        jdbc.sql("""
                        SELECT i.enterprise_id, max(l.day) FROM monitoring_patrol_item i JOIN monitoring_patrol_list l ON l.id = i.list_id
                        WHERE l.organization_id = ? AND l.day < ? GROUP BY i.enterprise_id""")
                .params(organizationId, Date.valueOf(day))
                .query((rs, n) -> lastListed.put(rs.getLong(1), rs.getDate(2).toLocalDate())).list();
        List<PatrolSelection.Candidate> candidates = grading.results(organizationId, year, null).stream()
                .map(g -> new PatrolSelection.Candidate(g.firm().enterpriseId(), g.firm().name(), g.grading().grade(),
                        lastListed.get(g.firm().enterpriseId())))
                .toList();
        List<PatrolSelection.Candidate> chosen = PatrolSelection.choose(candidates, settings.dailyFirms());
        Optional<Long> inserted = jdbc.sql("""
                        INSERT INTO monitoring_patrol_list (organization_id, day, created_at, demo) VALUES (?, ?, ?, ?)
                        ON CONFLICT (organization_id, day) DO NOTHING RETURNING id""")
                .params(organizationId, Date.valueOf(day), Timestamp.from(clock.instant()), demo).query(Long.class).optional();
        if (inserted.isEmpty()) { // a colleague opened the page at the same moment: the list is theirs, the same one
            return listId(organizationId, day).orElseThrow();
        }
        long listId = inserted.get();
        int position = 1;
        for (PatrolSelection.Candidate c : chosen) {
            jdbc.sql("INSERT INTO monitoring_patrol_item (list_id, position, enterprise_id, enterprise_name, grade) VALUES (?, ?, ?, ?, ?)")
                    .params(listId, position++, c.enterpriseId(), c.name(), c.grade().name()).update();
        }
        return listId;
    }

    /**
     * 开始巡查: an ONLINE task for the item's firm, the officer and the next certified colleague of the unit as team,
     * and its record started; an item already started resumes its record. Returns the record id.
     */
    @Transactional
    public long start(long itemId) {
        long taskId = task(itemId);
        Long recordId = inspections.task(taskId).recordId();
        return recordId != null ? recordId : inspections.startRecord(taskId);
    }

    private long task(long itemId) {
        Actor actor = Actors.require();
        var row = jdbc.sql("""
                        SELECT i.enterprise_id, i.task_id, l.organization_id, l.day FROM monitoring_patrol_item i
                        JOIN monitoring_patrol_list l ON l.id = i.list_id WHERE i.id = ? FOR UPDATE OF i""")
                .param(itemId).query((rs, n) -> new Object[] {rs.getLong(1), (Long) rs.getObject(2), rs.getLong(3),
                        rs.getDate(4).toLocalDate()}).optional()
                .orElseThrow(() -> RuleViolation.notFound("巡查名单中没有这家企业。"));
        long organizationId = (Long) row[2];
        scope.require(organizationId);
        Audit.target("在线巡查", itemId);
        if (row[1] != null) {
            return (Long) row[1];
        }
        if (!today().equals(row[3])) {
            throw new RuleViolation("只能开展今日名单中的在线巡查。");
        }
        List<Long> team = new ArrayList<>(List.of(actor.userId()));
        officers.certifiedUsersPerUnit(List.of(actor.organizationId(), organizationId), today()).values().stream()
                .flatMap(List::stream).distinct().sorted().filter(id -> id != actor.userId()).findFirst().ifPresent(team::add);
        String unitName = organizations.find(organizationId).map(OrganizationView::name).orElse("");
        long taskId = inspections.createOnlineTask(new NewTask(TaskSource.AD_HOC, "今日在线巡查 " + row[3], (Long) row[0],
                InspectionKind.GENERAL, InspectionMode.ONLINE, team, YearMonth.from(today()), null, false),
                new UnitActor(organizationId, unitName)).id();
        jdbc.sql("UPDATE monitoring_patrol_item SET task_id = ?, started_by = ? WHERE id = ?").params(taskId, actor.userId(), itemId).update();
        return taskId;
    }

    /**
     * A submitted record completes its patrol item, and closes the alarm group of its task. Only an online record's
     * submission is delivered (issue 18: every on-site record cost a publication that did nothing).
     */
    @ApplicationModuleListener(condition = "#recorded.mode().name() == 'ONLINE'")
    void on(InspectionRecorded recorded) {
        if (recorded.correctionOf() != null || recorded.mode() != InspectionMode.ONLINE) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("UPDATE monitoring_patrol_item SET completed_at = ? WHERE task_id = ? AND completed_at IS NULL")
                .params(now, recorded.taskId()).update();
        jdbc.sql("UPDATE monitoring_alarm_task SET closed_at = ? WHERE task_id = ? AND closed_at IS NULL")
                .params(now, recorded.taskId()).update();
    }

    /** Completion per day and unit over the caller's units, newest first. */
    @Transactional(readOnly = true)
    public List<DayFigure> figures(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT l.day, l.organization_id, count(i.id), count(i.task_id), count(i.completed_at)
                        FROM monitoring_patrol_list l LEFT JOIN monitoring_patrol_item i ON i.list_id = l.id
                        WHERE l.organization_id IN (:orgs) AND l.day BETWEEN :from AND :to
                        GROUP BY l.day, l.organization_id ORDER BY l.day DESC, l.organization_id""")
                .param("orgs", scope.visibleOrganizationIds()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new DayFigure(rs.getDate(1).toLocalDate(),
                        organizations.find(rs.getLong(2)).map(OrganizationView::name).orElse(""), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5))).list();
    }

    /**
     * The units that patrol online: those with a list in the last {@code days} days before {@code day} (a unit's first
     * list comes from its first page open; from then on the morning sweep prepares it).
     */
    @Transactional(readOnly = true)
    public List<Long> patrollingUnits(LocalDate day, int days) {
        return jdbc.sql("SELECT DISTINCT organization_id FROM monitoring_patrol_list WHERE day >= ? AND day < ? ORDER BY 1")
                .params(Date.valueOf(day.minusDays(days)), Date.valueOf(day)).query(Long.class).list();
    }

    /** Whether the unit's list of {@code day} exists already. */
    @Transactional(readOnly = true)
    public boolean exists(long organizationId, LocalDate day) {
        return listId(organizationId, day).isPresent();
    }

    @Transactional
    public void purgeDemo() {
        jdbc.sql("DELETE FROM monitoring_patrol_list WHERE demo").update();
    }

    private Optional<Long> listId(long organizationId, LocalDate day) {
        return jdbc.sql("SELECT id FROM monitoring_patrol_list WHERE organization_id = ? AND day = ?")
                .params(organizationId, Date.valueOf(day)).query(Long.class).optional();
    }

    private DayList load(long listId) {
        var head = jdbc.sql("SELECT organization_id, day FROM monitoring_patrol_list WHERE id = ?").param(listId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getDate(2).toLocalDate()}).single();
        List<Item> items = jdbc.sql("""
                        SELECT id, position, enterprise_id, enterprise_name, grade, task_id, completed_at
                        FROM monitoring_patrol_item WHERE list_id = ? ORDER BY position""")
                .param(listId).query((rs, n) -> new Item(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4),
                        cn.zhifa.planning.Grade.valueOf(rs.getString(5)).label(), (Long) rs.getObject(6),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant())).list();
        long org = (Long) head[0];
        return new DayList(listId, org, organizations.find(org).map(OrganizationView::name).orElse(""), (LocalDate) head[1], items);
    }
}
