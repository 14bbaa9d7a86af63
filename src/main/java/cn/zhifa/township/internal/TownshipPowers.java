package cn.zhifa.township.internal;

import cn.zhifa.township.PowerMode;
import cn.zhifa.township.TownshipPowerView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The township_power table: the powers each township holds. */
@Component
public class TownshipPowers {

    private static final String COLUMNS = """
            id, organization_id, power_id, power_kind, power_name, mode, own_short_name, instrument_title,
            instrument_number, valid_from, valid_to""";

    private final JdbcClient jdbc;

    TownshipPowers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row to insert; the name of the township is filled in by the caller's view. */
    public record NewPower(long organizationId, long powerId, String powerKind, String powerName, PowerMode mode,
                           String ownShortName, String instrumentTitle, String instrumentNumber, LocalDate validFrom,
                           LocalDate validTo, boolean demo, Instant createdAt, String createdBy) {
    }

    public long insert(NewPower p) {
        return jdbc.sql("""
                        INSERT INTO township_power (organization_id, power_id, power_kind, power_name, mode, own_short_name,
                            instrument_title, instrument_number, valid_from, valid_to, demo, created_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(p.organizationId(), p.powerId(), p.powerKind(), p.powerName(), p.mode().name(), p.ownShortName(),
                        p.instrumentTitle(), p.instrumentNumber(), p.validFrom(), p.validTo(), p.demo(),
                        p.createdAt().atOffset(ZoneOffset.UTC), p.createdBy())
                .query(Long.class).single();
    }

    public List<TownshipPowerView> of(long organizationId, String townshipName) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM township_power WHERE organization_id = ? ORDER BY valid_from, id")
                .param(organizationId).query((rs, i) -> view(rs, townshipName)).list();
    }

    public Optional<Long> organizationOf(long id) {
        return jdbc.sql("SELECT organization_id FROM township_power WHERE id = ?").param(id).query(Long.class).optional();
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM township_power WHERE id = ?").param(id).update() == 1;
    }

    public boolean sameActive(long organizationId, long powerId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT count(*) FROM township_power WHERE organization_id = :org AND power_id = :power
                        AND valid_from <= COALESCE(CAST(:to AS DATE), DATE '9999-12-31')
                        AND COALESCE(valid_to, DATE '9999-12-31') >= :from""")
                .param("org", organizationId).param("power", powerId).param("from", from).param("to", to)
                .query(Long.class).single() > 0;
    }

    /** The powers of the given units, a page of them, with the total; optional mode and search in power or instrument. */
    public List<TownshipPowerView> page(Collection<Long> organizationIds, Map<Long, String> names, PowerMode mode,
                                        String q, int page, int size) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = params(organizationIds, mode, q);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return jdbc.sql("SELECT " + COLUMNS + " FROM township_power" + where(mode, q)
                        + " ORDER BY organization_id, valid_from DESC, id LIMIT :limit OFFSET :offset")
                .params(params).query((rs, i) -> view(rs, names.getOrDefault(rs.getLong("organization_id"), ""))).list();
    }

    public long count(Collection<Long> organizationIds, PowerMode mode, String q) {
        if (organizationIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM township_power" + where(mode, q)).params(params(organizationIds, mode, q))
                .query(Long.class).single();
    }

    /** Powers of each mode in force on some day of the year among the units. */
    public Map<PowerMode, Long> heldInYear(int year, Collection<Long> organizationIds) {
        Map<PowerMode, Long> counts = new LinkedHashMap<>();
        for (PowerMode m : PowerMode.values()) {
            counts.put(m, 0L);
        }
        if (!organizationIds.isEmpty()) {
            jdbc.sql("""
                            SELECT mode, count(*) AS n FROM township_power WHERE organization_id IN (:orgs)
                            AND valid_from <= :last AND COALESCE(valid_to, DATE '9999-12-31') >= :first GROUP BY mode""")
                    .param("orgs", List.copyOf(organizationIds)).param("first", LocalDate.of(year, 1, 1))
                    .param("last", LocalDate.of(year, 12, 31))
                    .query((rs, i) -> counts.put(PowerMode.valueOf(rs.getString("mode")), rs.getLong("n"))).list();
        }
        return counts;
    }

    /** The townships among the units that hold any power. */
    public List<Long> townshipsWithPowers(Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT DISTINCT organization_id FROM township_power WHERE organization_id IN (:orgs) ORDER BY 1")
                .param("orgs", List.copyOf(organizationIds)).query(Long.class).list();
    }

    public void deleteDemo() {
        jdbc.sql("DELETE FROM township_power WHERE demo").update();
    }

    private static String where(PowerMode mode, String q) {
        StringBuilder where = new StringBuilder(" WHERE organization_id IN (:orgs)");
        if (mode != null) {
            where.append(" AND mode = :mode");
        }
        if (q != null && !q.isBlank()) {
            where.append(" AND (power_name LIKE :like OR instrument_title LIKE :like OR instrument_number LIKE :like)");
        }
        return where.toString();
    }

    private static Map<String, Object> params(Collection<Long> organizationIds, PowerMode mode, String q) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("orgs", List.copyOf(organizationIds));
        if (mode != null) {
            params.put("mode", mode.name());
        }
        if (q != null && !q.isBlank()) {
            params.put("like", "%" + q.strip().replace("%", "").replace("_", "") + "%");
        }
        return params;
    }

    private static TownshipPowerView view(ResultSet rs, String townshipName) throws SQLException {
        java.sql.Date to = rs.getDate("valid_to");
        return new TownshipPowerView(rs.getLong("id"), rs.getLong("organization_id"), townshipName, rs.getLong("power_id"),
                rs.getString("power_kind"), kindLabel(rs.getString("power_kind")), rs.getString("power_name"),
                PowerMode.valueOf(rs.getString("mode")), rs.getString("own_short_name"), rs.getString("instrument_title"),
                rs.getString("instrument_number"), rs.getDate("valid_from").toLocalDate(), to == null ? null : to.toLocalDate());
    }

    private static String kindLabel(String kind) {
        return switch (kind) {
            case "PENALTY" -> "行政处罚";
            case "INSPECTION" -> "行政检查";
            case "COERCION" -> "行政强制";
            case "REWARD" -> "行政奖励";
            default -> "其他行政权力";
        };
    }
}
