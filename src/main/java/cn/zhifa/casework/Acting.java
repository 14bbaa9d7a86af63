package cn.zhifa.casework;

import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import java.util.EnumSet;
import java.util.Set;

/** Who performs a transition, with the roles that the role-checked approvals need. */
public record Acting(long userId, String name, Set<Role> roles) {

    public static Acting of(Actor actor) {
        return new Acting(actor.userId(), actor.displayName(), actor.roles().isEmpty() ? Set.of() : EnumSet.copyOf(actor.roles()));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    String mainRole() {
        for (Role role : new Role[]{Role.LEGAL, Role.LEADER, Role.OFFICER, Role.SUPERVISOR}) {
            if (roles.contains(role)) {
                return role.label();
            }
        }
        return "";
    }
}
