package cn.zhifa.registry;

import cn.zhifa.audit.Audit;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.registry.internal.Enterprise;
import cn.zhifa.registry.internal.Enterprise.FieldChange;
import cn.zhifa.registry.internal.EnterpriseSearch;
import cn.zhifa.registry.internal.Enterprises;
import cn.zhifa.registry.internal.Jurisdiction;
import cn.zhifa.registry.internal.Jurisdictions;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.web.Page;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprise library (企业库). Other modules use {@link #find(long)}, {@link #search} (data-scoped) and
 * {@link #pool(PoolFilter)} (draws); pages register, describe, merge and read profiles.
 * <p>
 * Rules: one active record per 统一社会信用代码; the owning unit follows from level and town and must lie in the
 * user's scope; every change of a field is kept with who, when and how.
 */
@Service
public class EnterpriseManagement {

    private final Enterprises enterprises;
    private final EnterpriseSearch search;
    private final Jurisdictions jurisdictions;
    private final DataScope scope;
    private final JdbcClient jdbc;
    private final Clock clock;

    EnterpriseManagement(Enterprises enterprises, EnterpriseSearch search, Jurisdictions jurisdictions, DataScope scope,
                         JdbcClient jdbc, Clock clock) {
        this.enterprises = enterprises;
        this.search = search;
        this.jurisdictions = jurisdictions;
        this.scope = scope;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Any enterprise by id, merged ones included (not data-scoped: for other modules' own checks). */
    @Transactional(readOnly = true)
    public Optional<EnterpriseSummary> find(long enterpriseId) {
        return enterprises.findById(enterpriseId).map(Enterprise::summary);
    }

    /** The active record of a USCC (not data-scoped). */
    @Transactional(readOnly = true)
    public Optional<EnterpriseSummary> findByUscc(String uscc) {
        return uscc == null ? Optional.empty() : enterprises.findActiveByUscc(uscc.strip().toUpperCase()).map(Enterprise::summary);
    }

    /** Active enterprises of the current user's scope (or of one unit's subtree within it) matching the query. */
    @Transactional(readOnly = true)
    public Page<EnterpriseSummary> search(EnterpriseQuery query, int page, int size) {
        return search.search(query, scopedOrganizations(query.organizationId()), page, size);
    }

    /** The most rows a list counts exactly; a total equal to {@code countCap() + 1} means 'more than countCap()'. */
    public int countCap() {
        return search.countCap();
    }

    /** The draw pool: compact rows of enterprises in business matching the filter (not data-scoped). */
    @Transactional(readOnly = true)
    public List<EnterpriseSummary> pool(PoolFilter filter) {
        return search.pool(filter);
    }

    @Transactional
    public EnterpriseSummary register(EnterpriseForm form) {
        Actor actor = Actors.require();
        long owner = owner(form, jurisdictions.around(actor.organizationId()));
        if (enterprises.findActiveByUscc(form.uscc().strip()).isPresent()) {
            throw RuleViolation.conflict("统一社会信用代码 " + form.uscc().strip() + " 已登记在企业库中，不能重复登记；请在原记录上修改。");
        }
        Enterprise enterprise = Enterprise.register(form, owner, false, clock.instant());
        long id = enterprises.insert(enterprise);
        enterprises.recordChanges(id, List.of(new FieldChange("登记", null, enterprise.getName())), actor.username(),
                clock.instant(), "录入");
        Audit.target("企业", id);
        return enterprises.findById(id).orElseThrow().summary();
    }

    @Transactional
    public EnterpriseSummary describe(long id, EnterpriseForm form, int expectedVersion) {
        Actor actor = Actors.require();
        Enterprise enterprise = load(id);
        Audit.target("企业", id);
        if (enterprise.getVersion() != expectedVersion) {
            throw RuleViolation.conflict("该企业信息已被他人修改，请刷新后重试。");
        }
        long owner = owner(form, jurisdictions.around(actor.organizationId()));
        List<FieldChange> changes = enterprise.describe(form, owner, clock.instant());
        if (!changes.isEmpty()) {
            enterprises.update(enterprise);
            enterprises.recordChanges(id, changes, actor.username(), clock.instant(), "修改");
        }
        return enterprises.findById(id).orElseThrow().summary();
    }

    /** Merges the duplicate {@code sourceId} into {@code targetId}; both histories are kept, timeline and agency services move. */
    @Transactional
    public void merge(long sourceId, long targetId) {
        Actor actor = Actors.require();
        Enterprise source = load(sourceId);
        Enterprise target = load(targetId);
        Audit.target("企业", sourceId);
        Audit.detail("合并到企业 " + targetId);
        FieldChange merged = source.mergeInto(target, clock.instant());
        enterprises.update(source);
        enterprises.recordChanges(sourceId, List.of(merged), actor.username(), clock.instant(), "合并");
        enterprises.recordChanges(targetId, List.of(new FieldChange("合并", null,
                "并入重复记录 " + source.getName() + "（" + source.getUscc() + "，记录号 " + sourceId + "）")),
                actor.username(), clock.instant(), "合并");
        jdbc.sql("UPDATE enterprise_timeline SET enterprise_id = ? WHERE enterprise_id = ?").params(targetId, sourceId).update();
        // the agencies serving the duplicate serve the kept record (一企双查); a service both had stays the kept one's
        jdbc.sql("""
                        UPDATE agency_client c SET enterprise_id = :target WHERE enterprise_id = :source AND NOT EXISTS (
                          SELECT 1 FROM agency_client t WHERE t.agency_id = c.agency_id AND t.enterprise_id = :target AND t.service = c.service)""")
                .param("target", targetId).param("source", sourceId).update();
        jdbc.sql("DELETE FROM agency_client WHERE enterprise_id = ?").param(sourceId).update();
    }

    /** The profile of an enterprise in the user's scope or of the user's own work (tasks, records, hazards, cases). */
    @Transactional(readOnly = true)
    public EnterpriseProfile profile(long id) {
        Enterprise enterprise = enterprises.findById(id).orElseThrow(() -> RuleViolation.notFound("企业不存在。"));
        scope.requireFirm(id, enterprise.getOrganizationId());
        Jurisdiction jurisdiction = jurisdictions.around(enterprise.getOrganizationId());
        List<EnterpriseChange> history = jdbc.sql("""
                        SELECT field, old_value, new_value, changed_by, changed_at, source FROM enterprise_change
                        WHERE enterprise_id IN (SELECT id FROM enterprise WHERE id = :id OR merged_into = :id)
                        ORDER BY changed_at DESC, id DESC LIMIT 200""")
                .param("id", id)
                .query((rs, n) -> new EnterpriseChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6))).list();
        // the entries link to the records only for viewers whose scope holds the firm's unit (the row's organisation id):
        // a viewer who reaches the firm through a case they work on (a legal reviewer) sees the entries without links
        // that would answer 403
        Set<Long> visible = scope.visibleOrganizationIds();
        List<EnterpriseTimelineEntry> timeline = jdbc.sql("""
                        SELECT enterprise_id, occurred_on, source, title, link, organization_id FROM enterprise_timeline
                        WHERE enterprise_id = ? ORDER BY occurred_on DESC, id DESC LIMIT 200""")
                .param(id)
                .query((rs, n) -> new EnterpriseTimelineEntry(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3),
                        rs.getString(4), visible.contains(rs.getLong(6)) ? rs.getString(5) : null)).list();
        List<EnterpriseProfile.AgencyService> agencies = jdbc.sql("""
                        SELECT a.id, a.name, a.kind, c.service, c.since, a.status FROM agency_client c JOIN agency a ON a.id = c.agency_id
                        WHERE c.enterprise_id = ? AND c.ended_on IS NULL ORDER BY c.since DESC""")
                .param(id)
                .query((rs, n) -> new EnterpriseProfile.AgencyService(rs.getLong(1), rs.getString(2),
                        AgencyKind.valueOf(rs.getString(3)).label(), rs.getString(4), rs.getDate(5).toLocalDate(),
                        AgencyStatus.valueOf(rs.getString(6)))).list();
        return new EnterpriseProfile(enterprise.summary(), enterprise.toForm(), enterprise.getAnnualOutput(),
                jurisdiction.names().getOrDefault(enterprise.getOrganizationId(), ""),
                jurisdiction.townNames().getOrDefault(enterprise.getTownCode(), enterprise.getTownCode()),
                enterprise.getMergedInto(), enterprise.getVersion(), enterprise.getCreatedAt(), enterprise.getUpdatedAt(),
                history, timeline, agencies);
    }

    /**
     * The legal representative's full phone, for whoever may open the firm's profile: a deliberate read that the caller's
     * request audits (个人信息查阅); the profile, lists and API show it masked. Not found when none is kept.
     */
    @Transactional(readOnly = true)
    public String legalRepresentativePhone(long id) {
        Enterprise enterprise = enterprises.findById(id).orElseThrow(() -> RuleViolation.notFound("企业不存在。"));
        scope.requireFirm(id, enterprise.getOrganizationId());
        String phone = enterprise.getLegalRepresentativePhone();
        if (phone == null || phone.isBlank()) {
            throw RuleViolation.notFound("该企业未登记法定代表人电话。");
        }
        return phone;
    }

    /**
     * Groups of active records in the user's scope that look like one enterprise (same town, same name key), read from
     * enterprise_duplicate (V3_71), which the database keeps on every write of a firm.
     */
    @Transactional(readOnly = true)
    public List<MergeCandidate> mergeCandidates() {
        Collection<Long> orgs = scope.visibleOrganizationIds();
        List<Map.Entry<String, String>> keys = jdbc.sql("""
                        SELECT town_code, name_key FROM enterprise_duplicate WHERE organization_id IN (:orgs)
                        GROUP BY town_code, name_key HAVING sum(members) > 1 ORDER BY town_code, name_key LIMIT 100""")
                .param("orgs", orgs)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list();
        List<MergeCandidate> candidates = new ArrayList<>();
        for (Map.Entry<String, String> key : keys) {
            List<Long> ids = jdbc.sql("SELECT id FROM enterprise WHERE merged_into IS NULL AND town_code = :town AND name_key = :key "
                            + "AND organization_id IN (:orgs) ORDER BY id")
                    .param("town", key.getKey()).param("key", key.getValue()).param("orgs", orgs).query(Long.class).list();
            candidates.add(new MergeCandidate(key.getKey(), key.getValue(),
                    enterprises.findAllById(ids).stream().map(Enterprise::summary).toList()));
        }
        return candidates;
    }

    /** The number of groups {@link #mergeCandidates()} lists for these units (not capped): a few rows, not the scope's firms. */
    @Transactional(readOnly = true)
    public long countMergeCandidates(Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        SELECT count(*) FROM (SELECT 1 FROM enterprise_duplicate WHERE organization_id IN (:orgs)
                        GROUP BY town_code, name_key HAVING sum(members) > 1) groups""")
                .param("orgs", organizationIds).query(Long.class).single();
    }

    /** Counts of active enterprises in the user's scope by 门类, level, risk feature and status. */
    @Transactional(readOnly = true)
    public EnterpriseStatistics statistics() {
        Collection<Long> orgs = scope.visibleOrganizationIds();
        Map<String, Long> bySection = new LinkedHashMap<>();
        jdbc.sql("SELECT industry_section, count(*) FROM enterprise WHERE merged_into IS NULL AND organization_id IN (:orgs) "
                        + "GROUP BY industry_section ORDER BY count(*) DESC")
                .param("orgs", orgs).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> bySection.put(e.getKey() + " " + IndustryCatalog.sectionName(e.getKey()).orElse(""), e.getValue()));
        Map<String, Long> byLevel = new LinkedHashMap<>();
        jdbc.sql("SELECT supervision_level, count(*) FROM enterprise WHERE merged_into IS NULL AND organization_id IN (:orgs) "
                        + "GROUP BY supervision_level")
                .param("orgs", orgs).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> byLevel.put(SupervisionLevel.valueOf(e.getKey()).label(), e.getValue()));
        Map<String, Long> byRisk = new LinkedHashMap<>();
        jdbc.sql("SELECT f, count(*) FROM enterprise, unnest(risk_features) AS f WHERE merged_into IS NULL "
                        + "AND organization_id IN (:orgs) GROUP BY f ORDER BY count(*) DESC")
                .param("orgs", orgs).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> byRisk.put(RiskFeature.valueOf(e.getKey()).label(), e.getValue()));
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.sql("SELECT status, count(*) FROM enterprise WHERE merged_into IS NULL AND organization_id IN (:orgs) GROUP BY status")
                .param("orgs", orgs).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> byStatus.put(EnterpriseStatus.valueOf(e.getKey()).label(), e.getValue()));
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new EnterpriseStatistics(total, bySection, byLevel, byRisk, byStatus);
    }

    /** The units of the user's deployment a form may choose a town from (townships, by code). */
    @Transactional(readOnly = true)
    public List<OrganizationView> towns() {
        return jurisdictions.around(Actors.require().organizationId()).towns();
    }

    private long owner(EnterpriseForm form, Jurisdiction jurisdiction) {
        List<EnterpriseForm.Problem> problems = form.problems();
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems.stream().map(p -> p.field() + "：" + p.message()).collect(Collectors.joining("；")) + "。");
        }
        String town = form.townCode().strip();
        OrganizationView owner = jurisdiction.owner(form.level(), town).orElseThrow(() -> new RuleViolation(
                "乡镇（街道）区划代码“" + town + "”不是本辖区内已设立的乡镇（街道）。"));
        if (!scope.canSee(owner.id())) {
            throw new RuleViolation("该企业应由“" + owner.name() + "”监管，不在本单位及下级单位的范围内。");
        }
        return owner.id();
    }

    private Collection<Long> scopedOrganizations(Long organizationId) {
        if (organizationId == null) {
            return scope.visibleOrganizationIds();
        }
        return scope.canSee(organizationId) ? scope.subtreeIds(organizationId) : List.of();
    }

    private Enterprise load(long id) {
        Enterprise enterprise = enterprises.findById(id).orElseThrow(() -> RuleViolation.notFound("企业不存在。"));
        scope.require(enterprise.getOrganizationId());
        return enterprise;
    }
}
