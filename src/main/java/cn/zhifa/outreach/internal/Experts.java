package cn.zhifa.outreach.internal;

import cn.zhifa.audit.Audit;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.EnterpriseTimelineEntry;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.registry.OfficerSummary;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.crypto.FieldCipher;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.web.Page;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expert register (table {@code outreach_expert}, the phone sealed) and the 帮扶 visits to firms (table
 * {@code outreach_visit}) with the experts and officers who joined: the firm, the experts and the officers a visit names
 * are checked against the caller's data scope; a visit goes onto the firm's timeline.
 */
@Service
public class Experts {

    static final String PHONE = "outreach_expert.phone";

    public record RegisterExpert(String name, String field, String workUnit, String phone) {
    }

    public record ExpertView(long id, long organizationId, String unitName, String name, String field, String workUnit,
                             String phone) {

        /** The phone as lists show it: the first three and last four digits. */
        public String maskedPhone() {
            if (phone == null || phone.isBlank()) {
                return "";
            }
            String digits = phone.strip();
            return digits.length() < 8 ? "****" : digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
    }

    public record RecordVisit(Long enterpriseId, LocalDate visitedOn, List<Long> expertIds, List<Long> officerIds,
                              String problems, String advice) {
        public RecordVisit {
            expertIds = expertIds == null ? List.of() : expertIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
            officerIds = officerIds == null ? List.of() : officerIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        }
    }

    public record VisitView(long id, long organizationId, String unitName, long enterpriseId, String enterpriseName,
                            LocalDate visitedOn, List<String> experts, List<String> officers, String problems,
                            String advice) {
    }

    /** null means any. */
    public record VisitFilter(Integer year, Long enterpriseId) {
    }

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final OrganizationManagement organizations;
    private final EnterpriseManagement enterprises;
    private final OfficerManagement officers;
    private final FieldCipher cipher;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Experts(JdbcClient jdbc, DataScope scope, OrganizationManagement organizations, EnterpriseManagement enterprises,
            OfficerManagement officers, FieldCipher cipher, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.organizations = organizations;
        this.enterprises = enterprises;
        this.officers = officers;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    public long register(RegisterExpert c) {
        OutreachChecks.expert(c);
        long id = insertExpert(Actors.require().organizationId(), c, Actors.require().userId(), false);
        Audit.target("帮扶专家", id);
        Audit.detail("登记专家：" + c.name().strip() + "（" + c.field().strip() + "）");
        return id;
    }

    long insertExpert(long org, RegisterExpert c, long by, boolean demo) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO outreach_expert (organization_id, name, field, work_unit, phone, recorded_by, demo)
                        VALUES (:org, :name, :field, :unit, :phone, :by, :demo)""")
                .param("org", org).param("name", c.name().strip()).param("field", c.field().strip())
                .param("unit", c.workUnit().strip()).param("phone", cipher.seal(PHONE, OutreachChecks.blankToNull(c.phone())))
                .param("by", by).param("demo", demo).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The experts of the caller's scope by name; {@code keyword} matches name, field or unit. */
    @Transactional(readOnly = true)
    public Page<ExpertView> experts(String keyword, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("orgs", scope.visibleOrganizationIds());
        String where = " WHERE organization_id IN (:orgs)";
        if (keyword != null && !keyword.isBlank()) {
            where += " AND (name LIKE :kw OR field LIKE :kw OR work_unit LIKE :kw)";
            params.put("kw", "%" + OutreachChecks.likeEscaped(keyword.strip()) + "%");
        }
        long total = jdbc.sql("SELECT count(*) FROM outreach_expert" + where).params(params).query(Long.class).single();
        List<ExpertView> items = jdbc.sql("SELECT * FROM outreach_expert" + where + " ORDER BY name, id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) page * size).query(this::expert).list();
        return new Page<>(items, page, size, total);
    }

    /** Every expert of the caller's scope, for the visit form. */
    @Transactional(readOnly = true)
    public List<ExpertView> allExperts() {
        return experts(null, 0, 1_000).items();
    }

    /** Records a visit to a firm of the caller's scope with experts and officers of the scope. */
    @Transactional
    public long recordVisit(RecordVisit c) {
        OutreachChecks.visit(c, today());
        EnterpriseSummary firm = firm(c.enterpriseId());
        List<ExpertView> joined = experts(c.expertIds());
        Map<Long, String> officerNames = officers(c.officerIds());
        long id = insertVisit(Actors.require().organizationId(), firm, c.visitedOn(), joined, officerNames,
                c.problems().strip(), c.advice().strip(), Actors.require().userId(), false);
        Audit.target("帮扶走访", id);
        Audit.detail("帮扶走访 " + firm.name() + "，" + c.visitedOn() + "，专家 " + joined.size() + " 人");
        return id;
    }

    long insertVisit(long org, EnterpriseSummary firm, LocalDate on, List<ExpertView> joined, Map<Long, String> officerNames,
                     String problems, String advice, long by, boolean demo) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO outreach_visit (organization_id, enterprise_id, enterprise_name, visited_on, problems, advice,
                            recorded_by, demo)
                        VALUES (:org, :firm, :name, :on, :problems, :advice, :by, :demo)""")
                .param("org", org).param("firm", firm.id()).param("name", firm.name()).param("on", on)
                .param("problems", problems).param("advice", advice).param("by", by).param("demo", demo)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (ExpertView e : joined) {
            jdbc.sql("INSERT INTO outreach_visit_expert (visit_id, expert_id) VALUES (?, ?)").params(id, e.id()).update();
        }
        officerNames.forEach((officer, name) -> jdbc.sql(
                        "INSERT INTO outreach_visit_officer (visit_id, officer_id, officer_name) VALUES (?, ?, ?)")
                .params(id, officer, name).update());
        events.publishEvent(new EnterpriseTimelineEntry(firm.id(), on, "帮扶",
                "帮扶走访" + (joined.isEmpty() ? "" : "（专家 " + String.join("、", joined.stream().map(ExpertView::name).toList()) + "）"),
                "/outreach/visits?enterpriseId=" + firm.id()));
        return id;
    }

    /** The visits of the caller's scope, newest first. */
    @Transactional(readOnly = true)
    public Page<VisitView> visits(VisitFilter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("orgs", scope.visibleOrganizationIds());
        StringBuilder where = new StringBuilder(" WHERE organization_id IN (:orgs)");
        if (filter.year() != null) {
            where.append(" AND visited_on BETWEEN :from AND :to");
            params.put("from", LocalDate.of(filter.year(), 1, 1));
            params.put("to", LocalDate.of(filter.year(), 12, 31));
        }
        if (filter.enterpriseId() != null) {
            where.append(" AND enterprise_id = :firm");
            params.put("firm", filter.enterpriseId());
        }
        long total = jdbc.sql("SELECT count(*) FROM outreach_visit" + where).params(params).query(Long.class).single();
        List<VisitView> items = withPeople(jdbc.sql("SELECT * FROM outreach_visit" + where
                        + " ORDER BY visited_on DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) page * size).query(this::visit).list());
        return new Page<>(items, page, size, total);
    }

    @Transactional(readOnly = true)
    public List<VisitView> allVisits(VisitFilter filter) {
        return visits(filter, 0, 10_000).items();
    }

    /** The visits to one firm (any unit's: the firm's profile is already in the caller's scope), newest first. */
    @Transactional(readOnly = true)
    public List<VisitView> visitsTo(long enterpriseId, int limit) {
        return withPeople(jdbc.sql("SELECT * FROM outreach_visit WHERE enterprise_id = :firm ORDER BY visited_on DESC, id DESC LIMIT :limit")
                .param("firm", enterpriseId).param("limit", limit).query(this::visit).list());
    }

    public long countVisitsTo(long enterpriseId) {
        return jdbc.sql("SELECT count(*) FROM outreach_visit WHERE enterprise_id = ?").param(enterpriseId).query(Long.class).single();
    }

    /** Over the units and year: [visits (家次), expert participations (人次), distinct officers who went with experts]. */
    @Transactional(readOnly = true)
    public long[] totals(int year, Collection<Long> orgs) {
        if (orgs.isEmpty()) {
            return new long[3];
        }
        return jdbc.sql("""
                        WITH y AS (SELECT id FROM outreach_visit WHERE organization_id IN (:orgs) AND visited_on BETWEEN :from AND :to)
                        SELECT (SELECT count(*) FROM y),
                            (SELECT count(*) FROM outreach_visit_expert ve WHERE ve.visit_id IN (SELECT id FROM y)),
                            (SELECT count(DISTINCT vo.officer_id) FROM outreach_visit_officer vo
                                WHERE vo.visit_id IN (SELECT id FROM y)
                                  AND EXISTS (SELECT 1 FROM outreach_visit_expert ve WHERE ve.visit_id = vo.visit_id))""")
                .param("orgs", orgs).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    }

    /** The certified officers of the caller's scope, by unit, for the visit form. */
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

    /** A firm the caller may name: 403 outside the scope, a readable refusal when there is none. */
    public EnterpriseSummary firm(long enterpriseId) {
        EnterpriseSummary firm = enterprises.find(enterpriseId)
                .orElseThrow(() -> RuleViolation.notFound("企业库中没有该企业。"));
        scope.requireFirm(firm.id(), firm.organizationId());
        return firm;
    }

    /** Firms of the caller's scope whose name holds the keyword (two characters at least), for the forms' picker. */
    @Transactional(readOnly = true)
    public List<EnterpriseSummary> firmsMatching(String keyword) {
        if (keyword == null || keyword.strip().length() < 2) {
            return List.of();
        }
        return enterprises.search(new cn.zhifa.registry.EnterpriseQuery(keyword.strip(), null, null, null, null, null, null,
                null, null, cn.zhifa.registry.EnterpriseQuery.Sort.NAME), 0, 20).items();
    }

    void purgeDemo() {
        jdbc.sql("DELETE FROM outreach_visit WHERE demo").update();
        jdbc.sql("DELETE FROM outreach_expert WHERE demo AND id NOT IN (SELECT expert_id FROM outreach_visit_expert)").update();
    }

    private List<ExpertView> experts(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<ExpertView> found = jdbc.sql("SELECT * FROM outreach_expert WHERE id IN (:ids) ORDER BY name, id")
                .param("ids", ids).query(this::expert).list();
        if (found.size() != ids.size()) {
            throw new RuleViolation("请从专家名录中选择专家。");
        }
        found.forEach(e -> scope.require(e.organizationId()));
        return found;
    }

    private Map<Long, String> officers(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        scope.requireUsers(ids);
        Map<Long, String> visible = new LinkedHashMap<>();
        officersByUnit().values().forEach(list -> list.forEach(o -> visible.put(o.userId(), o.name())));
        Map<Long, String> chosen = new LinkedHashMap<>();
        for (Long id : ids) {
            String name = visible.get(id);
            if (name == null) {
                throw new RuleViolation("请从名单中选择持有效执法证的执法人员。");
            }
            chosen.put(id, name);
        }
        return chosen;
    }

    private List<VisitView> withPeople(List<VisitView> visits) {
        if (visits.isEmpty()) {
            return visits;
        }
        List<Long> ids = visits.stream().map(VisitView::id).toList();
        Map<Long, List<String>> experts = new HashMap<>();
        jdbc.sql("SELECT ve.visit_id, e.name FROM outreach_visit_expert ve JOIN outreach_expert e ON e.id = ve.expert_id "
                        + "WHERE ve.visit_id IN (:ids) ORDER BY e.name")
                .param("ids", ids).query((rs, n) -> experts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        Map<Long, List<String>> people = new HashMap<>();
        jdbc.sql("SELECT visit_id, officer_name FROM outreach_visit_officer WHERE visit_id IN (:ids) ORDER BY officer_name")
                .param("ids", ids).query((rs, n) -> people.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return visits.stream().map(v -> new VisitView(v.id(), v.organizationId(), v.unitName(), v.enterpriseId(),
                v.enterpriseName(), v.visitedOn(), experts.getOrDefault(v.id(), List.of()),
                people.getOrDefault(v.id(), List.of()), v.problems(), v.advice())).toList();
    }

    private ExpertView expert(ResultSet rs, int n) throws SQLException {
        long org = rs.getLong("organization_id");
        return new ExpertView(rs.getLong("id"), org, unitName(org), rs.getString("name"), rs.getString("field"),
                rs.getString("work_unit"), cipher.open(PHONE, rs.getString("phone")));
    }

    private VisitView visit(ResultSet rs, int n) throws SQLException {
        long org = rs.getLong("organization_id");
        return new VisitView(rs.getLong("id"), org, unitName(org), rs.getLong("enterprise_id"),
                rs.getString("enterprise_name"), rs.getObject("visited_on", LocalDate.class), List.of(), List.of(),
                rs.getString("problems"), rs.getString("advice"));
    }

    private String unitName(long org) {
        return organizations.find(org).map(OrganizationView::name).orElse("");
    }
}
