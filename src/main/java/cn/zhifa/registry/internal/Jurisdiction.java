package cn.zhifa.registry.internal;

import cn.zhifa.organization.OrganizationKind;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.registry.SupervisionLevel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The deployment's organisation tree seen from the registry: which townships exist (valid town codes) and
 * which unit owns an enterprise of a level in a town — 乡镇级: the township; 区级: the district's enforcement
 * detachment (or the district bureau); 市级: the city's detachment (or the city bureau).
 */
public record Jurisdiction(List<OrganizationView> units) {

    public Optional<OrganizationView> town(String townCode) {
        return units.stream().filter(u -> u.kind() == OrganizationKind.TOWNSHIP && townCode.equals(u.divisionCode())).findFirst();
    }

    public Optional<OrganizationView> owner(SupervisionLevel level, String townCode) {
        if (town(townCode).isEmpty()) {
            return Optional.empty();
        }
        return switch (level) {
            case TOWNSHIP -> town(townCode);
            case DISTRICT -> enforcementUnitOf(OrganizationKind.DISTRICT, townCode.substring(0, 6));
            case CITY -> enforcementUnitOf(OrganizationKind.CITY, townCode.substring(0, 4) + "00");
        };
    }

    private Optional<OrganizationView> enforcementUnitOf(OrganizationKind kind, String code) {
        return units.stream().filter(u -> u.kind() == kind && code.equals(u.divisionCode())).findFirst()
                .map(bureau -> units.stream()
                        .filter(u -> u.kind() == OrganizationKind.DETACHMENT && Long.valueOf(bureau.id()).equals(u.parentId()))
                        .findFirst().orElse(bureau));
    }

    public List<OrganizationView> towns() {
        return units.stream().filter(u -> u.kind() == OrganizationKind.TOWNSHIP).toList();
    }

    public Map<Long, String> names() {
        return units.stream().collect(Collectors.toMap(OrganizationView::id, OrganizationView::name));
    }

    public Map<String, String> townNames() {
        return towns().stream().collect(Collectors.toMap(OrganizationView::divisionCode, OrganizationView::name, (a, b) -> a));
    }

    public Map<Long, OrganizationView> byId() {
        return units.stream().collect(Collectors.toMap(OrganizationView::id, Function.identity()));
    }
}
