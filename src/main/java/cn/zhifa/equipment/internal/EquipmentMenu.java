package cn.zhifa.equipment.internal;

import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class EquipmentMenu implements MenuContribution {

    @Override
    public List<MenuItem> menuItems() {
        return List.of(new MenuItem("执法保障", "执法装备", "/equipment",
                Set.of(Role.OFFICER, Role.LEADER, Role.LEGAL, Role.SUPERVISOR), 580));
    }
}
