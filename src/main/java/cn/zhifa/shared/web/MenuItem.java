package cn.zhifa.shared.web;

import cn.zhifa.shared.security.Role;
import java.util.Set;

/**
 * One navigation entry. {@code roles} empty means every logged-in user; {@code group} gathers
 * entries under one heading (业务 / 监督 / 系统 …); lower {@code order} comes first.
 */
public record MenuItem(String group, String label, String href, Set<Role> roles, int order) {

    public boolean visibleTo(Set<Role> userRoles) {
        return roles.isEmpty() || roles.stream().anyMatch(userRoles::contains);
    }
}
