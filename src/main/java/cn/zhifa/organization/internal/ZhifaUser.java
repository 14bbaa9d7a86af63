package cn.zhifa.organization.internal;

import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/**
 * The authenticated principal, for form login (UserDetails) and API tokens (OAuth2 principal) alike.
 * The password hash is erased right after authentication and never printed.
 */
public final class ZhifaUser implements Actor, UserDetails, OAuth2AuthenticatedPrincipal, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long userId;
    private final String username;
    private final String displayName;
    private final long organizationId;
    private final Set<Role> roles;
    private final boolean enabled;
    private final boolean accountNonLocked;
    private final boolean passwordChangeRequired;
    private String password;

    public ZhifaUser(long userId, String username, String displayName, long organizationId, Set<Role> roles,
                     String password, boolean enabled, boolean accountNonLocked) {
        this(userId, username, displayName, organizationId, roles, password, enabled, accountNonLocked, false);
    }

    public ZhifaUser(long userId, String username, String displayName, long organizationId, Set<Role> roles,
                     String password, boolean enabled, boolean accountNonLocked, boolean passwordChangeRequired) {
        this.passwordChangeRequired = passwordChangeRequired;
        this.userId = userId;
        this.username = username;
        this.displayName = displayName;
        this.organizationId = organizationId;
        this.roles = Set.copyOf(roles);
        this.password = password;
        this.enabled = enabled;
        this.accountNonLocked = accountNonLocked;
    }

    @Override public long userId() { return userId; }
    @Override public String username() { return username; }
    @Override public String displayName() { return displayName; }
    @Override public long organizationId() { return organizationId; }
    @Override public Set<Role> roles() { return roles; }

    /** The password was set by an administrator or has expired: the user changes it before anything else. */
    public boolean passwordChangeRequired() { return passwordChangeRequired; }

    /** Any of the 三员 roles, whose tokens live shorter and who need the other administrator's approval. */
    public boolean isSystemAdministrator() {
        return roles.stream().anyMatch(Role::isSystemAdministration);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    @Override public String getPassword() { return password; }
    @Override public String getUsername() { return username; }
    @Override public boolean isAccountNonLocked() { return accountNonLocked; }
    @Override public boolean isEnabled() { return enabled; }

    @Override
    public void eraseCredentials() {
        password = null;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return Map.of("sub", username, "organizationId", organizationId);
    }

    @Override
    public String getName() {
        return username;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ZhifaUser user && user.userId == userId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId);
    }

    @Override
    public String toString() {
        return "ZhifaUser[" + username + ", organization " + organizationId + ", " + roles + "]";
    }
}
