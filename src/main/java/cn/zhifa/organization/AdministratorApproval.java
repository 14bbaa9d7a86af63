package cn.zhifa.organization;

import cn.zhifa.shared.security.Role;
import java.time.Instant;
import java.util.Set;

/**
 * 三员分立: a change one 三员 administrator asked for that takes effect only when the other approves — a grant
 * of a 三员 role (asked by the SECURITY_ADMIN, approved by the ADMIN) or a password reset of a 三员 account
 * (asked by one of ADMIN and SECURITY_ADMIN, approved by the other).
 */
public record AdministratorApproval(long id, Kind kind, long targetUser, long requestedBy, Role requestedAs,
                                    Set<Role> roles, String passwordHash, Instant requestedAt) {

    public enum Kind {
        ROLE_GRANT("授予三员角色"),
        PASSWORD_RESET("重置三员账号密码"),
        SECOND_FACTOR_RESET("重置三员账号动态验证码");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The administrator role that must approve: the other of ADMIN and SECURITY_ADMIN. */
    public Role approverRole() {
        return requestedAs == Role.ADMIN ? Role.SECURITY_ADMIN : Role.ADMIN;
    }

    /** What the approving administrator sees (no password hash). */
    public record View(long id, String kindLabel, long targetUser, String targetName, String requestedByName,
                       String rolesLabel, String approverLabel, Instant requestedAt, boolean mayApprove) {
    }
}
