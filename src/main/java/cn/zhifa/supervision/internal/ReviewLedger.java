package cn.zhifa.supervision.internal;

import cn.zhifa.supervision.ReviewView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The 复议/诉讼 ledger (table {@code review_litigation}). */
@Component
public class ReviewLedger {

    private final JdbcClient jdbc;

    ReviewLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long record(long caseId, long organizationId, String caseLabel, ReviewView.Kind kind, String body, LocalDate filedOn,
                       String note, long recordedBy, boolean demo) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO review_litigation (penalty_case, organization_id, case_label, kind, body, filed_on, note, recorded_by, demo)
                        VALUES (:case, :org, :label, :kind, :body, :filed, :note, :by, :demo)""")
                .param("case", caseId).param("org", organizationId).param("label", caseLabel).param("kind", kind.name())
                .param("body", body).param("filed", filedOn).param("note", note).param("by", recordedBy).param("demo", demo)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void decide(long id, int version, ReviewView.Outcome outcome, LocalDate decidedOn, BigDecimal changedFineYuan) {
        int updated = jdbc.sql("UPDATE review_litigation SET outcome = :outcome, decided_on = :on, changed_fine_yuan = :fine, "
                        + "version = version + 1 WHERE id = :id AND version = :version AND outcome IS NULL")
                .param("outcome", outcome.name()).param("on", decidedOn).param("fine", changedFineYuan).param("id", id)
                .param("version", version).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("review_litigation " + id);
        }
    }

    public Optional<ReviewView> find(long id, LongFunction<String> unitName) {
        return jdbc.sql("SELECT * FROM review_litigation WHERE id = :id").param("id", id)
                .query((rs, n) -> map(rs, unitName)).optional();
    }

    public List<ReviewView> list(Collection<Long> orgs, LongFunction<String> unitName) {
        if (orgs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM review_litigation WHERE organization_id IN (:orgs) ORDER BY filed_on DESC, id DESC")
                .param("orgs", orgs).query((rs, n) -> map(rs, unitName)).list();
    }

    /** Decided reviews and suits per outcome, of the given units, decided in the year; every outcome listed. */
    public Map<ReviewView.Outcome, Long> byOutcome(Collection<Long> orgs, int year) {
        Map<ReviewView.Outcome, Long> counts = new EnumMap<>(ReviewView.Outcome.class);
        for (ReviewView.Outcome o : ReviewView.Outcome.values()) {
            counts.put(o, 0L);
        }
        if (!orgs.isEmpty()) {
            jdbc.sql("SELECT outcome, count(*) FROM review_litigation WHERE organization_id IN (:orgs) AND outcome IS NOT NULL "
                            + "AND decided_on BETWEEN :from AND :to GROUP BY outcome")
                    .param("orgs", orgs).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                    .query((rs, n) -> counts.put(ReviewView.Outcome.valueOf(rs.getString(1)), rs.getLong(2))).list();
        }
        return counts;
    }

    /** As {@link #byOutcome(Collection, int)}, only of the given kinds (复议 apart from 诉讼 in the annual figures). */
    public Map<ReviewView.Outcome, Long> byOutcome(Collection<Long> orgs, int year, Collection<ReviewView.Kind> kinds) {
        Map<ReviewView.Outcome, Long> counts = new EnumMap<>(ReviewView.Outcome.class);
        for (ReviewView.Outcome o : ReviewView.Outcome.values()) {
            counts.put(o, 0L);
        }
        if (!orgs.isEmpty() && !kinds.isEmpty()) {
            jdbc.sql("SELECT outcome, count(*) FROM review_litigation WHERE organization_id IN (:orgs) AND outcome IS NOT NULL "
                            + "AND kind IN (:kinds) AND decided_on BETWEEN :from AND :to GROUP BY outcome")
                    .param("orgs", orgs).param("kinds", kinds.stream().map(Enum::name).toList())
                    .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                    .query((rs, n) -> counts.put(ReviewView.Outcome.valueOf(rs.getString(1)), rs.getLong(2))).list();
        }
        return counts;
    }

    public void purgeDemo() {
        jdbc.sql("DELETE FROM review_litigation WHERE demo").update();
    }

    private static ReviewView map(java.sql.ResultSet rs, LongFunction<String> unitName) throws java.sql.SQLException {
        ReviewView.Kind kind = ReviewView.Kind.valueOf(rs.getString("kind"));
        String outcome = rs.getString("outcome");
        ReviewView.Outcome o = outcome == null ? null : ReviewView.Outcome.valueOf(outcome);
        return new ReviewView(rs.getLong("id"), rs.getLong("penalty_case"), rs.getString("case_label"),
                rs.getLong("organization_id"), unitName.apply(rs.getLong("organization_id")), kind, kind.label(),
                rs.getString("body"), rs.getObject("filed_on", LocalDate.class), rs.getObject("decided_on", LocalDate.class),
                o, o == null ? "审理中" : o.label(), rs.getBigDecimal("changed_fine_yuan"), rs.getString("note"),
                rs.getInt("version"));
    }
}
