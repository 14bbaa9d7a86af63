package cn.zhifa.shared.security;

import java.util.Set;

/** Who acts: the logged-in user, however they logged in (form or token). */
public interface Actor {

    long userId();

    String username();

    String displayName();

    long organizationId();

    Set<Role> roles();

    default boolean has(Role role) {
        return roles().contains(role);
    }
}
