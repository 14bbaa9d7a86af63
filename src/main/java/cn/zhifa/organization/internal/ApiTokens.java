package cn.zhifa.organization.internal;

import cn.zhifa.organization.UserAccount;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
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
    private final UserAccounts users;
    private final SecurityPolicies policies;
    private final AuthenticationSettings settings;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, UserAccounts users, SecurityPolicies policies, AuthenticationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
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

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        Long userId = jdbc.sql("SELECT app_user FROM api_token WHERE token_hash = ? AND expires_at > ?")
                .params(hash(token), Timestamp.from(clock.instant()))
                .query(Long.class).optional()
                .orElseThrow(() -> new BadOpaqueTokenException("令牌无效或已过期"));
        UserAccount user = users.findById(userId)
                .filter(UserAccount::isEnabled)
                .filter(u -> !u.isLockedAt(clock.instant()))
                .orElseThrow(() -> new BadOpaqueTokenException("账号已停用或已锁定"));
        return new ZhifaUser(user.getId(), user.getUsername(), user.getDisplayName(), user.getOrganizationId(),
                user.roleSet(), null, true, true, user.mustChangePasswordAt(clock.instant(),
                settings.password().expiryDays(), settings.password().exemptDemoAccounts()));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
