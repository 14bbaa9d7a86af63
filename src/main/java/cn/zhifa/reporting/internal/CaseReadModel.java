package cn.zhifa.reporting.internal;

import cn.zhifa.casework.CaseKind;
import cn.zhifa.casework.CaseReported;
import cn.zhifa.casework.CaseStatistics;
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
 * Cases filed and decided per unit and kind (执法处罚/事故处罚) with their fines, maintained from {@link CaseReported}
 * snapshots: one row per case, replaced by each snapshot, so a repeated event changes nothing. {@link #rebuild(int)}
 * recomputes the cases filed or decided in a year from the snapshots casework replays.
 */
@Component
public class CaseReadModel {

    private final JdbcClient jdbc;
    private final CaseStatistics cases;
    private final StatisticsReads reads;

    CaseReadModel(JdbcClient jdbc, CaseStatistics cases, StatisticsReads reads) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.reads = reads;
    }

    /** Cases of a period over some units: filed, decided (不予处罚 not counted) and fines decided, each by kind. */
    public record CaseFigures(Map<CaseKind, Long> filed, Map<CaseKind, Long> decided, Map<CaseKind, BigDecimal> finesYuan) {

        public long filedTotal() {
            return filed.values().stream().mapToLong(Long::longValue).sum();
        }

        public long decidedTotal() {
            return decided.values().stream().mapToLong(Long::longValue).sum();
        }

        public BigDecimal finesTotal() {
            return finesYuan.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        }
    }

    @ApplicationModuleListener
    void on(CaseReported reported) {
        apply(reported);
    }

    @Transactional
    public void apply(CaseReported c) {
        jdbc.sql("""
                        INSERT INTO reporting_case (case_id, organization_id, kind, filed_on, decided_on, fine_yuan, punished)
                        VALUES (:id, :org, :kind, :filed, :decided, :fine, :punished)
                        ON CONFLICT (case_id) DO UPDATE SET organization_id = EXCLUDED.organization_id, kind = EXCLUDED.kind,
                            filed_on = COALESCE(EXCLUDED.filed_on, reporting_case.filed_on),
                            decided_on = COALESCE(EXCLUDED.decided_on, reporting_case.decided_on),
                            fine_yuan = COALESCE(EXCLUDED.fine_yuan, reporting_case.fine_yuan),
                            punished = EXCLUDED.punished""")
                .param("id", c.caseId()).param("org", c.organizationId()).param("kind", c.kind().name())
                .param("filed", c.filedOn()).param("decided", c.decidedOn()).param("fine", c.fineYuan())
                .param("punished", c.punished()).update();
    }

    /** Recomputes the cases filed or decided in {@code year} (every unit) from the snapshots casework replays. */
    @Transactional
    public void rebuild(int year) {
        jdbc.sql("DELETE FROM reporting_case WHERE filed_on BETWEEN :from AND :to OR decided_on BETWEEN :from AND :to")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31)).update();
        cases.replayReported(year, this::apply);
    }

    public CaseFigures figures(int year, Collection<Long> organizationIds) {
        return figures(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), organizationIds);
    }

    public CaseFigures figures(LocalDate from, LocalDate to, Collection<Long> organizationIds) {
        return reads.query(db -> figures(db, from, to, organizationIds));
    }

    private static CaseFigures figures(JdbcClient db, LocalDate from, LocalDate to, Collection<Long> organizationIds) {
        Map<CaseKind, Long> filed = new EnumMap<>(CaseKind.class);
        Map<CaseKind, Long> decided = new EnumMap<>(CaseKind.class);
        Map<CaseKind, BigDecimal> fines = new EnumMap<>(CaseKind.class);
        for (CaseKind kind : CaseKind.values()) {
            filed.put(kind, 0L);
            decided.put(kind, 0L);
            fines.put(kind, BigDecimal.ZERO.setScale(2));
        }
        if (organizationIds.isEmpty()) {
            return new CaseFigures(filed, decided, fines);
        }
        List<Long> orgs = List.copyOf(organizationIds);
        db.sql("""
                        SELECT kind, count(*) FROM reporting_case
                        WHERE organization_id IN (:orgs) AND filed_on BETWEEN :from AND :to GROUP BY kind""")
                .param("orgs", orgs).param("from", from).param("to", to)
                .query((rs, n) -> filed.put(CaseKind.valueOf(rs.getString(1)), rs.getLong(2))).list();
        db.sql("""
                        SELECT kind, count(*), COALESCE(sum(fine_yuan), 0) FROM reporting_case
                        WHERE organization_id IN (:orgs) AND decided_on BETWEEN :from AND :to AND punished GROUP BY kind""")
                .param("orgs", orgs).param("from", from).param("to", to)
                .query((rs, n) -> {
                    CaseKind kind = CaseKind.valueOf(rs.getString(1));
                    decided.put(kind, rs.getLong(2));
                    return fines.put(kind, rs.getBigDecimal(3).setScale(2));
                }).list();
        return new CaseFigures(filed, decided, fines);
    }
}
