package cn.zhifa.organization;

import cn.zhifa.shared.security.Role;
import java.time.Instant;
import java.util.Set;

/** A user as lists and other modules see them (never the password hash). */
public record UserView(long id, String username, String displayName, long organizationId, String organizationName,
                       String phone, Set<Role> roles, boolean enabled, Instant lockedUntil, int version) {

    public boolean locked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** 138****1234 */
    public String maskedPhone() {
        if (phone == null || phone.length() < 7) {
            return phone;
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
