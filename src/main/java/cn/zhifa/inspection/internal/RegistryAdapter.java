package cn.zhifa.inspection.internal;

import cn.zhifa.registry.CertificatePolicy;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseQuery;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.registry.OfficerSummary;
import cn.zhifa.registry.RiskFeature;
import cn.zhifa.shared.Verdict;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Enterprises and 持证执法 from the registry module. */
@Component
class RegistryAdapter implements Registry {

    private final EnterpriseManagement enterprises;
    private final CertificatePolicy certificates;
    private final OfficerManagement officers;

    RegistryAdapter(EnterpriseManagement enterprises, CertificatePolicy certificates, OfficerManagement officers) {
        this.enterprises = enterprises;
        this.certificates = certificates;
        this.officers = officers;
    }

    @Override
    public Optional<String> certificateNo(long userId, long organizationId, LocalDate on) {
        return officers.certifiedOfficers(List.of(organizationId), on).stream().filter(o -> o.userId() == userId)
                .map(OfficerSummary::certificateNo).findFirst();
    }

    @Override
    public java.util.Map<Long, String> certificateNos(java.util.Map<Long, Long> unitOfOfficer, LocalDate on) {
        java.util.Map<Long, String> numbers = new java.util.HashMap<>();
        officers.certifiedOfficers(java.util.Set.copyOf(unitOfOfficer.values()), on).stream()
                .filter(o -> unitOfOfficer.containsKey(o.userId()) && unitOfOfficer.get(o.userId()) == o.organizationId())
                .forEach(o -> numbers.putIfAbsent(o.userId(), o.certificateNo()));
        return numbers;
    }

    @Override
    public Optional<Enterprise> enterprise(long id) {
        return enterprises.find(id).map(RegistryAdapter::of);
    }

    @Override
    public List<Enterprise> searchEnterprises(String keyword, int limit) {
        if (keyword == null || keyword.isBlank()) {
            return List.of();
        }
        return enterprises.search(EnterpriseQuery.all().withKeyword(keyword.strip()), 0, limit).items().stream()
                .map(RegistryAdapter::of).toList();
    }

    @Override
    public Verdict mayEnforce(List<Long> userIds, LocalDate on) {
        return certificates.mayEnforce(userIds, on);
    }

    private static Enterprise of(EnterpriseSummary e) {
        return new Enterprise(e.id(), e.name(), e.uscc(), e.address(), e.legalRepresentative(), e.organizationId(),
                e.riskFeatures().stream().map(RiskFeature::label).sorted().toList(),
                e.industry() == null ? null : e.industry().label());
    }
}
