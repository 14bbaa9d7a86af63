package cn.zhifa.casework.internal.filing;

import cn.zhifa.casework.CaseFilingStatistics;
import cn.zhifa.casework.PenaltyCase;
import cn.zhifa.casework.CaseManagement;
import cn.zhifa.casework.CaseReported;
import cn.zhifa.casework.FilingCount;
import cn.zhifa.casework.ProcedureKind;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.web.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 备案 of penalty decisions. When a decision is made ({@link CaseReported} after the case is saved, in the same
 * transaction) the filings it owes by {@link FilingRules} fall due, one per body; each is recorded with the day sent and
 * the reference number. Lists and counts keep to the caller's data scope.
 */
@Service
public class CaseFilings implements CaseFilingStatistics {

    private static final String SELECT = """
            SELECT f.id, f.penalty_case, c.case_number, c.decision_number, c.party_name, c.title, o.name AS unit_name, f.kind,
                   f.body, f.decided_on, f.due_on, f.sent_on, f.reference_number, f.recorded_by
            FROM case_filing f JOIN penalty_case c ON c.id = f.penalty_case JOIN organization o ON o.id = f.organization_id""";

    private final CaseManagement cases;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final FilingRules rules;

    CaseFilings(CaseManagement cases, JdbcClient jdbc, Clock clock, Environment environment) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.clock = clock;
        this.rules = FilingRules.from(Binder.get(environment)).orElseGet(FilingRules::bundled);
    }

    public FilingRules rules() {
        return rules;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A decision was made (or a case reported again): the filings it owes fall due; those already due stay as they are. */
    @EventListener
    void on(CaseReported reported) {
        if (reported.decidedOn() == null || !reported.punished()) {
            return;
        }
        Optional<ProcedureKind> procedure = jdbc.sql("SELECT procedure_kind FROM penalty_case WHERE id = :id")
                .param("id", reported.caseId()).query(String.class).optional().map(ProcedureKind::valueOf);
        if (procedure.isEmpty()) {
            return;
        }
        for (FilingRules.Due due : rules.due(procedure.get(), reported.fineYuan(), reported.decidedOn())) {
            jdbc.sql("""
                            INSERT INTO case_filing (penalty_case, organization_id, kind, body, decided_on, due_on)
                            VALUES (:case, :org, :kind, :body, :decided, :due) ON CONFLICT (penalty_case, kind, body) DO NOTHING""")
                    .param("case", reported.caseId()).param("org", reported.organizationId()).param("kind", due.kind().name())
                    .param("body", due.body()).param("decided", reported.decidedOn()).param("due", due.dueOn()).update();
        }
    }

    /** Records that a filing of the case was sent: the day (from the decision to today) and the reference number. */
    @Transactional
    public CaseFiling record(long caseId, long filingId, LocalDate sentOn, String referenceNumber) {
        cases.get(caseId);
        CaseFiling f = jdbc.sql(SELECT + " WHERE f.id = :id AND f.penalty_case = :case FOR UPDATE OF f")
                .param("id", filingId).param("case", caseId).query(this::row).optional()
                .orElseThrow(() -> RuleViolation.notFound("本案没有这项备案。"));
        if (f.sentOn() != null) {
            throw RuleViolation.conflict("向" + f.body() + "的" + f.kindLabel() + "已于" + f.sentOn() + "登记，不能重复登记。");
        }
        if (sentOn == null) {
            throw new RuleViolation("请填写报送日期。");
        }
        if (sentOn.isBefore(f.decidedOn())) {
            throw new RuleViolation("报送日期（" + sentOn + "）不能早于处罚决定日期（" + f.decidedOn() + "）。");
        }
        if (sentOn.isAfter(today())) {
            throw new RuleViolation("报送日期不能晚于今天（" + today() + "）。");
        }
        String number = referenceNumber == null ? "" : referenceNumber.strip();
        if (number.isEmpty()) {
            throw new RuleViolation("请填写备案文号（或者报送回执编号）。");
        }
        if (number.length() > 80) {
            throw new RuleViolation("备案文号不能超过80个字。");
        }
        jdbc.sql("""
                        UPDATE case_filing SET sent_on = :sent, reference_number = :number, recorded_by = :by, recorded_at = :at
                        WHERE id = :id""")
                .param("sent", sentOn).param("number", number).param("by", Actors.require().displayName())
                .param("at", Timestamp.from(clock.instant())).param("id", filingId).update();
        return jdbc.sql(SELECT + " WHERE f.id = :id").param("id", filingId).query(this::row).single();
    }

    /** The filings a case owes, in the caller's scope, soonest due first. */
    @Transactional(readOnly = true)
    public List<CaseFiling> ofCase(long caseId) {
        return ofCase(cases.get(caseId));
    }

    /** The same for a case the caller already holds (loaded in its scope through {@code CaseManagement.get}): the case page. */
    public List<CaseFiling> ofCase(PenaltyCase c) {
        long caseId = c.getId();
        return jdbc.sql(SELECT + " WHERE f.penalty_case = :case ORDER BY f.due_on, f.id").param("case", caseId).query(this::row).list();
    }

    /** The filings in the caller's scope (within {@code unitId}'s subtree when given), soonest due first. */
    @Transactional(readOnly = true)
    public Page<CaseFiling> search(Long unitId, FilingStatus status, Integer year, int page, int size) {
        Set<Long> orgs = cases.visibleUnits(unitId);
        if (orgs.isEmpty()) {
            return Page.empty(page, size);
        }
        String where = where(status, year);
        long total = bind(jdbc.sql("SELECT count(*) FROM case_filing f" + where), orgs, year).query(Long.class).single();
        List<CaseFiling> rows = bind(jdbc.sql(SELECT + where + " ORDER BY f.due_on, f.id LIMIT :limit OFFSET :offset"), orgs, year)
                .param("limit", size).param("offset", (long) page * size).query(this::row).list();
        return new Page<>(rows, page, size, total);
    }

    /** Every filing of the search (for the export), capped at 5,000 rows. */
    @Transactional(readOnly = true)
    public List<CaseFiling> all(Long unitId, FilingStatus status, Integer year) {
        return search(unitId, status, year, 0, 5000).items();
    }

    @Override
    @Transactional(readOnly = true)
    public FilingCount count(Long unitId, Integer year) {
        Set<Long> orgs = cases.visibleUnits(unitId);
        if (orgs.isEmpty()) {
            return new FilingCount(0, 0, 0, 0);
        }
        return bind(jdbc.sql("""
                        SELECT count(*) FILTER (WHERE f.sent_on IS NULL AND f.due_on >= :today) AS due,
                               count(*) FILTER (WHERE f.sent_on IS NULL AND f.due_on < :today) AS overdue,
                               count(*) FILTER (WHERE f.sent_on IS NOT NULL) AS recorded,
                               count(*) FILTER (WHERE f.sent_on > f.due_on) AS late
                        FROM case_filing f""" + where(null, year)), orgs, year)
                .query((rs, n) -> new FilingCount(rs.getLong("due"), rs.getLong("overdue"), rs.getLong("recorded"), rs.getLong("late")))
                .single();
    }

    private static String where(FilingStatus status, Integer year) {
        return " WHERE f.organization_id IN (:orgs)"
                + (year == null ? "" : " AND EXTRACT(YEAR FROM f.decided_on) = :year")
                + (status == null ? "" : switch (status) {
                    case DUE -> " AND f.sent_on IS NULL AND f.due_on >= :today";
                    case OVERDUE -> " AND f.sent_on IS NULL AND f.due_on < :today";
                    case RECORDED -> " AND f.sent_on IS NOT NULL";
                });
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Set<Long> orgs, Integer year) {
        return spec.param("orgs", List.copyOf(orgs)).param("year", year).param("today", today());
    }

    private CaseFiling row(ResultSet rs, int n) throws SQLException {
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        LocalDate sent = rs.getObject("sent_on", LocalDate.class);
        FilingStatus status = sent != null ? FilingStatus.RECORDED : due.isBefore(today()) ? FilingStatus.OVERDUE : FilingStatus.DUE;
        return new CaseFiling(rs.getLong("id"), rs.getLong("penalty_case"), rs.getString("case_number"), rs.getString("decision_number"),
                rs.getString("party_name"), rs.getString("title"), rs.getString("unit_name"), FilingKind.valueOf(rs.getString("kind")),
                rs.getString("body"), rs.getObject("decided_on", LocalDate.class), due, sent, rs.getString("reference_number"),
                rs.getString("recorded_by"), status);
    }
}
