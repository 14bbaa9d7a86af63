package cn.zhifa.casework;

import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationKind;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Role;
import java.util.HashSet;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Which cases a user sees: their organisation's subtree ({@link DataScope}); a legal reviewer in a department
 * (e.g. 政策法规科) reviews for the whole bureau, so sees the cases of the bureau's subtree.
 */
@Component
class CaseScope {

    private final DataScope scope;
    private final OrganizationManagement organizations;

    CaseScope(DataScope scope, OrganizationManagement organizations) {
        this.scope = scope;
        this.organizations = organizations;
    }

    Set<Long> visibleOrganizationIds() {
        Set<Long> ids = new HashSet<>(scope.visibleOrganizationIds());
        Actor actor = Actors.require();
        if (actor.has(Role.LEGAL)) {
            organizations.find(actor.organizationId())
                    .filter(unit -> unit.kind() == OrganizationKind.DEPARTMENT && unit.parentId() != null)
                    .ifPresent(unit -> ids.addAll(scope.subtreeIds(unit.parentId())));
        }
        return ids;
    }

    /** The unit and every unit under it. */
    Set<Long> subtreeOf(long organizationId) {
        return Set.copyOf(scope.subtreeIds(organizationId));
    }

    void require(long organizationId) {
        if (!visibleOrganizationIds().contains(organizationId)) {
            throw new AccessDeniedException(DataScope.OUT_OF_SCOPE);
        }
    }
}
