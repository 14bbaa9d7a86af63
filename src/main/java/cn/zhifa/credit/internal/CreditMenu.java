package cn.zhifa.credit.internal;

import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import cn.zhifa.shared.web.PublicPaths;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

@Component
class CreditMenu implements MenuContribution, PublicPaths {

    @Override
    public List<MenuItem> menuItems() {
        return List.of(new MenuItem("案件", "严重失信名单", "/credit/listings", Set.of(Role.LEADER, Role.LEGAL, Role.SUPERVISOR), 480),
                new MenuItem("系统管理", "信用等级规则", "/credit/rules", Set.of(Role.ADMIN), 960));
    }

    @Override
    public List<String> patterns() {
        return List.of("/public/credit", "/public/credit/**", "/api/v1/public/credit/**");
    }
}
