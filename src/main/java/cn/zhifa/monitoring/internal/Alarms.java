package cn.zhifa.monitoring.internal;

import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.shared.web.Page;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The alarms and patrol results received, as the 报警 list and its workbook read them (the caller's units only). */
@Component
public class Alarms {

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final EnterpriseManagement enterprises;
    private final OrganizationManagement organizations;

    Alarms(JdbcClient jdbc, DataScope scope, EnterpriseManagement enterprises, OrganizationManagement organizations) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.enterprises = enterprises;
        this.organizations = organizations;
    }

    /** @param kind ALARM or PATROL or null; @param tasked true: turned into a task, false: not, null: all */
    public record Filter(String q, String kind, Integer level, Boolean tasked, LocalDate from, LocalDate to) {
    }

    public record Row(long id, String kind, Instant occurredAt, String firmName, String unitName, String pointTag,
                      String pointName, BigDecimal value, String unitOfMeasure, Integer level, boolean abnormal, String note,
                      Long taskId, boolean grouped, String taskRefusal, boolean snapshot) {

        public String kindLabel() {
            return "ALARM".equals(kind) ? "监测报警" : "视频巡查";
        }

        public String levelLabel() {
            return "ALARM".equals(kind) ? MonitoringSettings.levelLabel(level) : abnormal ? "异常" : "正常";
        }

        public String valueText() {
            return value == null ? "" : value.stripTrailingZeros().toPlainString() + (unitOfMeasure == null ? "" : unitOfMeasure);
        }

        public String handling() {
            if (taskId != null) {
                return grouped ? "已归并至在线检查任务" : "已转在线检查任务";
            }
            return taskRefusal != null ? taskRefusal : "ALARM".equals(kind) ? "未达转任务级别，仅记录" : abnormal ? "" : "正常，仅记录";
        }
    }

    @Transactional(readOnly = true)
    public Page<Row> search(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE a.organization_id IN (:orgs)");
        Map<String, Object> params = new HashMap<>();
        params.put("orgs", scope.visibleOrganizationIds());
        if (filter.kind() != null && List.of("ALARM", "PATROL").contains(filter.kind())) {
            where.append(" AND a.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.level() != null) {
            where.append(" AND a.level = :level");
            params.put("level", filter.level());
        }
        if (filter.tasked() != null) {
            where.append(filter.tasked() ? " AND a.task_id IS NOT NULL" : " AND a.task_id IS NULL");
        }
        if (filter.from() != null) {
            where.append(" AND a.occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(PatrolLists.ZONE).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" AND a.occurred_at < :to");
            params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(PatrolLists.ZONE).toInstant()));
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" AND (p.tag ILIKE :q OR p.name ILIKE :q OR a.enterprise_id IN (:firms))");
            params.put("q", "%" + filter.q().strip().replace("%", "\\%").replace("_", "\\_") + "%");
            List<Long> firms = jdbc.sql("SELECT DISTINCT enterprise_id FROM monitoring_point").query(Long.class).list().stream()
                    .filter(id -> enterprises.find(id).map(EnterpriseSummary::name).filter(n -> n.contains(filter.q().strip())).isPresent())
                    .toList();
            params.put("firms", firms.isEmpty() ? List.of(-1L) : firms);
        }
        String from = " FROM monitoring_alarm a JOIN monitoring_point p ON p.id = a.point_id" + where;
        long total = jdbc.sql("SELECT count(*)" + from).params(params).query(Long.class).single();
        List<Row> rows = jdbc.sql("""
                        SELECT a.id, a.kind, a.occurred_at, a.enterprise_id, a.organization_id, p.tag, p.name, a.value,
                          p.unit_of_measure, a.level, a.abnormal, a.note, a.task_id, a.grouped, a.task_refusal, a.evidence_id""" + from
                        + " ORDER BY a.occurred_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        String.valueOf(rs.getLong(4)), String.valueOf(rs.getLong(5)), rs.getString(6), rs.getString(7),
                        rs.getBigDecimal(8), rs.getString(9), (Integer) rs.getObject(10), rs.getBoolean(11), rs.getString(12),
                        (Long) rs.getObject(13), rs.getBoolean(14), rs.getString(15), rs.getObject(16) != null)).list();
        return new Page<>(named(rows), page, size, total);
    }

    /** Replaces the ids carried in firmName/unitName by the names. */
    private List<Row> named(List<Row> rows) {
        Map<Long, String> firms = new HashMap<>();
        Map<Long, String> units = new HashMap<>();
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            long firm = Long.parseLong(r.firmName());
            long unit = Long.parseLong(r.unitName());
            String firmName = firms.computeIfAbsent(firm, id -> enterprises.find(id).map(EnterpriseSummary::name).orElse(""));
            String unitName = units.computeIfAbsent(unit, id -> organizations.find(id).map(OrganizationView::name).orElse(""));
            out.add(new Row(r.id(), r.kind(), r.occurredAt(), firmName, unitName, r.pointTag(), r.pointName(), r.value(),
                    r.unitOfMeasure(), r.level(), r.abnormal(), r.note(), r.taskId(), r.grouped(), r.taskRefusal(), r.snapshot()));
        }
        return out;
    }

    /** The year's counts over the units: alarms, alarms turned into tasks (new tasks), patrol results, abnormal patrols. */
    @Transactional(readOnly = true)
    public long[] yearCounts(int year, Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return new long[4];
        }
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(PatrolLists.ZONE).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(PatrolLists.ZONE).toInstant();
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE kind = 'ALARM'),
                               count(*) FILTER (WHERE task_id IS NOT NULL AND NOT grouped),
                               count(*) FILTER (WHERE kind = 'PATROL'),
                               count(*) FILTER (WHERE kind = 'PATROL' AND abnormal)
                        FROM monitoring_alarm WHERE organization_id IN (:orgs) AND occurred_at >= :from AND occurred_at < :to""")
                .param("orgs", organizationIds).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
    }

    /** The year's online patrol lists over the units: firms listed (家次) and completed. */
    @Transactional(readOnly = true)
    public long[] patrolYear(int year, Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return new long[2];
        }
        return jdbc.sql("""
                        SELECT count(i.id), count(i.completed_at) FROM monitoring_patrol_list l JOIN monitoring_patrol_item i ON i.list_id = l.id
                        WHERE l.organization_id IN (:orgs) AND l.day BETWEEN :from AND :to""")
                .param("orgs", organizationIds).param("from", java.sql.Date.valueOf(LocalDate.of(year, 1, 1)))
                .param("to", java.sql.Date.valueOf(LocalDate.of(year, 12, 31)))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    @Transactional
    public void purgeDemo() {
        jdbc.sql("DELETE FROM monitoring_alarm WHERE demo").update();
    }
}
