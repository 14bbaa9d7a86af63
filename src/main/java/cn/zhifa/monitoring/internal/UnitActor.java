package cn.zhifa.monitoring.internal;

import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import java.util.Set;

/** The firm's responsible unit acting through the system when monitoring opens a task or keeps a snapshot. */
record UnitActor(long organizationId, String displayName) implements Actor {

    @Override
    public long userId() {
        return 0;
    }

    @Override
    public String username() {
        return "system";
    }

    @Override
    public Set<Role> roles() {
        return Set.of();
    }
}
