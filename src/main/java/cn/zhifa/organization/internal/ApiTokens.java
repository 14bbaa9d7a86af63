package cn.zhifa.organization.internal;

import cn.zhifa.organization.UserAccount;
import cn.zhifa.shared.security.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque bearer tokens for terminals: 32 random bytes, of which only the SHA-256 is stored. A token
 * is valid until it expires, is revoked (logout; all of a user's tokens on a password change or reset,
 * disabling and a role change), or the user is disabled or locked. 三员 tokens live shorter
 * ({@link AuthenticationSettings#privilegedTokenTtl()}).
 */
@Component
public class ApiTokens implements OpaqueTokenIntrospector {

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final SecurityPolicies policies;
    private final AuthenticationSettings settings;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, SecurityPolicies policies, AuthenticationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.settings = settings;
        this.clock = clock;
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }

    @Transactional
    public IssuedToken issue(ZhifaUser user) {
        java.time.Duration ttl = policies.current().tokenTtl();
        if (user.isSystemAdministrator() && settings.privilegedTokenTtl().compareTo(ttl) < 0) {
            ttl = settings.privilegedTokenTtl();
        }
        return issue(user.userId(), ttl);
    }

    private IssuedToken issue(long userId, java.time.Duration ttl) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        jdbc.sql("DELETE FROM api_token WHERE expires_at < ?").param(Timestamp.from(now)).update();
        jdbc.sql("INSERT INTO api_token (token_hash, app_user, issued_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(hash(token), userId, Timestamp.from(now), Timestamp.from(expiresAt)).update();
        return new IssuedToken(token, expiresAt);
    }

    /** Logout: this token stops working at once. */
    @Transactional
    public boolean revoke(String token) {
        return jdbc.sql("DELETE FROM api_token WHERE token_hash = ?").param(hash(token)).update() > 0;
    }

    /** Every token of the user stops working (password changed or reset, disabled, roles changed). */
    @Transactional
    public int revokeAll(long userId) {
        return jdbc.sql("DELETE FROM api_token WHERE app_user = ?").param(userId).update();
    }

    /**
     * The token, its user and the user's roles in one statement (issue 18: it took four and two transactions on every
     * request). Nothing is cached: a revoked or expired token, a disabled or locked user and changed roles take effect
     * on the next request.
     */
    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        Instant now = clock.instant();
        TokenHolder holder = jdbc.sql("""
                        SELECT u.id, u.username, u.display_name, u.organization_id, u.enabled, u.locked_until,
                               u.password_changed_at, u.password_must_change, u.demo, u.created_at,
                               ARRAY(SELECT r.role FROM user_role r WHERE r.app_user = u.id) AS roles
                        FROM api_token t JOIN app_user u ON u.id = t.app_user
                        WHERE t.token_hash = ? AND t.expires_at > ?""")
                .params(hash(token), Timestamp.from(now))
                .query((rs, n) -> new TokenHolder(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        rs.getLong("organization_id"), rs.getBoolean("enabled"), instant(rs.getTimestamp("locked_until")),
                        instant(rs.getTimestamp("password_changed_at")), rs.getBoolean("password_must_change"),
                        rs.getBoolean("demo"), instant(rs.getTimestamp("created_at")), roles(rs.getArray("roles"))))
                .optional()
                .orElseThrow(() -> new BadOpaqueTokenException("令牌无效或已过期"));
        if (!holder.enabled() || (holder.lockedUntil() != null && holder.lockedUntil().isAfter(now))) {
            throw new BadOpaqueTokenException("账号已停用或已锁定");
        }
        return new ZhifaUser(holder.id(), holder.username(), holder.displayName(), holder.organizationId(), holder.roles(),
                null, true, true, UserAccount.mustChangePassword(holder.demo(), holder.passwordMustChange(),
                holder.passwordChangedAt(), holder.createdAt(), now, settings.password().expiryDays(),
                settings.password().exemptDemoAccounts()));
    }

    /** The columns of a token's user that the principal needs. */
    private record TokenHolder(long id, String username, String displayName, long organizationId, boolean enabled,
                               Instant lockedUntil, Instant passwordChangedAt, boolean passwordMustChange, boolean demo,
                               Instant createdAt, Set<Role> roles) {
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Set<Role> roles(java.sql.Array array) throws java.sql.SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (array != null) {
            for (Object role : (Object[]) array.getArray()) {
                roles.add(Role.valueOf((String) role));
            }
        }
        return roles;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
