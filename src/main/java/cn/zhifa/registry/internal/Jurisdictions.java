package cn.zhifa.registry.internal;

import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Builds the {@link Jurisdiction} of the whole tree that contains a unit (through the organisation API). */
@Component
public class Jurisdictions {

    private final OrganizationManagement organizations;

    Jurisdictions(OrganizationManagement organizations) {
        this.organizations = organizations;
    }

    public Jurisdiction around(long organizationId) {
        Optional<OrganizationView> unit = organizations.find(organizationId);
        if (unit.isEmpty()) {
            return new Jurisdiction(List.of());
        }
        OrganizationView root = unit.get();
        while (root.parentId() != null) {
            root = organizations.find(root.parentId()).orElseThrow();
        }
        return new Jurisdiction(organizations.subtreeIds(root.id()).stream().map(organizations::find)
                .flatMap(Optional::stream).toList());
    }
}
