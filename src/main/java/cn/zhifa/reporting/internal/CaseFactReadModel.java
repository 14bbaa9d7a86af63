package cn.zhifa.reporting.internal;

import cn.zhifa.casework.CaseFactsReported;
import cn.zhifa.casework.CaseStatistics;
import cn.zhifa.casework.MeetingHeld;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The case figures beside 立案 and decisions (see {@link CaseFactsReported.Figure}), per unit and day, maintained from
 * casework's {@link CaseFactsReported} snapshots (a case's rows are replaced by a snapshot of a newer or equal version,
 * so a repeated or late event changes nothing) and {@link MeetingHeld}. {@link #rebuild(int)} recomputes a year from
 * what casework replays.
 */
@Component
public class CaseFactReadModel {

    private final JdbcClient jdbc;
    private final CaseStatistics cases;
    private final StatisticsReads reads;

    CaseFactReadModel(JdbcClient jdbc, CaseStatistics cases, StatisticsReads reads) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.reads = reads;
    }

    /** The figures of a period over some units: a count per figure, the fines on individuals, and the 案审会 held. */
    public record FactFigures(Map<CaseFactsReported.Figure, Long> counts, BigDecimal finesOnIndividualsYuan, long meetings) {

        public long count(CaseFactsReported.Figure figure) {
            return counts.getOrDefault(figure, 0L);
        }
    }

    @ApplicationModuleListener
    void on(CaseFactsReported reported) {
        apply(reported, false);
    }

    @ApplicationModuleListener
    void on(MeetingHeld held) {
        apply(held);
    }

    /** Applies a snapshot unless a newer one was applied already ({@code force}: the rebuild's, applied regardless). */
    @Transactional
    public void apply(CaseFactsReported c, boolean force) {
        int newer = jdbc.sql("""
                        INSERT INTO reporting_case_fact_version (case_id, version) VALUES (:id, :version)
                        ON CONFLICT (case_id) DO UPDATE SET version = EXCLUDED.version
                        WHERE :force OR reporting_case_fact_version.version <= EXCLUDED.version""")
                .param("id", c.caseId()).param("version", c.version()).param("force", force).update();
        if (newer == 0) {
            return;
        }
        jdbc.sql("DELETE FROM reporting_case_fact WHERE case_id = ?").param(c.caseId()).update();
        for (CaseFactsReported.Fact fact : c.facts()) {
            jdbc.sql("""
                            INSERT INTO reporting_case_fact (case_id, organization_id, figure, on_day, yuan)
                            VALUES (:id, :org, :figure, :on, :yuan)""")
                    .param("id", c.caseId()).param("org", c.organizationId()).param("figure", fact.figure().name())
                    .param("on", fact.on()).param("yuan", fact.yuan()).update();
        }
    }

    @Transactional
    public void apply(MeetingHeld held) {
        jdbc.sql("""
                        INSERT INTO reporting_case_meeting (meeting_id, organization_id, held_on) VALUES (:id, :org, :on)
                        ON CONFLICT (meeting_id) DO UPDATE SET organization_id = EXCLUDED.organization_id, held_on = EXCLUDED.held_on""")
                .param("id", held.meetingId()).param("org", held.organizationId()).param("on", held.heldOn()).update();
    }

    /** Recomputes the facts and 案审会 of {@code year} (every unit) from the snapshots casework replays. */
    @Transactional
    public void rebuild(int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        jdbc.sql("DELETE FROM reporting_case_fact WHERE on_day BETWEEN :from AND :to").param("from", from).param("to", to).update();
        jdbc.sql("DELETE FROM reporting_case_meeting WHERE held_on BETWEEN :from AND :to").param("from", from).param("to", to).update();
        cases.replayFacts(year, c -> apply(c, true), this::apply);
    }

    public FactFigures figures(int year, Collection<Long> organizationIds) {
        return figures(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), organizationIds);
    }

    public FactFigures figures(LocalDate from, LocalDate to, Collection<Long> organizationIds) {
        return reads.query(db -> figures(db, from, to, organizationIds));
    }

    private static FactFigures figures(JdbcClient db, LocalDate from, LocalDate to, Collection<Long> organizationIds) {
        Map<CaseFactsReported.Figure, Long> counts = new EnumMap<>(CaseFactsReported.Figure.class);
        for (CaseFactsReported.Figure figure : CaseFactsReported.Figure.values()) {
            counts.put(figure, 0L);
        }
        if (organizationIds.isEmpty()) {
            return new FactFigures(counts, BigDecimal.ZERO.setScale(2), 0);
        }
        List<Long> orgs = List.copyOf(organizationIds);
        BigDecimal[] individuals = {BigDecimal.ZERO.setScale(2)};
        db.sql("""
                        SELECT figure, count(*), COALESCE(sum(yuan), 0) FROM reporting_case_fact
                        WHERE organization_id IN (:orgs) AND on_day BETWEEN :from AND :to GROUP BY figure""")
                .param("orgs", orgs).param("from", from).param("to", to)
                .query((rs, n) -> {
                    CaseFactsReported.Figure figure = CaseFactsReported.Figure.valueOf(rs.getString(1));
                    counts.put(figure, rs.getLong(2));
                    if (figure == CaseFactsReported.Figure.INDIVIDUAL_FINED) {
                        individuals[0] = rs.getBigDecimal(3).setScale(2);
                    }
                    return figure;
                }).list();
        long meetings = db.sql("""
                        SELECT count(*) FROM reporting_case_meeting WHERE organization_id IN (:orgs) AND held_on BETWEEN :from AND :to""")
                .param("orgs", orgs).param("from", from).param("to", to).query(Long.class).single();
        return new FactFigures(counts, individuals[0], meetings);
    }
}
