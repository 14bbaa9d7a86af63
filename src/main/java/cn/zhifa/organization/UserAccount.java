package cn.zhifa.organization;

import cn.zhifa.shared.crypto.Encrypted;
import cn.zhifa.shared.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person who logs in. Lifecycle: created (enabled) → roles granted → failed logins counted →
 * locked for the policy's minutes at the threshold → unlocked by time or by an administrator;
 * disabled accounts cannot log in.
 */
@Table("app_user")
public class UserAccount {

    @Id
    private final Long id;
    private final String username;
    private String displayName;
    private String passwordHash;
    private Long organizationId;
    @Encrypted(lookupHashIn = "phoneHash", lookupKind = "phone")
    private String phone;
    private String phoneHash;
    private boolean enabled;
    private int failedAttempts;
    private Instant lockedUntil;
    private Instant passwordChangedAt;
    private boolean passwordMustChange;
    private final boolean demo;
    @MappedCollection(idColumn = "app_user")
    private Set<UserRole> roles;
    @Version
    private int version;
    private final Instant createdAt;

    @PersistenceCreator
    UserAccount(Long id, String username, String displayName, String passwordHash, Long organizationId, String phone,
                boolean enabled, int failedAttempts, Instant lockedUntil, Instant passwordChangedAt,
                boolean passwordMustChange, boolean demo, Set<UserRole> roles, int version, Instant createdAt) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.organizationId = organizationId;
        this.phone = phone;
        this.enabled = enabled;
        this.failedAttempts = failedAttempts;
        this.lockedUntil = lockedUntil;
        this.passwordChangedAt = passwordChangedAt;
        this.passwordMustChange = passwordMustChange;
        this.demo = demo;
        this.roles = roles;
        this.version = version;
        this.createdAt = createdAt;
    }

    static UserAccount create(String username, String displayName, String passwordHash, long organizationId,
                              String phone, Set<Role> roles, boolean demo, boolean mustChangePassword, Instant now) {
        return new UserAccount(null, username, displayName, passwordHash, organizationId, phone, true, 0, null, now,
                mustChangePassword, demo, toRows(roles), 0, now);
    }

    void describe(String displayName, long organizationId, String phone) {
        this.displayName = displayName;
        this.organizationId = organizationId;
        this.phone = phone;
    }

    void grant(Set<Role> roles) {
        this.roles = toRows(roles);
    }

    /** The user sets their own password. */
    void changePassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
        this.passwordMustChange = false;
    }

    /** An administrator sets the password (reset); the user must replace it at the next login when asked to. */
    void resetPassword(String passwordHash, boolean mustChange, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
        this.passwordMustChange = mustChange;
        this.failedAttempts = 0;
        this.lockedUntil = null;
    }

    /**
     * Whether the user must change the password before working: it was set by an administrator, or it is
     * older than the expiry (0 days: never expires). Demo accounts are exempt when the demo says so.
     */
    public boolean mustChangePasswordAt(Instant now, int expiryDays, boolean exemptDemo) {
        return mustChangePassword(demo, passwordMustChange, passwordChangedAt, createdAt, now, expiryDays, exemptDemo);
    }

    /** {@link #mustChangePasswordAt} on the columns of a row read without the aggregate (a bearer token's check). */
    public static boolean mustChangePassword(boolean demo, boolean passwordMustChange, Instant passwordChangedAt,
                                             Instant createdAt, Instant now, int expiryDays, boolean exemptDemo) {
        if (demo && exemptDemo) {
            return false;
        }
        if (passwordMustChange) {
            return true;
        }
        Instant since = passwordChangedAt != null ? passwordChangedAt : createdAt;
        return expiryDays > 0 && since != null && !since.plus(Duration.ofDays(expiryDays)).isAfter(now);
    }

    void enable() {
        this.enabled = true;
    }

    void disable() {
        this.enabled = false;
    }

    /** Counts a failed login; at the threshold the account locks for the given time. */
    public void failedLogin(int threshold, Duration lockFor, Instant now) {
        failedAttempts++;
        if (failedAttempts >= threshold) {
            lockedUntil = now.plus(lockFor);
            failedAttempts = 0;
        }
    }

    public void succeededLogin() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    void unlock() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public Set<Role> roleSet() {
        return roles.stream().map(UserRole::role).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private static Set<UserRole> toRows(Set<Role> roles) {
        return roles.stream().map(UserRole::new).collect(Collectors.toSet());
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public String getPasswordHash() { return passwordHash; }
    public Long getOrganizationId() { return organizationId; }
    public String getPhone() { return phone; }
    public boolean isEnabled() { return enabled; }
    public int getFailedAttempts() { return failedAttempts; }
    public Instant getLockedUntil() { return lockedUntil; }
    public boolean isDemo() { return demo; }
    public Instant getPasswordChangedAt() { return passwordChangedAt; }
    public boolean isPasswordMustChange() { return passwordMustChange; }
    public int getVersion() { return version; }

    @Table("user_role")
    record UserRole(Role role) {
    }
}
