package cn.zhifa.reporting.internal;

import cn.zhifa.hazard.HazardClosed;
import cn.zhifa.hazard.HazardFound;
import cn.zhifa.hazard.HazardLevel;
import cn.zhifa.hazard.HazardManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Hazards found (and their 销号) per unit, maintained from {@link HazardFound} and {@link HazardClosed}: one row per
 * hazard, so a repeated event changes nothing and a 销号 seen before its finding is kept until the finding arrives.
 * {@link #rebuild(int)} recomputes a year from the facts the hazard module replays.
 */
@Component
public class HazardReadModel {

    /** Hazards written by one statement (4 parameters each, far below PostgreSQL's 65,535). */
    static final int ROWS = 500;

    private final JdbcClient jdbc;
    private final HazardManagement hazards;
    private final StatisticsReads reads;

    HazardReadModel(JdbcClient jdbc, HazardManagement hazards, StatisticsReads reads) {
        this.jdbc = jdbc;
        this.hazards = hazards;
        this.reads = reads;
    }

    /** Hazards found in a period over some units: all, 重大, rectified (销号) and 重大 rectified among them. */
    public record HazardFigures(long found, long major, long rectified, long majorRectified) {

        /** 整改率 in percent, one decimal; 100 when nothing was found (as the hazard module counts it). */
        public double rectificationRate() {
            return found == 0 ? 100.0 : Math.round(rectified * 1000.0 / found) / 10.0;
        }
    }

    @ApplicationModuleListener
    void on(HazardFound found) {
        apply(found);
    }

    /** The hazards of one submitted record (issue 18: one delivery for all of them, one statement for their rows). */
    @ApplicationModuleListener
    void on(cn.zhifa.hazard.HazardsFound found) {
        apply(found.hazards());
    }

    @ApplicationModuleListener
    void on(HazardClosed closed) {
        apply(closed);
    }

    @Transactional
    public void apply(HazardFound found) {
        jdbc.sql("""
                        INSERT INTO reporting_hazard (hazard_id, organization_id, found_on, major)
                        VALUES (:id, :org, :on, :major)
                        ON CONFLICT (hazard_id) DO UPDATE SET found_on = EXCLUDED.found_on, major = EXCLUDED.major,
                                                              organization_id = EXCLUDED.organization_id""")
                .param("id", found.hazardId()).param("org", found.organizationId()).param("on", found.foundOn())
                .param("major", found.level() == HazardLevel.MAJOR).update();
    }

    /** As {@link #apply(HazardFound)} for each, in one statement per {@value #ROWS} hazards (a hazard named twice: its last). */
    @Transactional
    public void apply(List<HazardFound> found) {
        List<HazardFound> hazards = List.copyOf(found.stream()
                .collect(Collectors.toMap(HazardFound::hazardId, h -> h, (first, last) -> last, LinkedHashMap::new)).values());
        for (int from = 0; from < hazards.size(); from += ROWS) {
            List<HazardFound> rows = hazards.subList(from, Math.min(hazards.size(), from + ROWS));
            List<Object> params = new ArrayList<>(rows.size() * 4);
            rows.forEach(h -> params.addAll(List.of(h.hazardId(), h.organizationId(), h.foundOn(), h.level() == HazardLevel.MAJOR)));
            jdbc.sql("""
                            INSERT INTO reporting_hazard (hazard_id, organization_id, found_on, major)
                            VALUES %s
                            ON CONFLICT (hazard_id) DO UPDATE SET found_on = EXCLUDED.found_on, major = EXCLUDED.major,
                                                                  organization_id = EXCLUDED.organization_id"""
                            .formatted(String.join(", ", Collections.nCopies(rows.size(),
                                    "(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS DATE), CAST(? AS BOOLEAN))"))))
                    .params(params).update();
        }
    }

    @Transactional
    public void apply(HazardClosed closed) {
        jdbc.sql("""
                        INSERT INTO reporting_hazard (hazard_id, organization_id, major, closed_on)
                        VALUES (:id, :org, :major, :on)
                        ON CONFLICT (hazard_id) DO UPDATE SET closed_on = EXCLUDED.closed_on""")
                .param("id", closed.hazardId()).param("org", closed.organizationId())
                .param("major", closed.level() == HazardLevel.MAJOR).param("on", closed.closedOn()).update();
    }

    /** Recomputes the hazards found in {@code year} (every unit) from the facts the hazard module replays. */
    @Transactional
    public void rebuild(int year) {
        jdbc.sql("DELETE FROM reporting_hazard WHERE found_on BETWEEN :from AND :to OR found_on IS NULL")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31)).update();
        hazards.replayFacts(year, this::apply, this::apply);
    }

    public HazardFigures figures(int year, Collection<Long> organizationIds) {
        return figures(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), organizationIds);
    }

    /** The hazards found between {@code from} and {@code to} (inclusive) in the given units, and how many are closed. */
    public HazardFigures figures(LocalDate from, LocalDate to, Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return new HazardFigures(0, 0, 0, 0);
        }
        return reads.query(db -> db.sql("""
                        SELECT count(*), count(*) FILTER (WHERE major), count(*) FILTER (WHERE closed_on IS NOT NULL),
                               count(*) FILTER (WHERE major AND closed_on IS NOT NULL)
                        FROM reporting_hazard WHERE organization_id IN (:orgs) AND found_on BETWEEN :from AND :to""")
                .param("orgs", List.copyOf(organizationIds)).param("from", from).param("to", to)
                .query((rs, n) -> new HazardFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single());
    }

    /** Hazards of the given units closed (销号) between {@code from} and {@code to}, whenever they were found. */
    public long closed(LocalDate from, LocalDate to, Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return 0;
        }
        return reads.query(db -> db.sql(
                        "SELECT count(*) FROM reporting_hazard WHERE organization_id IN (:orgs) AND closed_on BETWEEN :from AND :to")
                .param("orgs", List.copyOf(organizationIds)).param("from", from).param("to", to).query(Long.class).single());
    }
}
