package cn.zhifa.organization;

import cn.zhifa.audit.Audit;
import cn.zhifa.organization.internal.AdministratorApprovals;
import cn.zhifa.organization.internal.ApiTokens;
import cn.zhifa.organization.internal.AuthenticationSettings;
import cn.zhifa.organization.internal.SecondFactors;
import cn.zhifa.organization.internal.Organizations;
import cn.zhifa.organization.internal.SecurityPolicies;
import cn.zhifa.organization.internal.UserAccounts;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.Verdict;
import cn.zhifa.shared.crypto.FieldCipher;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.Page;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users of the platform, within the administrator's subtree. 三员分立: ADMIN, SECURITY_ADMIN and AUDITOR
 * are each held alone; the ADMIN manages accounts (business roles only), the SECURITY_ADMIN assigns
 * roles; a 三员 role the SECURITY_ADMIN grants is a pending {@link AdministratorApproval} until the ADMIN
 * approves it, and a password reset of a 三员 account waits for the other administrator the same way, so
 * no one does either alone; the ADMIN cannot unlock or disable the SECURITY_ADMIN's or AUDITOR's accounts;
 * nobody changes their own roles or disables the last enabled holder of a 三员 role.
 * Passwords: not one of the last {@code zhifa.security.password.history}; one set by an administrator must
 * be changed at the next login. Every token of a user is revoked when their password, roles or enabled
 * state change.
 */
@Service
public class UserManagement {

    private final UserAccounts users;
    private final Organizations organizations;
    private final SecurityPolicies policies;
    private final DataScope scope;
    private final PasswordEncoder passwordEncoder;
    private final JdbcClient jdbc;
    private final ApiTokens tokens;
    private final AdministratorApprovals approvals;
    private final AuthenticationSettings settings;
    private final SecondFactors secondFactors;
    private final Clock clock;
    private final FieldCipher cipher;

    UserManagement(UserAccounts users, Organizations organizations, SecurityPolicies policies, DataScope scope,
                   PasswordEncoder passwordEncoder, JdbcClient jdbc, ApiTokens tokens, AdministratorApprovals approvals,
                   AuthenticationSettings settings, SecondFactors secondFactors, Clock clock, FieldCipher cipher) {
        this.cipher = cipher;
        this.secondFactors = secondFactors;
        this.tokens = tokens;
        this.approvals = approvals;
        this.settings = settings;
        this.users = users;
        this.organizations = organizations;
        this.policies = policies;
        this.scope = scope;
        this.passwordEncoder = passwordEncoder;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Users of the current user's subtree, optionally of one unit (with its subtree), matching a keyword. */
    @Transactional(readOnly = true)
    public Page<UserView> search(String keyword, Long organizationId, int page, int size) {
        List<Long> orgIds = organizationId == null ? List.copyOf(scope.visibleOrganizationIds())
                : scope.canSee(organizationId) ? scope.subtreeIds(organizationId) : List.of();
        if (orgIds.isEmpty()) {
            return Page.empty(page, size);
        }
        String like = keyword == null || keyword.isBlank() ? null : "%" + keyword.strip().toLowerCase() + "%";
        // phones are sealed at rest: a phone is found by its exact number through the keyed hash
        String phoneHash = like == null ? null : cipher.lookupHash("phone", keyword);
        String where = " WHERE u.organization_id IN (:orgs)"
                + (like == null ? "" : " AND (LOWER(u.username) LIKE :like OR u.display_name LIKE :like OR u.phone_hash = :phoneHash)");
        long total = jdbc.sql("SELECT count(*) FROM app_user u" + where)
                .param("orgs", orgIds).param("like", like).param("phoneHash", phoneHash).query(Long.class).single();
        List<Long> ids = jdbc.sql("SELECT u.id FROM app_user u JOIN organization o ON o.id = u.organization_id" + where
                        + " ORDER BY o.path, u.username LIMIT :limit OFFSET :offset")
                .param("orgs", orgIds).param("like", like).param("phoneHash", phoneHash).param("limit", size).param("offset", (long) page * size)
                .query(Long.class).list();
        List<UserView> views = new ArrayList<>();
        users.findAllById(ids).forEach(u -> views.add(view(u)));
        views.sort(java.util.Comparator.comparing(v -> ids.indexOf(v.id())));
        return new Page<>(views, page, size, total);
    }

    @Transactional(readOnly = true)
    public UserView get(long id) {
        UserAccount user = load(id);
        return view(user);
    }

    /**
     * The name of any user, without the data scope: teams of 交叉执法 and draws span units, and names on
     * records and documents are not confidential within the platform.
     */
    @Transactional(readOnly = true)
    public String displayName(long id) {
        return users.findById(id).map(UserAccount::getDisplayName).orElse("（已删除的用户）");
    }

    /** The names of many users in one query (for list pages), as {@link #displayName}; unknown ids are absent. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> displayNames(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, display_name FROM app_user WHERE id IN (:ids)").param("ids", ids)
                    .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2))).list();
        }
        return names;
    }

    @Transactional(readOnly = true)
    public Optional<UserView> findByUsername(String username) {
        return users.findByUsername(username).map(this::view);
    }

    @Transactional
    public UserView create(UserForm form) {
        return create(form, false);
    }

    @Transactional
    UserView create(UserForm form, boolean demo) {
        Verdict.all(
                users.findByUsername(form.username()).isPresent()
                        ? Verdict.refuse("用户名“" + form.username() + "”已被使用。") : Verdict.allow(),
                organizationInScope(form.organizationId(), demo),
                rolesAllowed(form.rolesOrEmpty()),
                demo ? Verdict.allow() : grantedByAccountManager(Set.of(), form.rolesOrEmpty()),
                policies.current().checkPassword(form.password(), form.username())).orThrow();
        UserAccount user = UserAccount.create(form.username().strip(), form.displayName().strip(),
                passwordEncoder.encode(form.password()), form.organizationId(), blankToNull(form.phone()),
                form.rolesOrEmpty(), demo, !demo && settings.password().changeAdministratorSet(), clock.instant());
        UserAccount saved = users.save(user);
        remember(saved);
        Audit.target("用户", saved.getId());
        return view(saved);
    }

    @Transactional
    public UserView describe(long id, UserForm form, int expectedVersion) {
        UserAccount user = load(id);
        Audit.target("用户", id);
        checkVersion(user, expectedVersion);
        Verdict.all(organizationInScope(form.organizationId(), false), rolesAllowed(form.rolesOrEmpty()),
                grantedByAccountManager(user.roleSet(), form.rolesOrEmpty())).orThrow();
        user.describe(form.displayName().strip(), form.organizationId(), blankToNull(form.phone()));
        if (!user.roleSet().equals(form.rolesOrEmpty())) {
            tokens.revokeAll(id);
        }
        user.grant(form.rolesOrEmpty());
        return view(users.save(user));
    }

    /**
     * An administrator sets a new password, which the user must change at the next login. For a 三员 account
     * this only asks: the other administrator approves it ({@link #approve}). Returns whether it took effect now.
     */
    @Transactional
    public boolean resetPassword(long id, String newPassword) {
        UserAccount user = load(id);
        Audit.target("用户", id);
        mayManage(user).orThrow();
        Verdict.all(policies.current().checkPassword(newPassword, user.getUsername()),
                notRecentlyUsed(user, newPassword)).orThrow();
        String hash = passwordEncoder.encode(newPassword);
        if (user.roleSet().stream().anyMatch(Role::isSystemAdministration)) {
            Actor actor = Actors.require();
            approvals.request(AdministratorApproval.Kind.PASSWORD_RESET, id, actor.userId(), administratorRole(actor),
                    null, hash, clock.instant());
            Audit.detail("三员账号密码重置已提交，待另一管理员批准");
            return false;
        }
        applyReset(user, hash);
        return true;
    }

    /**
     * An administrator removes a user's second factor (phone lost or replaced): the user binds a new one at the next
     * login that needs it. For a 三员 account this only asks, as a password reset does. Returns whether it took effect.
     */
    @Transactional
    public boolean resetSecondFactor(long id) {
        UserAccount user = load(id);
        Audit.target("用户", id);
        mayManage(user).orThrow();
        if (user.roleSet().stream().anyMatch(Role::isSystemAdministration)) {
            Actor actor = Actors.require();
            approvals.request(AdministratorApproval.Kind.SECOND_FACTOR_RESET, id, actor.userId(), administratorRole(actor),
                    null, null, clock.instant());
            Audit.detail("三员账号动态验证码重置已提交，待另一管理员批准");
            return false;
        }
        applySecondFactorReset(user);
        return true;
    }

    private void applySecondFactorReset(UserAccount user) {
        secondFactors.reset(user.getId());
        tokens.revokeAll(user.getId());
    }

    /** Whether the user has bound an authenticator app. */
    @Transactional(readOnly = true)
    public boolean hasSecondFactor(long id) {
        return secondFactors.enrolled(id);
    }

    private void applyReset(UserAccount user, String hash) {
        user.resetPassword(hash, settings.password().changeAdministratorSet(), clock.instant());
        users.save(user);
        remember(user);
        tokens.revokeAll(user.getId());
    }

    /** Whether the user must change the password before working (set by an administrator, or expired). */
    @Transactional(readOnly = true)
    public boolean mustChangePassword(long id) {
        return users.findById(id).map(u -> u.mustChangePasswordAt(clock.instant(), settings.password().expiryDays(),
                settings.password().exemptDemoAccounts())).orElse(false);
    }

    /** The logged-in user changes their own password, proving the old one. */
    @Transactional
    public void changeOwnPassword(long id, String oldPassword, String newPassword) {
        UserAccount user = users.findById(id).orElseThrow(() -> RuleViolation.notFound("用户不存在。"));
        Audit.target("用户", id);
        if (!passwordEncoder.matches(oldPassword == null ? "" : oldPassword, user.getPasswordHash())) {
            throw new RuleViolation("原密码不正确。");
        }
        Verdict.all(policies.current().checkPassword(newPassword, user.getUsername()),
                notRecentlyUsed(user, newPassword)).orThrow();
        user.changePassword(passwordEncoder.encode(newPassword), clock.instant());
        users.save(user);
        remember(user);
        tokens.revokeAll(id);
    }

    /** Not the current password nor one of the ones before it (the configured history length in all). */
    private Verdict notRecentlyUsed(UserAccount user, String newPassword) {
        int history = settings.password().history();
        if (history <= 0 || newPassword == null) {
            return Verdict.allow();
        }
        List<String> recent = new ArrayList<>();
        recent.add(user.getPasswordHash());
        recent.addAll(jdbc.sql("SELECT password_hash FROM password_history WHERE app_user = ? ORDER BY changed_at DESC, id DESC LIMIT ?")
                .params(user.getId(), history).query(String.class).list());
        boolean reused = recent.stream().distinct().limit(history).anyMatch(hash -> passwordEncoder.matches(newPassword, hash));
        return reused ? Verdict.refuse("新密码不能与最近 " + history + " 次使用过的密码相同。") : Verdict.allow();
    }

    /** Keeps the password's hash in the history, and only as many as the history needs. */
    private void remember(UserAccount user) {
        jdbc.sql("INSERT INTO password_history (app_user, password_hash, changed_at) VALUES (?, ?, ?)")
                .params(user.getId(), user.getPasswordHash(), java.sql.Timestamp.from(clock.instant())).update();
        jdbc.sql("DELETE FROM password_history WHERE app_user = :user AND id NOT IN "
                        + "(SELECT id FROM password_history WHERE app_user = :user ORDER BY changed_at DESC, id DESC LIMIT :keep)")
                .param("user", user.getId()).param("keep", Math.max(settings.password().history(), 1)).update();
    }

    @Transactional
    public void unlock(long id) {
        UserAccount user = load(id);
        Audit.target("用户", id);
        mayManage(user).orThrow();
        user.unlock();
        users.save(user);
    }

    @Transactional
    public void setEnabled(long id, boolean enabled) {
        UserAccount user = load(id);
        Audit.target("用户", id);
        if (enabled) {
            if (user.roleSet().stream().anyMatch(Role::isSystemAdministration) && !Actors.require().has(Role.ADMIN)) {
                throw new RuleViolation("三员分立：三员账号由系统管理员启用。");
            }
            user.enable();
        } else {
            if (Actors.require().userId() == id) {
                throw new RuleViolation("不能停用自己的账号。");
            }
            Verdict.all(mayManage(user), notLastHolder(user, Set.of())).orThrow();
            user.disable();
            tokens.revokeAll(id);
        }
        users.save(user);
    }

    /**
     * The SECURITY_ADMIN assigns a user's roles (not their own). A 三员 role newly granted is only asked for: the
     * roles change when the ADMIN approves ({@link #approve}), so the grant takes both administrators.
     */
    @Transactional
    public UserView assignRoles(long id, Set<Role> roles, int expectedVersion) {
        UserAccount user = load(id);
        Audit.target("用户", id);
        checkVersion(user, expectedVersion);
        Set<Role> wanted = roles == null ? Set.of() : roles;
        Verdict.all(
                Actors.require().userId() == id ? Verdict.refuse("三员分立：不能给自己分配或取消角色。") : Verdict.allow(),
                rolesAllowed(wanted),
                notLastHolder(user, wanted)).orThrow();
        boolean newAdministration = wanted.stream().anyMatch(r -> r.isSystemAdministration() && !user.roleSet().contains(r));
        if (newAdministration) {
            Actor actor = Actors.require();
            approvals.request(AdministratorApproval.Kind.ROLE_GRANT, id, actor.userId(), administratorRole(actor),
                    wanted, null, clock.instant());
            Audit.detail("授予三员角色已提交，待系统管理员批准");
            return view(user);
        }
        if (!user.roleSet().equals(wanted)) {
            tokens.revokeAll(id);
        }
        user.grant(wanted);
        return view(users.save(user));
    }

    /** Requests waiting for an administrator's approval, of users the caller can see. */
    @Transactional(readOnly = true)
    public List<AdministratorApproval.View> pendingApprovals() {
        Actor actor = Actors.require();
        if (scope.visibleOrganizationIds().isEmpty()) {
            return List.of();
        }
        List<Long> visible = jdbc.sql("SELECT id FROM app_user WHERE organization_id IN (:orgs)")
                .param("orgs", List.copyOf(scope.visibleOrganizationIds())).query(Long.class).list();
        return approvals.pending(visible).stream().map(a -> new AdministratorApproval.View(a.id(), a.kind().label(),
                a.targetUser(), displayName(a.targetUser()), displayName(a.requestedBy()),
                a.roles().stream().map(Role::label).sorted().reduce((x, y) -> x + "、" + y).orElse(""),
                a.approverRole().label(), a.requestedAt(), mayDecide(a, actor).allowed())).toList();
    }

    /** The other administrator approves: the role grant or password reset takes effect, the user's tokens end. */
    @Transactional
    public void approve(long approvalId) {
        AdministratorApproval approval = approvals.findPending(approvalId)
                .orElseThrow(() -> RuleViolation.notFound("该申请不存在或已处理。"));
        UserAccount user = load(approval.targetUser());
        Audit.target("用户", user.getId());
        Actor actor = Actors.require();
        mayDecide(approval, actor).orThrow();
        if (approval.kind() == AdministratorApproval.Kind.ROLE_GRANT) {
            Verdict.all(rolesAllowed(approval.roles()), notLastHolder(user, approval.roles())).orThrow();
            user.grant(approval.roles());
            users.save(user);
            tokens.revokeAll(user.getId());
        } else if (approval.kind() == AdministratorApproval.Kind.SECOND_FACTOR_RESET) {
            applySecondFactorReset(user);
        } else {
            applyReset(user, approval.passwordHash());
        }
        approvals.decide(approvalId, true, actor.userId(), clock.instant());
        Audit.detail("批准：" + approval.kind().label());
    }

    /** The other administrator refuses the request; nothing changes. */
    @Transactional
    public void reject(long approvalId) {
        AdministratorApproval approval = approvals.findPending(approvalId)
                .orElseThrow(() -> RuleViolation.notFound("该申请不存在或已处理。"));
        UserAccount user = load(approval.targetUser());
        Audit.target("用户", user.getId());
        Actor actor = Actors.require();
        mayDecide(approval, actor).orThrow();
        approvals.decide(approvalId, false, actor.userId(), clock.instant());
        Audit.detail("驳回：" + approval.kind().label());
    }

    private static Verdict mayDecide(AdministratorApproval approval, Actor actor) {
        if (!actor.has(approval.approverRole())) {
            return Verdict.refuse("三员分立：此申请须由" + approval.approverRole().label() + "批准。");
        }
        if (actor.userId() == approval.requestedBy() || actor.userId() == approval.targetUser()) {
            return Verdict.refuse("三员分立：不能批准本人提出或涉及本人账号的申请。");
        }
        return Verdict.allow();
    }

    private static Role administratorRole(Actor actor) {
        return actor.has(Role.SECURITY_ADMIN) ? Role.SECURITY_ADMIN : Role.ADMIN;
    }

    /**
     * The ADMIN grants business roles (within their subtree); the 三员 roles are the SECURITY_ADMIN's to ask for
     * and the ADMIN's to approve.
     */
    private static Verdict grantedByAccountManager(Set<Role> before, Set<Role> after) {
        Set<Role> guarded = Set.of(Role.ADMIN, Role.SECURITY_ADMIN, Role.AUDITOR);
        boolean touchesAdministration = after.stream().filter(guarded::contains).anyMatch(r -> !before.contains(r))
                || before.stream().filter(guarded::contains).anyMatch(r -> !after.contains(r));
        return touchesAdministration
                ? Verdict.refuse("三员分立：系统管理员、安全管理员、安全审计员角色由安全管理员申请授予，经系统管理员批准后生效。")
                : Verdict.allow();
    }

    /**
     * Who may reset, unlock and disable an account: the ADMIN for all but the SECURITY_ADMIN's and AUDITOR's
     * accounts, which only the SECURITY_ADMIN handles (never their own).
     */
    private static Verdict mayManage(UserAccount user) {
        Actor actor = Actors.require();
        boolean guarded = user.roleSet().contains(Role.SECURITY_ADMIN) || user.roleSet().contains(Role.AUDITOR);
        if (actor.has(Role.SECURITY_ADMIN)) {
            return guarded && actor.userId() != user.getId() ? Verdict.allow()
                    : Verdict.refuse("三员分立：安全管理员只办理安全管理员、安全审计员的账号（本人账号除外），其他账号由系统管理员管理。");
        }
        return guarded ? Verdict.refuse("三员分立：系统管理员不能单独重置、解锁或停用安全管理员、安全审计员的账号。")
                : Verdict.allow();
    }

    /** Nobody disables or strips the last enabled holder of a 三员 role. */
    private Verdict notLastHolder(UserAccount user, Set<Role> keeps) {
        for (Role role : user.roleSet()) {
            if (!role.isSystemAdministration() || keeps.contains(role) || !user.isEnabled()) {
                continue;
            }
            long others = jdbc.sql("SELECT count(*) FROM app_user u JOIN user_role r ON r.app_user = u.id "
                            + "WHERE r.role = :role AND u.enabled AND u.id <> :id")
                    .param("role", role.name()).param("id", user.getId()).query(Long.class).single();
            if (others == 0) {
                return Verdict.refuse("三员分立：该账号是唯一在用的" + role.label() + "，不能停用或取消其角色。");
            }
        }
        return Verdict.allow();
    }

    private UserAccount load(long id) {
        UserAccount user = users.findById(id).orElseThrow(() -> RuleViolation.notFound("用户不存在。"));
        scope.require(user.getOrganizationId());
        return user;
    }

    private Verdict organizationInScope(Long organizationId, boolean demo) {
        if (organizationId == null || organizations.findById(organizationId).isEmpty()) {
            return Verdict.refuse("所属单位不存在。");
        }
        return demo || scope.canSee(organizationId) ? Verdict.allow() : Verdict.refuse("只能把用户设在本单位或下级单位。");
    }

    /** 三员分立: a system-administration role is held alone. */
    static Verdict rolesAllowed(Set<Role> roles) {
        if (roles.isEmpty()) {
            return Verdict.refuse("请至少选择一个角色。");
        }
        if (!roles.stream().allMatch(Role::assignableToUsers)) {
            return Verdict.refuse("监测系统接入客户端不是用户角色，请在“监测系统接入”中登记。");
        }
        boolean systemRole = roles.stream().anyMatch(Role::isSystemAdministration);
        if (systemRole && roles.size() > 1) {
            return Verdict.refuse("三员分立：系统管理员、安全管理员、安全审计员角色只能单独授予，不能与其他角色兼任。");
        }
        return Verdict.allow();
    }

    private static void checkVersion(UserAccount user, int expectedVersion) {
        if (user.getVersion() != expectedVersion) {
            throw RuleViolation.conflict("该用户信息已被他人修改，请刷新后重试。");
        }
    }

    private UserView view(UserAccount user) {
        String orgName = organizations.findById(user.getOrganizationId()).map(Organization::getName).orElse("");
        return new UserView(user.getId(), user.getUsername(), user.getDisplayName(), user.getOrganizationId(), orgName,
                user.getPhone(), user.roleSet(), user.isEnabled(), user.getLockedUntil(), user.getVersion());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
