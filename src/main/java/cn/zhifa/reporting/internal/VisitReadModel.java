package cn.zhifa.reporting.internal;

import cn.zhifa.inspection.InspectionKind;
import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.inspection.InspectionMode;
import cn.zhifa.inspection.InspectionRecorded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Inspection visits per unit, day, kind and mode, and visited firms per unit, year and kind, maintained from
 * {@link InspectionRecorded}. A repeated event changes nothing; a correction replaces the contribution of the record
 * it corrects. {@link #rebuild(int)} recomputes a year from the facts the inspection module replays.
 */
@Component
public class VisitReadModel {

    private final JdbcClient jdbc;
    private final InspectionManagement inspections;
    private final StatisticsReads reads;

    VisitReadModel(JdbcClient jdbc, InspectionManagement inspections, StatisticsReads reads) {
        this.jdbc = jdbc;
        this.inspections = inspections;
        this.reads = reads;
    }

    /** The visit figures of a year over the given units. */
    public record VisitFigures(long visits, long firms, long officerVisits, Map<InspectionKind, Long> visitsByKind,
                               Map<InspectionKind, Long> firmsByKind, Map<InspectionMode, Long> visitsByMode) {
    }

    @ApplicationModuleListener
    void on(InspectionRecorded recorded) {
        apply(recorded);
    }

    @Transactional
    public void apply(InspectionRecorded recorded) {
        int inserted = jdbc.sql("""
                        INSERT INTO reporting_visit (record_id, organization_id, day, enterprise_id, kind, mode, officers)
                        VALUES (:id, :org, :day, :firm, :kind, :mode, :officers) ON CONFLICT (record_id) DO NOTHING""")
                .param("id", recorded.recordId()).param("org", recorded.organizationId()).param("day", recorded.date())
                .param("firm", recorded.enterpriseId()).param("kind", recorded.kind().name())
                .param("mode", recorded.mode().name()).param("officers", recorded.officers().size())
                .update();
        if (inserted == 0) {
            return;
        }
        if (recorded.correctionOf() != null) {
            jdbc.sql("SELECT organization_id, day, enterprise_id, kind, mode, officers FROM reporting_visit WHERE record_id = :id")
                    .param("id", recorded.correctionOf())
                    .query((rs, n) -> new Contribution(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getLong(3),
                            rs.getString(4), rs.getString(5), rs.getInt(6)))
                    .optional().ifPresent(old -> {
                        add(old, -1);
                        jdbc.sql("DELETE FROM reporting_visit WHERE record_id = :id").param("id", recorded.correctionOf()).update();
                    });
        }
        add(new Contribution(recorded.organizationId(), recorded.date(), recorded.enterpriseId(), recorded.kind().name(),
                recorded.mode().name(), recorded.officers().size()), 1);
    }

    private record Contribution(long organizationId, LocalDate day, long enterpriseId, String kind, String mode, int officers) {
    }

    private void add(Contribution c, int sign) {
        jdbc.sql("""
                        INSERT INTO reporting_visit_day (organization_id, day, kind, mode, visits, officer_visits)
                        VALUES (:org, :day, :kind, :mode, :visits, :officers)
                        ON CONFLICT (organization_id, day, kind, mode) DO UPDATE
                        SET visits = reporting_visit_day.visits + EXCLUDED.visits,
                            officer_visits = reporting_visit_day.officer_visits + EXCLUDED.officer_visits""")
                .param("org", c.organizationId()).param("day", c.day()).param("kind", c.kind()).param("mode", c.mode())
                .param("visits", sign).param("officers", sign * c.officers()).update();
        jdbc.sql("""
                        INSERT INTO reporting_firm_year (organization_id, year, enterprise_id, kind, visits)
                        VALUES (:org, :year, :firm, :kind, :visits)
                        ON CONFLICT (organization_id, year, kind, enterprise_id) DO UPDATE
                        SET visits = reporting_firm_year.visits + EXCLUDED.visits""")
                .param("org", c.organizationId()).param("year", c.day().getYear()).param("firm", c.enterpriseId())
                .param("kind", c.kind()).param("visits", sign).update();
    }

    /** Recomputes a year from the records the inspection module replays (for every unit). */
    @Transactional
    public void rebuild(int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        jdbc.sql("DELETE FROM reporting_visit WHERE day BETWEEN :from AND :to").param("from", from).param("to", to).update();
        jdbc.sql("DELETE FROM reporting_visit_day WHERE day BETWEEN :from AND :to").param("from", from).param("to", to).update();
        jdbc.sql("DELETE FROM reporting_firm_year WHERE year = :year").param("year", year).update();
        inspections.replayRecorded(year, this::apply);
    }

    public VisitFigures figures(int year, Collection<Long> organizationIds) {
        return figures(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), organizationIds,
                "FROM reporting_firm_year WHERE organization_id IN (:orgs) AND year = :year AND visits > 0", Map.of("year", year));
    }

    /** The visit figures of a period (a month or quarter) over the given units. */
    public VisitFigures figures(LocalDate from, LocalDate to, Collection<Long> organizationIds) {
        return figures(from, to, organizationIds,
                "FROM reporting_visit WHERE organization_id IN (:orgs) AND day BETWEEN :from AND :to", Map.of("from", from, "to", to));
    }

    /** Visits from the daily rows; firms (distinct) from {@code firmRows}: the yearly table for a year, the visits otherwise. */
    private VisitFigures figures(LocalDate from, LocalDate to, Collection<Long> organizationIds, String firmRows,
                                 Map<String, Object> firmParams) {
        return reads.query(db -> figures(db, from, to, organizationIds, firmRows, firmParams));
    }

    private static VisitFigures figures(JdbcClient db, LocalDate from, LocalDate to, Collection<Long> organizationIds,
                                        String firmRows, Map<String, Object> firmParams) {
        Map<InspectionKind, Long> visitsByKind = new EnumMap<>(InspectionKind.class);
        Map<InspectionKind, Long> firmsByKind = new EnumMap<>(InspectionKind.class);
        Map<InspectionMode, Long> visitsByMode = new EnumMap<>(InspectionMode.class);
        for (InspectionKind kind : InspectionKind.values()) {
            visitsByKind.put(kind, 0L);
            firmsByKind.put(kind, 0L);
        }
        for (InspectionMode mode : InspectionMode.values()) {
            visitsByMode.put(mode, 0L);
        }
        if (organizationIds.isEmpty()) {
            return new VisitFigures(0, 0, 0, visitsByKind, firmsByKind, visitsByMode);
        }
        long[] officerVisits = new long[1];
        db.sql("""
                        SELECT kind, mode, sum(visits), sum(officer_visits) FROM reporting_visit_day
                        WHERE organization_id IN (:orgs) AND day BETWEEN :from AND :to GROUP BY kind, mode""")
                .param("orgs", organizationIds).param("from", from).param("to", to)
                .query((rs, n) -> {
                    visitsByKind.merge(InspectionKind.valueOf(rs.getString(1)), rs.getLong(3), Long::sum);
                    visitsByMode.merge(InspectionMode.valueOf(rs.getString(2)), rs.getLong(3), Long::sum);
                    officerVisits[0] += rs.getLong(4);
                    return null;
                }).list();
        db.sql("SELECT kind, count(DISTINCT enterprise_id) " + firmRows + " GROUP BY kind")
                .param("orgs", organizationIds).params(firmParams)
                .query((rs, n) -> firmsByKind.put(InspectionKind.valueOf(rs.getString(1)), rs.getLong(2))).list();
        long firms = db.sql("SELECT count(DISTINCT enterprise_id) " + firmRows)
                .param("orgs", organizationIds).params(firmParams).query(Long.class).single();
        long visits = visitsByKind.values().stream().mapToLong(Long::longValue).sum();
        return new VisitFigures(visits, firms, officerVisits[0], visitsByKind, firmsByKind, visitsByMode);
    }

    /** Visits of the period per unit (each unit's own daily rows), in one query; a unit without any is absent. */
    public Map<Long, Long> visitsPerUnit(LocalDate from, LocalDate to, Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return new java.util.HashMap<>();
        }
        return reads.query(db -> {
            Map<Long, Long> result = new java.util.HashMap<>();
            db.sql("SELECT organization_id, sum(visits) FROM reporting_visit_day WHERE organization_id IN (:orgs) "
                            + "AND day BETWEEN :from AND :to GROUP BY organization_id")
                    .param("orgs", organizationIds).param("from", from).param("to", to)
                    .query((rs, n) -> result.put(rs.getLong(1), rs.getLong(2))).list();
            return result;
        });
    }

    /** Visits per month (index 0 = January) over the given units. */
    public long[] visitsPerMonth(int year, Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return new long[12];
        }
        return reads.query(db -> {
            long[] months = new long[12];
            db.sql("""
                            SELECT EXTRACT(MONTH FROM day)::int, sum(visits) FROM reporting_visit_day
                            WHERE organization_id IN (:orgs) AND day BETWEEN :from AND :to GROUP BY 1""")
                    .param("orgs", organizationIds).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                    .query((rs, n) -> months[rs.getInt(1) - 1] = rs.getLong(2)).list();
            return months;
        });
    }
}
