package cn.zhifa.hazard.internal;

import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class HazardMenu implements MenuContribution {

    @Override
    public List<MenuItem> menuItems() {
        return List.of(new MenuItem("执法检查", "隐患台账", "/hazards",
                Set.of(Role.OFFICER, Role.LEADER, Role.LEGAL, Role.SUPERVISOR), 250));
    }
}
