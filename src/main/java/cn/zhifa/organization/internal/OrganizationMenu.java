package cn.zhifa.organization.internal;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class OrganizationMenu implements MenuContribution {

    @Override
    public List<MenuItem> menuItems() {
        return List.of(
                new MenuItem("系统管理", "组织机构", "/admin/organizations", Set.of(Role.ADMIN), 900),
                new MenuItem("系统管理", "用户管理", "/admin/users", Action.READ_ACCOUNTS.roles(), 910),
                new MenuItem("系统管理", "接口文档", "/swagger-ui.html", Set.of(Role.ADMIN), 990),
                new MenuItem("系统管理", "安全策略", "/admin/security-policy", Set.of(Role.SECURITY_ADMIN), 920));
    }
}
