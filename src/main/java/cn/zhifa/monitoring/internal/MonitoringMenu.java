package cn.zhifa.monitoring.internal;

import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class MonitoringMenu implements MenuContribution {

    @Override
    public List<MenuItem> menuItems() {
        Set<Role> readers = Set.of(Role.OFFICER, Role.LEADER, Role.SUPERVISOR);
        return List.of(new MenuItem("执法检查", "今日在线巡查", "/monitoring/patrol", Set.of(Role.OFFICER, Role.LEADER, Role.SUPERVISOR), 250),
                new MenuItem("执法检查", "监测报警", "/monitoring/alarms", readers, 251),
                new MenuItem("系统管理", "监测系统接入", "/admin/monitoring/clients", Set.of(Role.ADMIN), 965));
    }
}
