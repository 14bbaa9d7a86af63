package cn.zhifa.organization;

import cn.zhifa.audit.Audit;
import cn.zhifa.organization.internal.Organizations;
import cn.zhifa.organization.internal.SecurityPolicies;
import cn.zhifa.organization.internal.UserAccounts;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.Verdict;
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
 * Users of the platform, managed by the ADMIN within their organisation's subtree. Enforces the
 * 三员分立 rule: ADMIN, SECURITY_ADMIN and AUDITOR are each held alone.
 */
@Service
public class UserManagement {

    private final UserAccounts users;
    private final Organizations organizations;
    private final SecurityPolicies policies;
    private final DataScope scope;
    private final PasswordEncoder passwordEncoder;
    private final JdbcClient jdbc;
    private final Clock clock;

    UserManagement(UserAccounts users, Organizations organizations, SecurityPolicies policies, DataScope scope,
                   PasswordEncoder passwordEncoder, JdbcClient jdbc, Clock clock) {
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
        String where = " WHERE u.organization_id IN (:orgs)"
                + (like == null ? "" : " AND (LOWER(u.username) LIKE :like OR u.display_name LIKE :like OR u.phone LIKE :like)");
        long total = jdbc.sql("SELECT count(*) FROM app_user u" + where)
                .param("orgs", orgIds).param("like", like).query(Long.class).single();
        List<Long> ids = jdbc.sql("SELECT u.id FROM app_user u JOIN organization o ON o.id = u.organization_id" + where
                        + " ORDER BY o.path, u.username LIMIT :limit OFFSET :offset")
                .param("orgs", orgIds).param("like", like).param("limit", size).param("offset", (long) page * size)
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
                policies.current().checkPassword(form.password(), form.username())).orThrow();
        UserAccount user = UserAccount.create(form.username().strip(), form.displayName().strip(),
                passwordEncoder.encode(form.password()), form.organizationId(), blankToNull(form.phone()),
                form.rolesOrEmpty(), demo, clock.instant());
        UserAccount saved = users.save(user);
        Audit.target("用户", saved.getId());
        return view(saved);
    }

    @Transactional
    public UserView describe(long id, UserForm form, int expectedVersion) {
        UserAccount user = load(id);
        Audit.target("用户", id);
        checkVersion(user, expectedVersion);
        Verdict.all(organizationInScope(form.organizationId(), false), rolesAllowed(form.rolesOrEmpty())).orThrow();
        user.describe(form.displayName().strip(), form.organizationId(), blankToNull(form.phone()));
        user.grant(form.rolesOrEmpty());
        return view(users.save(user));
    }

    @Transactional
    public void resetPassword(long id, String newPassword) {
        UserAccount user = load(id);
        Audit.target("用户", id);
        policies.current().checkPassword(newPassword, user.getUsername()).orThrow();
        user.changePassword(passwordEncoder.encode(newPassword), clock.instant());
        users.save(user);
    }

    /** The logged-in user changes their own password, proving the old one. */
    @Transactional
    public void changeOwnPassword(long id, String oldPassword, String newPassword) {
        UserAccount user = users.findById(id).orElseThrow(() -> RuleViolation.notFound("用户不存在。"));
        Audit.target("用户", id);
        if (!passwordEncoder.matches(oldPassword == null ? "" : oldPassword, user.getPasswordHash())) {
            throw new RuleViolation("原密码不正确。");
        }
        policies.current().checkPassword(newPassword, user.getUsername()).orThrow();
        user.changePassword(passwordEncoder.encode(newPassword), clock.instant());
        users.save(user);
    }

    @Transactional
    public void unlock(long id) {
        UserAccount user = load(id);
        Audit.target("用户", id);
        user.unlock();
        users.save(user);
    }

    @Transactional
    public void setEnabled(long id, boolean enabled) {
        UserAccount user = load(id);
        Audit.target("用户", id);
        if (enabled) {
            user.enable();
        } else {
            if (cn.zhifa.shared.security.Actors.require().userId() == id) {
                throw new RuleViolation("不能停用自己的账号。");
            }
            user.disable();
        }
        users.save(user);
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
