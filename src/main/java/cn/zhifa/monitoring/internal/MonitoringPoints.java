package cn.zhifa.monitoring.internal;

import cn.zhifa.audit.Audit;
import cn.zhifa.organization.DataScope;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.shared.RuleViolation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The monitoring points of the firms, kept here by enterprise id; every change checks the firm's data scope. */
@Component
public class MonitoringPoints {

    static final RowMapper<MonitoringPoint> POINT = MonitoringPoints::point;

    private final JdbcClient jdbc;
    private final EnterpriseManagement enterprises;
    private final DataScope scope;

    MonitoringPoints(JdbcClient jdbc, EnterpriseManagement enterprises, DataScope scope) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.scope = scope;
    }

    /** The firm, if the caller may see it (else 403). */
    @Transactional(readOnly = true)
    public EnterpriseSummary firm(long enterpriseId) {
        EnterpriseSummary firm = enterprises.find(enterpriseId)
                .orElseThrow(() -> RuleViolation.notFound("企业不存在。"));
        scope.requireFirm(firm.id(), firm.organizationId());
        return firm;
    }

    @Transactional(readOnly = true)
    public List<MonitoringPoint> of(long enterpriseId) {
        return jdbc.sql("SELECT * FROM monitoring_point WHERE enterprise_id = ? ORDER BY kind, tag")
                .param(enterpriseId).query(POINT).list();
    }

    @Transactional(readOnly = true)
    public Optional<MonitoringPoint> byTag(String tag) {
        return jdbc.sql("SELECT * FROM monitoring_point WHERE LOWER(tag) = LOWER(?)").param(tag.strip()).query(POINT).optional();
    }

    /** Adds a point; field errors come back instead of being saved. */
    @Transactional
    public Map<String, String> add(long enterpriseId, PointForm form) {
        return add(enterpriseId, form, false);
    }

    @Transactional
    public Map<String, String> add(long enterpriseId, PointForm form, boolean demo) {
        EnterpriseSummary firm = demo ? enterprises.find(enterpriseId).orElseThrow() : firm(enterpriseId);
        Map<String, String> errors = checked(form, null);
        if (!errors.isEmpty()) {
            return errors;
        }
        boolean sensor = form.kind() == PointKind.SENSOR;
        long id = jdbc.sql("""
                        INSERT INTO monitoring_point (enterprise_id, organization_id, kind, tag, name, location, quantity,
                          unit_of_measure, level1, level2, demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(firm.id(), firm.organizationId(), form.kind().name(), form.tag().strip(), form.name().strip(),
                        blankToNull(form.location()), sensor ? form.quantity().strip() : null,
                        sensor ? form.unitOfMeasure().strip() : null, sensor ? form.level1() : null,
                        sensor ? form.level2() : null, demo)
                .query(Long.class).single();
        Audit.target("监测点", id);
        return Map.of();
    }

    @Transactional
    public Map<String, String> change(long pointId, PointForm form) {
        MonitoringPoint point = load(pointId);
        firm(point.enterpriseId());
        Audit.target("监测点", pointId);
        Map<String, String> errors = checked(form, pointId);
        if (!errors.isEmpty()) {
            return errors;
        }
        boolean sensor = form.kind() == PointKind.SENSOR;
        int updated = jdbc.sql("""
                        UPDATE monitoring_point SET kind = ?, tag = ?, name = ?, location = ?, quantity = ?, unit_of_measure = ?,
                          level1 = ?, level2 = ?, version = version + 1 WHERE id = ? AND version = ?""")
                .params(form.kind().name(), form.tag().strip(), form.name().strip(), blankToNull(form.location()),
                        sensor ? form.quantity().strip() : null, sensor ? form.unitOfMeasure().strip() : null,
                        sensor ? form.level1() : null, sensor ? form.level2() : null, pointId,
                        form.version() == null ? -1 : form.version())
                .update();
        if (updated == 0) {
            throw RuleViolation.conflict("该监测点已被他人修改，请刷新后重试。");
        }
        return Map.of();
    }

    /** Switches a point off (no more alarms accepted for it) or on again. */
    @Transactional
    public long setActive(long pointId, boolean active) {
        MonitoringPoint point = load(pointId);
        firm(point.enterpriseId());
        Audit.target("监测点", pointId);
        jdbc.sql("UPDATE monitoring_point SET active = ?, version = version + 1 WHERE id = ?").params(active, pointId).update();
        return point.enterpriseId();
    }

    @Transactional(readOnly = true)
    public MonitoringPoint load(long pointId) {
        return jdbc.sql("SELECT * FROM monitoring_point WHERE id = ?").param(pointId).query(POINT).optional()
                .orElseThrow(() -> RuleViolation.notFound("监测点不存在。"));
    }

    @Transactional(readOnly = true)
    public Map<PointKind, Long> counts(long enterpriseId) {
        Map<PointKind, Long> counts = new java.util.EnumMap<>(PointKind.class);
        jdbc.sql("SELECT kind, count(*) FROM monitoring_point WHERE enterprise_id = ? AND active GROUP BY kind")
                .param(enterpriseId).query((rs, n) -> counts.put(PointKind.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    private Map<String, String> checked(PointForm form, Long self) {
        Map<String, String> errors = new java.util.LinkedHashMap<>(form.errors());
        if (!errors.containsKey("tag")) {
            byTag(form.tag()).filter(p -> self == null || p.id() != self)
                    .ifPresent(p -> errors.put("tag", "位号“" + form.tag().strip() + "”已被其他监测点使用，请核对。"));
        }
        return errors;
    }

    private static MonitoringPoint point(ResultSet rs, int n) throws SQLException {
        return new MonitoringPoint(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getLong("organization_id"),
                PointKind.valueOf(rs.getString("kind")), rs.getString("tag"), rs.getString("name"),
                rs.getString("location"), rs.getString("quantity"), rs.getString("unit_of_measure"),
                rs.getBigDecimal("level1"), rs.getBigDecimal("level2"), rs.getBoolean("active"), rs.getInt("version"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
