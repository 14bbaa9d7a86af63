package cn.zhifa.supervision.fault;

import cn.zhifa.casework.CaseManagement;
import cn.zhifa.casework.PenaltyCase;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.registry.OfficerSummary;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.web.Page;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 执法过错 records (table {@code enforcement_fault}): a supervisor records an officer's fault — in a case or in a duty
 * not done — with how it was found, then the responsibility decided. Leaders read their own unit's. The counts per
 * unit feed 效能考评 as a penalty indicator.
 */
@Service
public class EnforcementFaults {

    @Schema(description = "记录执法过错：officerId 为过错执法人员，caseId 为所涉处罚案件（可空，如不履行法定职责），kind 为配置的过错情形")
    public record RecordFault(@NotNull(message = "请选择过错执法人员") Long officerId,
                              Long caseId,
                              @NotBlank(message = "请选择过错情形") String kind,
                              @NotNull(message = "请选择发现途径") FaultFoundBy foundBy,
                              @Size(max = 200, message = "发现依据不超过200字") String foundReference,
                              @NotNull(message = "请填写认定日期") LocalDate foundOn,
                              @NotBlank(message = "请填写过错事实") @Size(max = 2000, message = "过错事实不超过2000字") String facts) {
    }

    @Schema(description = "登记责任追究决定：responsibility 为配置的责任形式")
    public record DecideFault(@NotBlank(message = "请选择责任形式") String responsibility,
                              @NotNull(message = "请填写追究决定日期") LocalDate decidedOn,
                              @NotNull(message = "缺少版本号") Integer version) {
    }

    /** List filters; null means any. {@code unitId} includes the unit's subunits. */
    public record Filter(Long unitId, String kind, Integer year, Boolean decided) {
    }

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final OrganizationManagement organizations;
    private final UserManagement users;
    private final CaseManagement cases;
    private final OfficerManagement officers;
    private final FaultRules rules;
    private final Clock clock;

    EnforcementFaults(JdbcClient jdbc, DataScope scope, OrganizationManagement organizations, UserManagement users,
                      CaseManagement cases, OfficerManagement officers, FaultRules rules, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.organizations = organizations;
        this.users = users;
        this.cases = cases;
        this.officers = officers;
        this.rules = rules;
        this.clock = clock;
    }

    public FaultRules rules() {
        return rules;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Records a fault of an officer of the caller's scope, about a case of the scope (if named). */
    @Transactional
    public long record(RecordFault command) {
        FaultChecks.record(rules, command.kind(), command.foundOn(), today());
        scope.requireUsers(List.of(command.officerId()));
        UserView officer = users.get(command.officerId());
        scope.require(officer.organizationId());
        Long caseId = null;
        String caseLabel = null;
        if (command.caseId() != null) {
            PenaltyCase c = cases.get(command.caseId());
            caseId = c.getId();
            String number = c.getDecisionNumber() != null ? c.getDecisionNumber() : c.getCaseNumber();
            caseLabel = ((number == null ? "" : number + " ") + c.getTitle()).strip();
            caseLabel = caseLabel.length() > 300 ? caseLabel.substring(0, 299) + "…" : caseLabel;
        }
        return insert(officer.organizationId(), officer.id(), officer.displayName(), caseId, caseLabel, command.kind(),
                command.foundBy(), blankToNull(command.foundReference()), command.foundOn(), command.facts().strip(),
                Actors.require().userId(), false);
    }

    long insert(long org, long officerId, String officerName, Long caseId, String caseLabel, String kind, FaultFoundBy foundBy,
                String reference, LocalDate foundOn, String facts, long recordedBy, boolean demo) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO enforcement_fault (organization_id, officer_id, officer_name, penalty_case, case_label, kind,
                            found_by, found_reference, found_on, facts, recorded_by, demo)
                        VALUES (:org, :officer, :name, :case, :label, :kind, :foundBy, :ref, :foundOn, :facts, :by, :demo)""")
                .param("org", org).param("officer", officerId).param("name", officerName).param("case", caseId)
                .param("label", caseLabel).param("kind", kind).param("foundBy", foundBy.name()).param("ref", reference)
                .param("foundOn", foundOn).param("facts", facts).param("by", recordedBy).param("demo", demo)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Records the responsibility decided (once). */
    @Transactional
    public void decide(long id, DecideFault command) {
        FaultView fault = get(id);
        if (fault.decided()) {
            throw RuleViolation.conflict("该执法过错已登记责任追究决定。");
        }
        FaultChecks.decide(rules, command.responsibility(), fault.foundOn(), command.decidedOn(), today());
        int updated = jdbc.sql("UPDATE enforcement_fault SET responsibility = :r, decided_on = :on, version = version + 1 "
                        + "WHERE id = :id AND version = :version AND responsibility IS NULL")
                .param("r", command.responsibility()).param("on", command.decidedOn()).param("id", id)
                .param("version", command.version()).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("enforcement_fault " + id);
        }
    }

    @Transactional(readOnly = true)
    public FaultView get(long id) {
        FaultView fault = jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::map).optional()
                .orElseThrow(() -> RuleViolation.notFound("没有这条执法过错记录。"));
        scope.require(fault.organizationId());
        return fault;
    }

    /** The faults of the caller's scope, newest first, filtered. */
    @Transactional(readOnly = true)
    public Page<FaultView> search(Filter filter, int page, int size) {
        Collection<Long> orgs = filter.unitId() == null ? scope.visibleOrganizationIds() : visibleSubtree(filter.unitId());
        if (orgs.isEmpty()) {
            return Page.empty(page, size);
        }
        StringBuilder where = new StringBuilder(" WHERE organization_id IN (:orgs)");
        Map<String, Object> params = new HashMap<>();
        params.put("orgs", orgs);
        if (filter.kind() != null && !filter.kind().isBlank()) {
            where.append(" AND kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.year() != null) {
            where.append(" AND found_on BETWEEN :from AND :to");
            params.put("from", LocalDate.of(filter.year(), 1, 1));
            params.put("to", LocalDate.of(filter.year(), 12, 31));
        }
        if (filter.decided() != null) {
            where.append(filter.decided() ? " AND responsibility IS NOT NULL" : " AND responsibility IS NULL");
        }
        long total = jdbc.sql("SELECT count(*) FROM enforcement_fault" + where).params(params).query(Long.class).single();
        List<FaultView> items = jdbc.sql(SELECT + where + " ORDER BY found_on DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) page * size).query(this::map).list();
        return new Page<>(items, page, size, total);
    }

    /** Every fault of the filter, for the Excel export. */
    @Transactional(readOnly = true)
    public List<FaultView> all(Filter filter) {
        return search(filter, 0, 10_000).items();
    }

    /** Faults found in the period per unit (each unit's own, not its subunits'), of the given units: one query. */
    @Transactional(readOnly = true)
    public Map<Long, Long> countsPerUnit(Collection<Long> orgs, LocalDate from, LocalDate to) {
        Map<Long, Long> counts = new HashMap<>();
        if (!orgs.isEmpty()) {
            jdbc.sql("SELECT organization_id, count(*) FROM enforcement_fault WHERE organization_id IN (:orgs) "
                            + "AND found_on BETWEEN :from AND :to GROUP BY organization_id")
                    .param("orgs", orgs).param("from", from).param("to", to)
                    .query((rs, n) -> counts.put(rs.getLong(1), rs.getLong(2))).list();
        }
        return counts;
    }

    /** The certified officers of the caller's scope, by unit, for the form. */
    @Transactional(readOnly = true)
    public Map<String, List<OfficerSummary>> officersByUnit() {
        Map<Long, String> names = new LinkedHashMap<>();
        organizations.visibleTree().forEach(u -> names.put(u.id(), u.name()));
        Map<String, List<OfficerSummary>> byUnit = new LinkedHashMap<>();
        for (OfficerSummary o : officers.certifiedOfficers(names.keySet(), today())) {
            byUnit.computeIfAbsent(names.getOrDefault(o.organizationId(), ""), k -> new ArrayList<>()).add(o);
        }
        return byUnit;
    }

    public List<OrganizationView> units() {
        return organizations.visibleTree();
    }

    public void purgeDemo() {
        jdbc.sql("DELETE FROM enforcement_fault WHERE demo").update();
    }

    private Collection<Long> visibleSubtree(long unitId) {
        Set<Long> visible = scope.visibleOrganizationIds();
        return organizations.subtreeIds(unitId).stream().filter(visible::contains).toList();
    }

    private static final String SELECT = "SELECT * FROM enforcement_fault";

    private FaultView map(ResultSet rs, int n) throws SQLException {
        long org = rs.getLong("organization_id");
        FaultFoundBy foundBy = FaultFoundBy.valueOf(rs.getString("found_by"));
        return new FaultView(rs.getLong("id"), org, organizations.find(org).map(OrganizationView::name).orElse(""),
                rs.getLong("officer_id"), rs.getString("officer_name"), (Long) rs.getObject("penalty_case", Long.class),
                rs.getString("case_label"), rs.getString("kind"), foundBy, foundBy.label(), rs.getString("found_reference"),
                rs.getObject("found_on", LocalDate.class), rs.getString("facts"), rs.getString("responsibility"),
                rs.getObject("decided_on", LocalDate.class), rs.getInt("version"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
