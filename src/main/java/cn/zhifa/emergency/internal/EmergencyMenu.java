package cn.zhifa.emergency.internal;

import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class EmergencyMenu implements MenuContribution {

    @Override
    public List<MenuItem> menuItems() {
        Set<Role> readers = Set.of(Role.OFFICER, Role.LEADER, Role.SUPERVISOR);
        return List.of(new MenuItem("应急管理", "应急预案", "/emergency/plans", readers, 800),
                new MenuItem("应急管理", "应急演练", "/emergency/drills", readers, 810),
                new MenuItem("应急管理", "救援队伍", "/emergency/teams", readers, 820),
                new MenuItem("应急管理", "应急物资", "/emergency/materials", readers, 830),
                new MenuItem("应急管理", "灾害信息员", "/emergency/informants", readers, 840),
                new MenuItem("应急管理", "安责险保单", "/emergency/insurance", readers, 850),
                new MenuItem("应急管理", "安责险脱保企业", "/emergency/insurance/lapses", Set.of(Role.LEADER, Role.SUPERVISOR), 860));
    }
}
