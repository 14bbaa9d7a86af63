package cn.zhifa.township.internal;

import cn.zhifa.organization.DelegatedPowers;
import cn.zhifa.organization.OrganizationKind;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.shared.Verdict;
import cn.zhifa.township.TownshipPowerView;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link DelegatedPowers} from the township_power rows: {@link PowerRule} over the township's powers. */
@Component
class TownshipDelegatedPowers implements DelegatedPowers {

    private final TownshipPowers powers;
    private final OrganizationManagement organizations;

    TownshipDelegatedPowers(TownshipPowers powers, OrganizationManagement organizations) {
        this.powers = powers;
        this.organizations = organizations;
    }

    @Override
    public Verdict check(long organizationId, Matter matter, LocalDate on) {
        Optional<OrganizationView> township = township(organizationId);
        if (township.isEmpty()) {
            return Verdict.allow();
        }
        return PowerRule.check(true, township.get().name(), powersOf(township.get()), matter, on);
    }

    @Override
    public Optional<OwnName> ownNameOf(long organizationId, LocalDate on) {
        return township(organizationId).flatMap(t -> PowerRule.ownShortName(powersOf(t), on)
                .map(shortName -> new OwnName(t.id(), t.name(), shortName)));
    }

    @Override
    public Optional<String> entrustedUnitName(long organizationId, LocalDate on) {
        return township(organizationId).filter(t -> PowerRule.entrusted(powersOf(t), on)).map(OrganizationView::name);
    }

    private Optional<OrganizationView> township(long organizationId) {
        return organizations.find(organizationId).filter(o -> o.kind() == OrganizationKind.TOWNSHIP);
    }

    private List<TownshipPowerView> powersOf(OrganizationView township) {
        return powers.of(township.id(), township.name());
    }
}
