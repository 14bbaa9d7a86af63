package cn.zhifa.planning.internal;

import cn.zhifa.planning.CreditStandings;
import cn.zhifa.planning.EnterpriseFeatures;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.PoolFilter;
import cn.zhifa.registry.RiskFeature;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The grading features of firms: the registry's enterprise (risk features, 重大危险源 grade, 白名单, town, industry)
 * joined with the credit grade, accidents and penalty cases the credit module computes from its facts
 * ({@link CreditStandings}). The old planning_enterprise_record rows are no longer read.
 */
@Component
public class EnterpriseFeatureSource {

    public static final String HAZARDOUS_CHEMICALS = "危险化学品";

    private final EnterpriseManagement registry;
    private final ObjectProvider<CreditStandings> credit;

    EnterpriseFeatureSource(EnterpriseManagement registry, ObjectProvider<CreditStandings> credit) {
        this.registry = registry;
        this.credit = credit;
    }

    /** The credit standings of the firms (none when no credit module is present). */
    public Map<Long, CreditStandings.Standing> credit(Collection<Long> enterpriseIds) {
        CreditStandings source = credit.getIfAvailable();
        return source == null || enterpriseIds.isEmpty() ? Map.of() : source.of(enterpriseIds);
    }

    private record Record(String creditGrade, int accidents, int cases) {
    }

    /** EnterpriseFeatureSource in business owned by the given organisations, by id. */
    public List<EnterpriseFeatures> inOrganizations(Collection<Long> orgIds) {
        if (orgIds.isEmpty()) {
            return List.of();
        }
        List<EnterpriseSummary> pool = registry.pool(PoolFilter.of(Set.copyOf(orgIds)));
        Map<Long, Record> records = new HashMap<>();
        credit(pool.stream().map(EnterpriseSummary::id).toList()).forEach((id, c) ->
                records.put(id, new Record(c.grade(), c.recentAccidents(), c.recentCases())));
        return pool.stream().sorted(java.util.Comparator.comparingLong(EnterpriseSummary::id))
                .map(e -> features(e, records.get(e.id()))).toList();
    }

    /** Ids as a SQL array parameter, for {@code column = ANY(?)}: one bind value whatever the pool size. */
    public static Long[] ids(Collection<Long> ids) {
        return ids.toArray(Long[]::new);
    }

    public Optional<EnterpriseFeatures> find(long id) {
        return registry.find(id).map(e -> features(e, Optional.ofNullable(credit(List.of(id)).get(id))
                .map(c -> new Record(c.grade(), c.recentAccidents(), c.recentCases())).orElse(null)));
    }

    private static EnterpriseFeatures features(EnterpriseSummary e, Record record) {
        Set<String> features = new LinkedHashSet<>();
        e.riskFeatures().stream().map(RiskFeature::label).sorted().forEach(features::add);
        if (e.hazardousChemicals()) {
            features.add(HAZARDOUS_CHEMICALS);
        }
        String industry = e.industry() == null ? "" : e.industry().label();
        return new EnterpriseFeatures(e.id(), e.name(), e.organizationId(), e.townCode(), e.townCode(), industry,
                features, e.majorHazardGrade(), record == null ? null : record.creditGrade(),
                record == null ? 0 : record.accidents(), record == null ? 0 : record.cases(), e.whitelisted());
    }
}
