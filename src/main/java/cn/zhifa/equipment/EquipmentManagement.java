package cn.zhifa.equipment;

import cn.zhifa.organization.DataScope;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.registry.OfficerSummary;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.web.Page;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 执法装备 register: items are registered and changed within the caller's units, the holder must be a certified
 * officer of the item's unit (or its subtree); lists are scoped to the caller's units.
 */
@Service
public class EquipmentManagement {

    private static final String COLUMNS = """
            SELECT q.id, q.organization_id, o.name AS org, q.kind, q.number, q.model, q.holder_user_id, q.holder_name,
                   q.status, q.purchased_on
            FROM equipment q JOIN organization o ON o.id = q.organization_id WHERE\s""";

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final OfficerManagement officers;
    private final Validator validator;
    private final Clock clock;

    EquipmentManagement(JdbcClient jdbc, DataScope scope, OfficerManagement officers, Validator validator, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.officers = officers;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional
    public long register(EquipmentForm form) {
        Checked c = check(form, null);
        return jdbc.sql("""
                        INSERT INTO equipment (organization_id, kind, number, model, holder_user_id, holder_name, status, purchased_on)
                        VALUES (:org, :kind, :number, :model, :holder, :holderName, :status, :purchased) RETURNING id""")
                .param("org", form.organizationId()).param("kind", form.kind().name()).param("number", c.number())
                .param("model", c.model()).param("holder", form.holderUserId()).param("holderName", c.holderName())
                .param("status", form.status().name()).param("purchased", form.purchasedOn())
                .query(Long.class).single();
    }

    @Transactional
    public void change(long id, EquipmentForm form) {
        get(id);
        Checked c = check(form, id);
        jdbc.sql("""
                        UPDATE equipment SET organization_id = :org, kind = :kind, number = :number, model = :model,
                               holder_user_id = :holder, holder_name = :holderName, status = :status, purchased_on = :purchased
                        WHERE id = :id""")
                .param("org", form.organizationId()).param("kind", form.kind().name()).param("number", c.number())
                .param("model", c.model()).param("holder", form.holderUserId()).param("holderName", c.holderName())
                .param("status", form.status().name()).param("purchased", form.purchasedOn()).param("id", id)
                .update();
    }

    /** Hands an item to a certified officer of its unit (领用); a scrapped item is not handed out. */
    @Transactional
    public EquipmentRow assign(long id, Long holderUserId) {
        EquipmentRow row = get(id);
        if (holderUserId == null) {
            throw new RuleViolation("请选择领用装备的执法人员。");
        }
        if (row.status() == EquipmentStatus.SCRAPPED) {
            throw new RuleViolation("已报废的装备不能领用。");
        }
        change(id, new EquipmentForm(row.organizationId(), row.kind(), row.number(), row.model(), holderUserId, row.status(),
                row.purchasedOn()));
        return get(id);
    }

    /** Takes an item back from its holder (归还): it stays in its unit without a holder. */
    @Transactional
    public EquipmentRow giveBack(long id) {
        EquipmentRow row = get(id);
        if (row.holderUserId() == null) {
            throw new RuleViolation("该装备没有保管人，无需归还。");
        }
        change(id, new EquipmentForm(row.organizationId(), row.kind(), row.number(), row.model(), null, row.status(),
                row.purchasedOn()));
        return get(id);
    }

    /** One item in the caller's units. */
    public EquipmentRow get(long id) {
        EquipmentRow row = jdbc.sql(COLUMNS + "q.id = :id").param("id", id).query((rs, n) -> row(rs)).optional()
                .orElseThrow(() -> RuleViolation.notFound("没有找到该装备。"));
        scope.require(row.organizationId());
        return row;
    }

    public Page<EquipmentRow> search(EquipmentFilter filter, Integer page, Integer size) {
        int number = Page.number(page);
        int pageSize = Page.size(size);
        Set<Long> units = units(filter.unitId());
        if (units.isEmpty()) {
            return Page.empty(number, pageSize);
        }
        long total = params(jdbc.sql("SELECT count(*) FROM equipment q WHERE " + where(filter)), filter, units)
                .query(Long.class).single();
        List<EquipmentRow> rows = params(jdbc.sql(COLUMNS + where(filter)
                        + " ORDER BY o.name, q.kind, q.number LIMIT :limit OFFSET :offset"), filter, units)
                .param("limit", pageSize).param("offset", (long) number * pageSize)
                .query((rs, n) -> row(rs)).list();
        return new Page<>(rows, number, pageSize, total);
    }

    /** Every matching item (the workbook), at most 10 000. */
    public List<EquipmentRow> all(EquipmentFilter filter) {
        Set<Long> units = units(filter.unitId());
        if (units.isEmpty()) {
            return List.of();
        }
        return params(jdbc.sql(COLUMNS + where(filter) + " ORDER BY o.name, q.kind, q.number LIMIT 10000"), filter, units)
                .query((rs, n) -> row(rs)).list();
    }

    /** The certified officers who may hold an item of the given unit (the unit and its subtree), by name. */
    public List<OfficerSummary> holders(long organizationId) {
        scope.require(organizationId);
        return officers.certifiedOfficers(scope.subtreeIds(organizationId), LocalDate.now(clock)).stream()
                .sorted(Comparator.comparing(OfficerSummary::name)).toList();
    }

    /** Today, on the application clock (the form's latest purchase date). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private record Checked(String number, String model, String holderName) {
    }

    private Checked check(EquipmentForm form, Long id) {
        Set<ConstraintViolation<EquipmentForm>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            throw new RuleViolation(violations.stream().map(ConstraintViolation::getMessage).sorted()
                    .reduce((a, b) -> a + "；" + b).orElseThrow() + "。");
        }
        if (form.purchasedOn() != null && form.purchasedOn().isAfter(today())) {
            throw new RuleViolation("购置日期不能晚于今天。");
        }
        scope.require(form.organizationId());
        String number = form.number().strip();
        String model = form.model() == null || form.model().isBlank() ? null : form.model().strip();
        boolean taken = jdbc.sql("SELECT count(*) FROM equipment WHERE kind = :kind AND number = :number AND id <> :id")
                .param("kind", form.kind().name()).param("number", number).param("id", id == null ? -1L : id)
                .query(Long.class).single() > 0;
        if (taken) {
            throw new RuleViolation("已有编号为" + number + "的" + form.kind().label() + "，请核对编号。");
        }
        String holderName = null;
        if (form.holderUserId() != null) {
            scope.requireUsers(List.of(form.holderUserId()));
            holderName = holders(form.organizationId()).stream().filter(o -> o.userId() == form.holderUserId())
                    .map(OfficerSummary::name).findFirst()
                    .orElseThrow(() -> new RuleViolation("保管人须为本单位持有有效执法证的执法人员。"));
        }
        return new Checked(number, model, holderName);
    }

    private static EquipmentRow row(ResultSet rs) throws SQLException {
        EquipmentKind kind = EquipmentKind.valueOf(rs.getString("kind"));
        EquipmentStatus status = EquipmentStatus.valueOf(rs.getString("status"));
        return new EquipmentRow(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("org"), kind, kind.label(),
                rs.getString("number"), rs.getString("model"), (Long) rs.getObject("holder_user_id", Long.class),
                rs.getString("holder_name"), status, status.label(), rs.getObject("purchased_on", LocalDate.class));
    }

    private static String where(EquipmentFilter f) {
        return "q.organization_id IN (:units)"
                + (f.kind() == null ? "" : " AND q.kind = :kind")
                + (f.status() == null ? "" : " AND q.status = :status")
                + (f.keyword() == null || f.keyword().isBlank() ? ""
                : " AND (q.number LIKE :keyword OR q.model LIKE :keyword OR q.holder_name LIKE :keyword)");
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, EquipmentFilter f, Set<Long> units) {
        spec = spec.param("units", units);
        if (f.kind() != null) {
            spec = spec.param("kind", f.kind().name());
        }
        if (f.status() != null) {
            spec = spec.param("status", f.status().name());
        }
        if (f.keyword() != null && !f.keyword().isBlank()) {
            spec = spec.param("keyword", "%" + f.keyword().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return spec;
    }

    private Set<Long> units(Long unitId) {
        Set<Long> visible = new HashSet<>(scope.visibleOrganizationIds());
        if (unitId != null) {
            visible.retainAll(scope.subtreeIds(unitId));
        }
        return visible;
    }
}
