package cn.zhifa.hazard.internal;

import cn.zhifa.hazard.HazardLevel;
import cn.zhifa.hazard.HazardQuery;
import cn.zhifa.hazard.HazardStatus;
import cn.zhifa.hazard.HazardView;
import cn.zhifa.hazard.Measure;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.shared.web.Page;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hazard register as a read model: filter (including 逾期 and 临期, computed from the deadline and the working-day
 * calendar before the query), order and page in SQL, so a province's 1.5 million hazards list as fast as a township's.
 * The total is counted exactly up to {@code zhifa.hazard.count-cap}; a total of cap + 1 means "more than cap".
 */
@Component
public class HazardRegister {

    private static final String COLUMNS = """
            id, enterprise_name, enterprise_id, level, status, description, location, measure, deadline, found_on,
            supervised, exposed, record_id, organization_id""";

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final OrganizationManagement organizations;
    private final LegalCalendar calendar;
    private final int dueSoonWorkingDays;
    private final int countCap;

    HazardRegister(JdbcClient jdbc, DataScope scope, OrganizationManagement organizations, LegalCalendar calendar,
                   @Value("${zhifa.hazard.due-soon-working-days:3}") int dueSoonWorkingDays,
                   @Value("${zhifa.hazard.count-cap:10000}") int countCap) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.organizations = organizations;
        this.calendar = calendar;
        this.dueSoonWorkingDays = dueSoonWorkingDays;
        this.countCap = countCap;
    }

    public int countCap() {
        return countCap;
    }

    /** The page of the register the query asks for, within the caller's data scope (and the unit's subtree if given). */
    public Page<HazardView> search(HazardQuery query, LocalDate today) {
        return search(query, today, null);
    }

    /**
     * {@link #search(HazardQuery, LocalDate)} naming the rows' units from {@code tree}, the caller's units as the page
     * has read them already ({@link #units()}), so the names cost no statement of their own; {@code null} reads them.
     */
    public Page<HazardView> search(HazardQuery query, LocalDate today, List<OrganizationView> tree) {
        Collection<Long> orgs = organizationsOf(query.unitId());
        if (orgs.isEmpty()) {
            return Page.empty(query.page(), query.size());
        }
        Where where = where(query.filter(), query.recordId(), orgs, today);
        if (query.year() != null) {
            where = new Where(where.sql + " AND found_on BETWEEN :yearFrom AND :yearTo AND status <> 'REPORTED'",
                    where.params.addValue("yearFrom", Date.valueOf(LocalDate.of(query.year(), 1, 1)))
                            .addValue("yearTo", Date.valueOf(LocalDate.of(query.year(), 12, 31))));
        }
        where.params.addValue("cap", countCap + 1).addValue("limit", query.size())
                .addValue("offset", (long) query.page() * query.size());
        long total = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM hazard WHERE " + where.sql + " LIMIT :cap) counted")
                .paramSource(where.params).query(Long.class).single();
        if (total == 0) {
            return Page.empty(query.page(), query.size());
        }
        LocalDate soon = dueSoonUntil(today);
        List<HazardView> rows = jdbc.sql("SELECT " + COLUMNS + " FROM hazard WHERE " + where.sql + " ORDER BY "
                        + order(query.filter(), query.sort()) + " LIMIT :limit OFFSET :offset")
                .paramSource(where.params).query((rs, n) -> row(rs, today, soon)).list();
        return new Page<>(named(rows, tree), query.page(), query.size(), total);
    }

    /**
     * The rows with their units' names, read once per page: from the tree given, else one unit by itself and several
     * from the caller's tree.
     */
    private List<HazardView> named(List<HazardView> rows, List<OrganizationView> tree) {
        Set<Long> units = new HashSet<>();
        rows.forEach(row -> units.add(row.organizationId()));
        Map<Long, String> names = new HashMap<>();
        if (tree != null) {
            tree.forEach(unit -> names.put(unit.id(), unit.name()));
        } else if (units.size() > 1) {
            organizations.visibleTree().forEach(unit -> names.put(unit.id(), unit.name()));
        }
        return rows.stream().map(row -> new HazardView(row.id(), row.enterpriseName(), row.enterpriseId(), row.level(),
                row.status(), row.description(), row.location(), row.measure(), row.deadline(), row.foundOn(), row.overdue(),
                row.dueSoon(), row.supervised(), row.exposed(), row.recordId(), row.organizationId(),
                names.computeIfAbsent(row.organizationId(), this::unitName))).toList();
    }

    /** How many hazards in the caller's scope match the filter (counted up to the cap). */
    public long count(String filter, LocalDate today) {
        return counts(List.of(filter), today).get(filter);
    }

    /**
     * How many hazards in the caller's scope match each filter (each counted up to the cap, as the register's total of
     * that filter), in one statement: the 工作台's 逾期 and 临期 badges.
     */
    public Map<String, Long> counts(List<String> filters, LocalDate today) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        Collection<Long> orgs = scope.visibleOrganizationIds();
        if (orgs.isEmpty()) {
            filters.forEach(filter -> counts.put(filter, 0L));
            return counts;
        }
        var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("cap", countCap + 1);
        List<String> counted = new java.util.ArrayList<>();
        for (String filter : filters) {
            // every filter's condition binds the same names to the same values (orgs, today, soon)
            Where where = where(new HazardQuery(filter, null, null, null, 0, 1).filter(), null, orgs, today);
            where.params.getValues().forEach(params::addValue);
            counted.add("(SELECT count(*) FROM (SELECT 1 FROM hazard WHERE " + where.sql + " LIMIT :cap) c" + counted.size() + ")");
        }
        List<Long> values = jdbc.sql("SELECT " + String.join(", ", counted)).paramSource(params)
                .query((rs, n) -> {
                    List<Long> row = new java.util.ArrayList<>();
                    for (int i = 1; i <= filters.size(); i++) {
                        row.add(rs.getLong(i));
                    }
                    return row;
                }).single();
        for (int i = 0; i < filters.size(); i++) {
            counts.put(filters.get(i), values.get(i));
        }
        return counts;
    }

    /**
     * Overdue hazards (the register's 逾期 filter) of each unit of the caller's scope, its own only, in one query; a unit
     * without any is absent. Summed over a subtree it is the register's 逾期 count of that unit.
     */
    public Map<Long, Long> overduePerUnit(LocalDate today) {
        Map<Long, Long> result = new HashMap<>();
        Collection<Long> orgs = scope.visibleOrganizationIds();
        if (orgs.isEmpty()) {
            return result;
        }
        Where where = where("overdue", null, orgs, today);
        jdbc.sql("SELECT organization_id, count(*) FROM hazard WHERE " + where.sql + " GROUP BY organization_id")
                .paramSource(where.params).query((rs, n) -> result.put(rs.getLong(1), rs.getLong(2))).list();
        return result;
    }

    /** The units an oversight user can filter by: the caller's own unit and every unit below it. */
    public List<OrganizationView> units() {
        return organizations.visibleTree();
    }

    public String unitName(long organizationId) {
        return organizations.find(organizationId).map(OrganizationView::name).orElse("");
    }

    /**
     * The last day that is still "即将到期" seen from {@code today}: at most the configured number of working days
     * ahead, by the official holiday calendar.
     */
    public LocalDate dueSoonUntil(LocalDate today) {
        LocalDate last = today;
        for (LocalDate day = today.plusDays(1); day.isBefore(today.plusDays(60)); day = day.plusDays(1)) {
            if (calendar.workingDaysBetween(today, day).workingDays() > dueSoonWorkingDays) {
                break;
            }
            last = day;
        }
        return last;
    }

    private Collection<Long> organizationsOf(Long unitId) {
        Set<Long> visible = scope.visibleOrganizationIds();
        if (unitId == null) {
            return visible;
        }
        scope.require(unitId);
        Set<Long> subtree = new HashSet<>(scope.subtreeIds(unitId));
        subtree.retainAll(visible);
        return subtree;
    }

    private record Where(String sql, org.springframework.jdbc.core.namedparam.MapSqlParameterSource params) {
    }

    private Where where(String filter, Long recordId, Collection<Long> orgs, LocalDate today) {
        var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource();
        StringBuilder sql = new StringBuilder("organization_id IN (:orgs)");
        params.addValue("orgs", orgs);
        switch (filter) {
            case "all" -> { }
            case "closed" -> sql.append(" AND status = 'CLOSED'");
            case "major-closed" -> sql.append(" AND level = 'MAJOR' AND status = 'CLOSED'");
            case "major" -> sql.append(" AND level = 'MAJOR'");
            case "supervised" -> sql.append(" AND supervised");
            case "overdue" -> {
                sql.append(" AND status = 'RECTIFYING' AND measure = 'ORDER' AND deadline < :today");
                params.addValue("today", Date.valueOf(today));
            }
            case "due-soon" -> {
                sql.append(" AND status = 'RECTIFYING' AND deadline BETWEEN :today AND :soon");
                params.addValue("today", Date.valueOf(today)).addValue("soon", Date.valueOf(dueSoonUntil(today)));
            }
            default -> sql.append(" AND status <> 'CLOSED'");
        }
        if (recordId != null) {
            sql.append(" AND record_id = :record");
            params.addValue("record", recordId);
        }
        return new Where(sql.toString(), params);
    }

    private static String order(String filter, String sort) {
        if (("overdue".equals(filter) || "due-soon".equals(filter)) && "deadline".equals(sort)) {
            // every row is under rectification: the same order as the default one, but one the partial indexes of
            // V6_60 deliver already sorted (no sort of a province's overdue hazards before the LIMIT)
            return "deadline, id DESC";
        }
        return switch (sort) {
            case "found" -> "found_on DESC, id DESC";
            case "found-asc" -> "found_on, id";
            default -> "(status = 'CLOSED'), deadline, id DESC";
        };
    }

    private HazardView row(ResultSet rs, LocalDate today, LocalDate soon) throws SQLException {
        HazardStatus status = HazardStatus.valueOf(rs.getString("status"));
        String measureCode = rs.getString("measure");
        Measure measure = measureCode == null ? null : Measure.valueOf(measureCode);
        Date deadlineValue = rs.getDate("deadline");
        LocalDate deadline = deadlineValue == null ? null : deadlineValue.toLocalDate();
        boolean overdue = status == HazardStatus.RECTIFYING && measure == Measure.ORDER && deadline != null
                && today.isAfter(deadline);
        boolean dueSoon = !overdue && status == HazardStatus.RECTIFYING && deadline != null && !deadline.isBefore(today)
                && !deadline.isAfter(soon);
        long org = rs.getLong("organization_id");
        long recordId = rs.getLong("record_id");
        Long record = rs.wasNull() ? null : recordId;
        return new HazardView(rs.getLong("id"), rs.getString("enterprise_name"), rs.getLong("enterprise_id"),
                HazardLevel.valueOf(rs.getString("level")), status, rs.getString("description"), rs.getString("location"),
                measure, deadline, rs.getDate("found_on").toLocalDate(), overdue, dueSoon, rs.getBoolean("supervised"),
                rs.getBoolean("exposed"), record, org, null);
    }
}
