package cn.zhifa.casework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The figures the annual reports are made of, for the user's scope and one year, with year-on-year change. */
@Service
public class CaseStatistics {

    private final JdbcClient jdbc;
    private final CaseScope scope;

    CaseStatistics(JdbcClient jdbc, CaseScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /**
     * @param finesEnforcementYuan fines decided in 执法处罚 cases; {@code finesAccidentYuan} in 事故处罚 cases
     * @param dualShare            share (%) of decided cases that are 一案双罚
     */
    public record Figures(int year, long filed, long decided, long closed, long notPunished, BigDecimal finesYuan,
                          BigDecimal finesEnforcementYuan, BigDecimal finesAccidentYuan, long enforcementDecided,
                          long accidentDecided, long dualCases, BigDecimal dualShare, long individualsFined,
                          long legalReviews, long meetings, long casesDiscussed, long hearings, long transfers,
                          long criminalTransfers, long summaryPenalties, Long filedLastYear, BigDecimal filedChange,
                          BigDecimal finesLastYearYuan, BigDecimal finesChange) {
    }

    @Transactional(readOnly = true)
    public Figures forYear(int year) {
        return forYear(year, scope.visibleOrganizationIds());
    }

    /** As {@link #forYear(int)} over the given units (the caller checked they are in scope): reporting's annual figures. */
    @Transactional(readOnly = true)
    public Figures forYear(int year, java.util.Collection<Long> organizationIds) {
        List<Long> orgs = List.copyOf(organizationIds);
        Raw now = raw(orgs, year);
        Raw before = raw(orgs, year - 1);
        BigDecimal dualShare = now.decided == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(now.dual * 100).divide(BigDecimal.valueOf(now.decided), 1, RoundingMode.HALF_UP);
        return new Figures(year, now.filed, now.decided, now.closed, now.notPunished, now.fines, now.finesEnforcement,
                now.finesAccident, now.enforcementDecided, now.accidentDecided, now.dual, dualShare, now.individuals,
                now.reviews, now.meetings, now.discussed, now.hearings, now.transfers, now.criminal, now.summary,
                before.filed, change(BigDecimal.valueOf(now.filed), BigDecimal.valueOf(before.filed)), before.fines,
                change(now.fines, before.fines));
    }

    /**
     * Figures the annual reports print beside {@link Figures}: cases filed by kind (执法处罚 / 事故处罚), fines decided on
     * natural persons, and 行政强制措施 (查封/扣押) applied in the year.
     */
    public record ReportFigures(long filedEnforcement, long filedAccident, BigDecimal finesOnIndividualsYuan,
                                long coerciveMeasures) {
    }

    @Transactional(readOnly = true)
    public ReportFigures reportFigures(int year, java.util.Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return new ReportFigures(0, 0, BigDecimal.ZERO, 0);
        }
        return jdbc.sql("""
                        SELECT
                          count(*) FILTER (WHERE EXTRACT(YEAR FROM filed_on) = :year AND kind = 'ENFORCEMENT'),
                          count(*) FILTER (WHERE EXTRACT(YEAR FROM filed_on) = :year AND kind = 'ACCIDENT'),
                          COALESCE(sum(fine_yuan) FILTER (WHERE EXTRACT(YEAR FROM decided_on) = :year
                                   AND stage <> 'NOT_PUNISHED' AND party_kind = 'PERSON'), 0),
                          (SELECT count(*) FROM coercive_measure c JOIN penalty_case p ON p.id = c.penalty_case AND p.organization_id = c.organization_id
                            WHERE p.organization_id IN (:orgs) AND EXTRACT(YEAR FROM c.applied_on) = :year)
                        FROM penalty_case WHERE organization_id IN (:orgs)""")
                .param("orgs", List.copyOf(organizationIds)).param("year", year)
                .query((rs, n) -> new ReportFigures(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getLong(4)))
                .single();
    }

    /**
     * Replays, for every unit, the {@link CaseReported} facts of the cases filed or decided in {@code year} (their state
     * now): reporting rebuilds its read model from them.
     */
    @Transactional(readOnly = true)
    public void replayReported(int year, java.util.function.Consumer<CaseReported> sink) {
        java.time.LocalDate from = java.time.LocalDate.of(year, 1, 1);
        java.time.LocalDate to = java.time.LocalDate.of(year, 12, 31);
        try (var rows = jdbc.sql("""
                        SELECT id, organization_id, kind, filed_on, decided_on, fine_yuan, stage FROM penalty_case
                        WHERE filed_on BETWEEN :from AND :to OR decided_on BETWEEN :from AND :to ORDER BY id""")
                .param("from", from).param("to", to)
                .query((rs, n) -> new CaseReported(rs.getLong("id"), rs.getLong("organization_id"),
                        CaseKind.valueOf(rs.getString("kind")), rs.getObject("filed_on", java.time.LocalDate.class),
                        rs.getObject("decided_on", java.time.LocalDate.class), rs.getBigDecimal("fine_yuan"),
                        !CaseStage.NOT_PUNISHED.name().equals(rs.getString("stage"))))
                .stream()) {
            rows.forEach(sink);
        }
    }

    private static final String FACTS = """
            SELECT p.id, p.organization_id, p.version, f.figure, f.on_day, f.yuan FROM penalty_case p
            LEFT JOIN LATERAL (
              SELECT 'INDIVIDUAL_FINED' AS figure, p.decided_on AS on_day,
                     CASE WHEN p.stage <> 'NOT_PUNISHED' THEN p.fine_yuan ELSE 0 END AS yuan
                WHERE p.party_kind = 'PERSON' AND p.fine_yuan > 0 AND p.decided_on IS NOT NULL
              UNION ALL SELECT 'SUMMARY', p.decided_on, NULL WHERE p.procedure_kind = 'SUMMARY' AND p.decided_on IS NOT NULL
              UNION ALL SELECT 'DUAL', p.decided_on, NULL
                WHERE p.decided_on IS NOT NULL AND p.stage <> 'NOT_PUNISHED' AND p.linked_case_id IS NOT NULL
              UNION ALL SELECT 'NOT_PUNISHED', p.decided_on, NULL WHERE p.decided_on IS NOT NULL AND p.stage = 'NOT_PUNISHED'
              UNION ALL SELECT 'HEARING', p.heard_on, NULL WHERE p.heard_on IS NOT NULL
              UNION ALL SELECT 'TRANSFER', p.closed_on, NULL WHERE p.closed_on IS NOT NULL AND p.stage = 'TRANSFERRED'
              UNION ALL SELECT 'CRIMINAL_TRANSFER', p.closed_on, NULL
                WHERE p.closed_on IS NOT NULL AND p.stage = 'TRANSFERRED' AND p.criminal_transfer
                  AND NOT EXISTS (SELECT 1 FROM case_referral r WHERE r.penalty_case = p.id AND r.organization_id = p.organization_id)
              UNION ALL SELECT 'CRIMINAL_TRANSFER', r.referred_on, NULL FROM case_referral r WHERE r.penalty_case = p.id AND r.organization_id = p.organization_id
              UNION ALL SELECT 'LEGAL_REVIEW', min(s.occurred_on), NULL FROM case_step s
                WHERE s.penalty_case = p.id AND s.organization_id = p.organization_id AND s.kind = 'LEGAL_REVIEW' GROUP BY EXTRACT(YEAR FROM s.occurred_on)
              UNION ALL SELECT 'COERCIVE_MEASURE', c.applied_on, NULL FROM coercive_measure c WHERE c.penalty_case = p.id AND c.organization_id = p.organization_id
              UNION ALL SELECT 'DISCUSSED', m.held_on, NULL FROM case_meeting m WHERE m.id = p.meeting_id
            ) f ON TRUE
            """;

    /** The {@link CaseFactsReported} snapshot of one case as it is now (empty when the case does not exist). */
    @Transactional(readOnly = true)
    public java.util.Optional<CaseFactsReported> factsOf(long caseId) {
        List<CaseFactsReported> found = new java.util.ArrayList<>();
        facts(FACTS + " WHERE p.id = :id ORDER BY p.id", Map.of("id", caseId), found::add);
        return found.stream().findFirst();
    }

    /**
     * Replays, for every unit, the {@link CaseFactsReported} snapshots of the cases with a fact in {@code year}, and
     * the 案审会 held in it: reporting rebuilds its read model of these figures from them.
     */
    @Transactional(readOnly = true)
    public void replayFacts(int year, java.util.function.Consumer<CaseFactsReported> sink,
                            java.util.function.Consumer<MeetingHeld> meetings) {
        facts(FACTS + """
                 WHERE p.id IN (SELECT q.id FROM penalty_case q LEFT JOIN LATERAL (""" + LATERAL_OF_Q + """
                 ) g ON TRUE WHERE EXTRACT(YEAR FROM g.on_day) = :year) ORDER BY p.id""", Map.of("year", year), sink);
        jdbc.sql("SELECT id, organization_id, held_on FROM case_meeting WHERE EXTRACT(YEAR FROM held_on) = :year ORDER BY id")
                .param("year", year)
                .query((rs, n) -> new MeetingHeld(rs.getLong(1), rs.getLong(2), rs.getObject(3, java.time.LocalDate.class)))
                .list().forEach(meetings);
    }

    /** The days of the facts of case {@code q} (the lateral part of {@link #FACTS} over another alias). */
    private static final String LATERAL_OF_Q = FACTS.substring(FACTS.indexOf("LEFT JOIN LATERAL (") + "LEFT JOIN LATERAL (".length(),
            FACTS.lastIndexOf(") f ON TRUE")).replace("p.", "q.");

    private void facts(String sql, Map<String, ?> params, java.util.function.Consumer<CaseFactsReported> sink) {
        var statement = jdbc.sql(sql);
        for (Map.Entry<String, ?> p : params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        List<Object[]> rows = statement.query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getInt(3),
                rs.getString(4), rs.getObject(5, java.time.LocalDate.class), rs.getBigDecimal(6)}).list();
        int i = 0;
        while (i < rows.size()) {
            long caseId = (Long) rows.get(i)[0];
            long org = (Long) rows.get(i)[1];
            int version = (Integer) rows.get(i)[2];
            List<CaseFactsReported.Fact> facts = new java.util.ArrayList<>();
            for (; i < rows.size() && (Long) rows.get(i)[0] == caseId; i++) {
                if (rows.get(i)[3] != null) {
                    facts.add(new CaseFactsReported.Fact(CaseFactsReported.Figure.valueOf((String) rows.get(i)[3]),
                            (java.time.LocalDate) rows.get(i)[4], (BigDecimal) rows.get(i)[5]));
                }
            }
            sink.accept(new CaseFactsReported(caseId, org, version, List.copyOf(facts)));
        }
    }

    /** Cases filed (立案) and fines decided in one 专项 (planning's campaign id). */
    public record CampaignFigures(long campaignId, long filed, BigDecimal finesYuan) {
    }

    /** Cases per 专项 among {@code campaignIds}; a 专项 without any is absent. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, CampaignFigures> byCampaign(java.util.Collection<Long> campaignIds) {
        if (campaignIds.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc.sql("""
                SELECT campaign_id, count(*) FILTER (WHERE filed_on IS NOT NULL),
                       COALESCE(sum(fine_yuan) FILTER (WHERE decided_on IS NOT NULL AND stage <> 'NOT_PUNISHED'), 0)
                FROM penalty_case WHERE campaign_id IN (:ids) GROUP BY campaign_id""")
                .param("ids", List.copyOf(campaignIds))
                .query((rs, n) -> new CampaignFigures(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3))).list().stream()
                .collect(java.util.stream.Collectors.toMap(CampaignFigures::campaignId, f -> f));
    }

    /** Cases of a period (a month or quarter of a 统计报表): filed, decided and fines decided, by kind. */
    public record PeriodFigures(long filedEnforcement, long filedAccident, long decidedEnforcement, long decidedAccident,
                                BigDecimal finesEnforcementYuan, BigDecimal finesAccidentYuan) {
    }

    @Transactional(readOnly = true)
    public PeriodFigures periodFigures(java.time.LocalDate from, java.time.LocalDate to, java.util.Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return new PeriodFigures(0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
        }
        return jdbc.sql("""
                        SELECT
                          count(*) FILTER (WHERE filed_on BETWEEN :from AND :to AND kind = 'ENFORCEMENT'),
                          count(*) FILTER (WHERE filed_on BETWEEN :from AND :to AND kind = 'ACCIDENT'),
                          count(*) FILTER (WHERE decided_on BETWEEN :from AND :to AND stage <> 'NOT_PUNISHED' AND kind = 'ENFORCEMENT'),
                          count(*) FILTER (WHERE decided_on BETWEEN :from AND :to AND stage <> 'NOT_PUNISHED' AND kind = 'ACCIDENT'),
                          COALESCE(sum(fine_yuan) FILTER (WHERE decided_on BETWEEN :from AND :to AND stage <> 'NOT_PUNISHED' AND kind = 'ENFORCEMENT'), 0),
                          COALESCE(sum(fine_yuan) FILTER (WHERE decided_on BETWEEN :from AND :to AND stage <> 'NOT_PUNISHED' AND kind = 'ACCIDENT'), 0)
                        FROM penalty_case WHERE organization_id IN (:orgs)""")
                .param("orgs", List.copyOf(organizationIds)).param("from", from).param("to", to)
                .query((rs, n) -> new PeriodFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6)))
                .single();
    }

    /** As {@link #periodFigures} for each of {@code organizationIds} alone (its own cases), in one query; a unit without any is absent. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, PeriodFigures> periodFiguresPerUnit(java.time.LocalDate from, java.time.LocalDate to,
                                                                   java.util.Collection<Long> organizationIds) {
        java.util.Map<Long, PeriodFigures> result = new java.util.HashMap<>();
        if (organizationIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        SELECT organization_id,
                          count(*) FILTER (WHERE filed_on BETWEEN :from AND :to AND kind = 'ENFORCEMENT'),
                          count(*) FILTER (WHERE filed_on BETWEEN :from AND :to AND kind = 'ACCIDENT'),
                          count(*) FILTER (WHERE decided_on BETWEEN :from AND :to AND stage <> 'NOT_PUNISHED' AND kind = 'ENFORCEMENT'),
                          count(*) FILTER (WHERE decided_on BETWEEN :from AND :to AND stage <> 'NOT_PUNISHED' AND kind = 'ACCIDENT'),
                          COALESCE(sum(fine_yuan) FILTER (WHERE decided_on BETWEEN :from AND :to AND stage <> 'NOT_PUNISHED' AND kind = 'ENFORCEMENT'), 0),
                          COALESCE(sum(fine_yuan) FILTER (WHERE decided_on BETWEEN :from AND :to AND stage <> 'NOT_PUNISHED' AND kind = 'ACCIDENT'), 0)
                        FROM penalty_case WHERE organization_id IN (:orgs) GROUP BY organization_id""")
                .param("orgs", List.copyOf(organizationIds)).param("from", from).param("to", to)
                .query((rs, n) -> result.put(rs.getLong(1), new PeriodFigures(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getBigDecimal(6), rs.getBigDecimal(7))))
                .list();
        return result;
    }

    /** One unit's own cases (not its subunits'): filed, decided and fines decided in the year. */
    public record UnitFigures(long organizationId, long filed, long decided, BigDecimal finesYuan) {
    }

    /** Per unit of the user's scope (each unit's own cases), for oversight dashboards; units without cases are absent. */
    @Transactional(readOnly = true)
    public List<UnitFigures> perUnit(int year) {
        List<Long> orgs = List.copyOf(scope.visibleOrganizationIds());
        if (orgs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT organization_id,
                          count(*) FILTER (WHERE EXTRACT(YEAR FROM filed_on) = :year) AS filed,
                          count(*) FILTER (WHERE EXTRACT(YEAR FROM decided_on) = :year AND stage <> 'NOT_PUNISHED') AS decided,
                          COALESCE(sum(fine_yuan) FILTER (WHERE EXTRACT(YEAR FROM decided_on) = :year AND stage <> 'NOT_PUNISHED'), 0) AS fines
                        FROM penalty_case WHERE organization_id IN (:orgs) GROUP BY organization_id""")
                .param("orgs", orgs).param("year", year)
                .query((rs, n) -> new UnitFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4)))
                .list();
    }

    /** Cases filed per month of the year in the user's scope: index 1..12 (0 unused). */
    @Transactional(readOnly = true)
    public long[] filedPerMonth(int year) {
        long[] months = new long[13];
        List<Long> orgs = List.copyOf(scope.visibleOrganizationIds());
        if (orgs.isEmpty()) {
            return months;
        }
        jdbc.sql("SELECT EXTRACT(MONTH FROM filed_on)::int, count(*) FROM penalty_case WHERE organization_id IN (:orgs) "
                        + "AND EXTRACT(YEAR FROM filed_on) = :year GROUP BY 1")
                .param("orgs", orgs).param("year", year)
                .query((rs, n) -> months[rs.getInt(1)] = rs.getLong(2)).list();
        return months;
    }

    private static BigDecimal change(BigDecimal now, BigDecimal before) {
        if (before.signum() == 0) {
            return null;
        }
        return now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP);
    }

    private record Raw(long filed, long decided, long closed, long notPunished, BigDecimal fines, BigDecimal finesEnforcement,
                       BigDecimal finesAccident, long enforcementDecided, long accidentDecided, long dual, long individuals,
                       long reviews, long meetings, long discussed, long hearings, long transfers, long criminal, long summary) {
    }

    private Raw raw(List<Long> orgs, int year) {
        if (orgs.isEmpty()) {
            return new Raw(0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        return jdbc.sql("""
                        SELECT
                          count(*) FILTER (WHERE EXTRACT(YEAR FROM filed_on) = :year) AS filed,
                          count(*) FILTER (WHERE EXTRACT(YEAR FROM decided_on) = :year AND stage <> 'NOT_PUNISHED') AS decided,
                          count(*) FILTER (WHERE EXTRACT(YEAR FROM closed_on) = :year AND stage IN ('CLOSED','ARCHIVED')) AS closed,
                          count(*) FILTER (WHERE EXTRACT(YEAR FROM decided_on) = :year AND stage = 'NOT_PUNISHED') AS not_punished,
                          COALESCE(sum(fine_yuan) FILTER (WHERE EXTRACT(YEAR FROM decided_on) = :year AND stage <> 'NOT_PUNISHED'), 0) AS fines,
                          COALESCE(sum(fine_yuan) FILTER (WHERE EXTRACT(YEAR FROM decided_on) = :year AND stage <> 'NOT_PUNISHED' AND kind = 'ENFORCEMENT'), 0) AS fines_enforcement,
                          COALESCE(sum(fine_yuan) FILTER (WHERE EXTRACT(YEAR FROM decided_on) = :year AND stage <> 'NOT_PUNISHED' AND kind = 'ACCIDENT'), 0) AS fines_accident,
                          count(*) FILTER (WHERE EXTRACT(YEAR FROM decided_on) = :year AND stage <> 'NOT_PUNISHED' AND kind = 'ENFORCEMENT') AS enforcement_decided,
                          count(*) FILTER (WHERE EXTRACT(YEAR FROM decided_on) = :year AND stage <> 'NOT_PUNISHED' AND kind = 'ACCIDENT') AS accident_decided,
                          count(*) FILTER (WHERE EXTRACT(YEAR FROM decided_on) = :year AND stage <> 'NOT_PUNISHED' AND linked_case_id IS NOT NULL) AS dual,
                          count(*) FILTER (WHERE EXTRACT(YEAR FROM decided_on) = :year AND party_kind = 'PERSON' AND fine_yuan > 0) AS individuals,
                          count(*) FILTER (WHERE EXTRACT(YEAR FROM heard_on) = :year) AS hearings,
                          count(*) FILTER (WHERE EXTRACT(YEAR FROM closed_on) = :year AND stage = 'TRANSFERRED') AS transfers,
                          count(*) FILTER (WHERE EXTRACT(YEAR FROM closed_on) = :year AND stage = 'TRANSFERRED' AND criminal_transfer
                            AND NOT EXISTS (SELECT 1 FROM case_referral r WHERE r.penalty_case = penalty_case.id AND r.organization_id = penalty_case.organization_id))
                          + (SELECT count(*) FROM case_referral r JOIN penalty_case p ON p.id = r.penalty_case AND p.organization_id = r.organization_id
                            WHERE p.organization_id IN (:orgs) AND EXTRACT(YEAR FROM r.referred_on) = :year) AS criminal,
                          count(*) FILTER (WHERE EXTRACT(YEAR FROM decided_on) = :year AND procedure_kind = 'SUMMARY') AS summary,
                          (SELECT count(DISTINCT s.penalty_case) FROM case_step s JOIN penalty_case p ON p.id = s.penalty_case AND p.organization_id = s.organization_id
                            WHERE p.organization_id IN (:orgs) AND s.kind = 'LEGAL_REVIEW' AND EXTRACT(YEAR FROM s.occurred_on) = :year) AS reviews,
                          (SELECT count(*) FROM case_meeting m WHERE m.organization_id IN (:orgs) AND EXTRACT(YEAR FROM m.held_on) = :year) AS meetings,
                          (SELECT count(*) FROM penalty_case p JOIN case_meeting m ON m.id = p.meeting_id
                            WHERE p.organization_id IN (:orgs) AND EXTRACT(YEAR FROM m.held_on) = :year) AS discussed
                        FROM penalty_case WHERE organization_id IN (:orgs)""")
                .param("orgs", orgs).param("year", year)
                .query((rs, n) -> new Raw(rs.getLong("filed"), rs.getLong("decided"), rs.getLong("closed"),
                        rs.getLong("not_punished"), rs.getBigDecimal("fines"), rs.getBigDecimal("fines_enforcement"),
                        rs.getBigDecimal("fines_accident"), rs.getLong("enforcement_decided"), rs.getLong("accident_decided"),
                        rs.getLong("dual"), rs.getLong("individuals"), rs.getLong("reviews"), rs.getLong("meetings"),
                        rs.getLong("discussed"), rs.getLong("hearings"), rs.getLong("transfers"), rs.getLong("criminal"),
                        rs.getLong("summary")))
                .single();
    }
}
