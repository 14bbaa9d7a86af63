package cn.zhifa.credit.internal;

import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Event listeners run without a logged-in user; reading the deciding module's record (data-scoped) is done as the
 * credit module acting for the top of the organisation tree above a unit.
 */
@Component
class SystemActor {

    private final OrganizationManagement organizations;

    SystemActor(OrganizationManagement organizations) {
        this.organizations = organizations;
    }

    <T> T above(long organizationId, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        Actor actor = new CreditActor(root(organizationId));
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private long root(long id) {
        OrganizationView org = organizations.find(id).orElse(null);
        return org == null || org.parentId() == null ? id : root(org.parentId());
    }

    private record CreditActor(long organizationId) implements Actor {
        @Override
        public long userId() {
            return 0;
        }

        @Override
        public String username() {
            return "credit";
        }

        @Override
        public String displayName() {
            return "信用管理";
        }

        @Override
        public Set<Role> roles() {
            return Set.of();
        }
    }
}
