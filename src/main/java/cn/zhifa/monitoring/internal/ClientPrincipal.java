package cn.zhifa.monitoring.internal;

import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/**
 * A monitoring system authenticated by its client secret: role {@link Role#SYSTEM_CLIENT} only, no user account. Its
 * {@link #userId()} is the negative client id, so it never names a user in the audit log.
 */
public record ClientPrincipal(long clientId, String name, long organizationId) implements Actor, OAuth2AuthenticatedPrincipal {

    /** The client of the current request (the ingest endpoints admit no one else). */
    public static ClientPrincipal current() {
        return cn.zhifa.shared.security.Actors.current().filter(ClientPrincipal.class::isInstance)
                .map(ClientPrincipal.class::cast)
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("当前账号无权执行此操作。"));
    }

    @Override
    public long userId() {
        return -clientId;
    }

    @Override
    public String username() {
        String label = "接入客户端:" + name;
        return label.length() <= 40 ? label : label.substring(0, 40);
    }

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.SYSTEM_CLIENT);
    }

    @Override
    public Map<String, Object> getAttributes() {
        return Map.of("client", clientId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(Role.SYSTEM_CLIENT.authority()));
    }

    @Override
    public String getName() {
        return "client-" + clientId;
    }
}
