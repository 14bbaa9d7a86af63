package cn.zhifa.emergency.internal;

import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.PoolFilter;
import cn.zhifa.registry.RiskFeature;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 安责险 per firm: each firm's cover from its policies, and the firms of the 高危行业 (configured with their source) that
 * must be insured but whose cover has lapsed, is missing or ends within the configured days.
 */
@Service
public class InsuranceBook {

    /** A firm that must be insured, with its cover today and its newest policy (may be null). */
    public record Lapse(EnterpriseSummary firm, String unitName, String industry, InsuranceStanding standing,
                        String lastInsurer, String lastPolicyNumber) {
    }

    private record Policy(long firm, LocalDate startsOn, LocalDate endsOn, String insurer, String number) {
    }

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final OrganizationManagement organizations;
    private final EnterpriseManagement enterprises;
    private final EmergencyRules rules;
    private final Clock clock;

    InsuranceBook(JdbcClient jdbc, DataScope scope, OrganizationManagement organizations, EnterpriseManagement enterprises,
                  EmergencyRules rules, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.organizations = organizations;
        this.enterprises = enterprises;
        this.rules = rules;
        this.clock = clock;
    }

    public EmergencyRules rules() {
        return rules;
    }

    /** The firm's cover today, from all its policies (not data-scoped: the caller has checked the firm). */
    @Transactional(readOnly = true)
    public InsuranceStanding standing(long enterpriseId) {
        return InsuranceStanding.of(policies(List.of(enterpriseId)).stream()
                .map(p -> new InsuranceStanding.Period(p.startsOn(), p.endsOn())).toList(), today(), rules.insuranceDueSoonDays());
    }

    /** The firm's policies, newest first, as lines for its page: ‘中国人保 PDAB2026… 2026-01-01 至 2026-12-31’. */
    @Transactional(readOnly = true)
    public List<String> policyLines(long enterpriseId) {
        return policies(List.of(enterpriseId)).stream().sorted(Comparator.comparing(Policy::endsOn).reversed()).limit(5)
                .map(p -> p.insurer() + " 保单号 " + p.number() + "，" + p.startsOn() + " 至 " + p.endsOn()).toList();
    }

    /**
     * The firms in business of the caller's scope (or of one unit's subtree within it) that must be insured and are
     * not covered beyond the due-soon window, lapsed and missing first.
     */
    @Transactional(readOnly = true)
    public List<Lapse> lapses(Long unitId) {
        Set<Long> visible = scope.visibleOrganizationIds();
        Set<Long> orgs = unitId == null ? visible
                : organizations.subtreeIds(unitId).stream().filter(visible::contains).collect(Collectors.toSet());
        if (orgs.isEmpty()) {
            return List.of();
        }
        Map<Long, EnterpriseSummary> firms = new LinkedHashMap<>();
        Set<String> codes = rules.industries().stream().flatMap(i -> i.codes().stream()).collect(Collectors.toSet());
        Set<RiskFeature> features = rules.industries().stream().flatMap(i -> i.riskFeatures().stream()).collect(Collectors.toSet());
        if (!codes.isEmpty()) {
            enterprises.pool(new PoolFilter(orgs, codes, null, Set.of(), Set.of(), false)).forEach(f -> firms.put(f.id(), f));
        }
        if (!features.isEmpty()) {
            enterprises.pool(new PoolFilter(orgs, Set.of(), null, features, Set.of(), false)).forEach(f -> firms.put(f.id(), f));
        }
        Map<Long, List<Policy>> byFirm = new HashMap<>();
        for (Policy p : policies(firms.keySet())) {
            byFirm.computeIfAbsent(p.firm(), k -> new ArrayList<>()).add(p);
        }
        LocalDate today = today();
        Map<Long, String> unitNames = new HashMap<>();
        List<Lapse> lapses = new ArrayList<>();
        for (EnterpriseSummary firm : firms.values()) {
            String industry = rules.mandatoryIndustry(firm).orElse(null);
            if (industry == null) {
                continue;
            }
            List<Policy> own = byFirm.getOrDefault(firm.id(), List.of());
            InsuranceStanding standing = InsuranceStanding.of(own.stream()
                    .map(p -> new InsuranceStanding.Period(p.startsOn(), p.endsOn())).toList(), today, rules.insuranceDueSoonDays());
            if (!standing.flagged()) {
                continue;
            }
            Policy last = own.stream().max(Comparator.comparing(Policy::endsOn)).orElse(null);
            lapses.add(new Lapse(firm, unitNames.computeIfAbsent(firm.organizationId(),
                    id -> organizations.find(id).map(o -> o.name()).orElse("")), industry, standing,
                    last == null ? "" : last.insurer(), last == null ? "" : last.number()));
        }
        lapses.sort(Comparator.comparing((Lapse l) -> l.standing().state() == InsuranceStanding.State.DUE_SOON)
                .thenComparing(l -> l.firm().name()));
        return lapses;
    }

    /** Distinct firms of the units with a policy running on some day of the year. */
    @Transactional(readOnly = true)
    public long insuredFirms(int year, Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT count(DISTINCT enterprise_id) FROM liability_policy WHERE organization_id IN (:orgs) "
                        + "AND starts_on <= :to AND ends_on >= :from")
                .param("orgs", organizationIds).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query(Long.class).single();
    }

    private List<Policy> policies(Collection<Long> firms) {
        if (firms.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT enterprise_id, starts_on, ends_on, insurer, policy_number FROM liability_policy "
                        + "WHERE enterprise_id IN (:firms)").param("firms", firms)
                .query((rs, n) -> new Policy(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5))).list();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
