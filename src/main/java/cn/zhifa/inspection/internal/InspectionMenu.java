package cn.zhifa.inspection.internal;

import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class InspectionMenu implements MenuContribution {

    @Override
    public List<MenuItem> menuItems() {
        Set<Role> enforcement = Set.of(Role.OFFICER, Role.LEADER, Role.LEGAL, Role.SUPERVISOR);
        return List.of(
                new MenuItem("执法检查", "今日检查", "/inspection", Set.of(Role.OFFICER), 200),
                new MenuItem("执法检查", "检查任务", "/inspection/tasks", enforcement, 210),
                new MenuItem("执法检查", "检查记录", "/inspection/records", enforcement, 220),
                new MenuItem("执法检查", "检查统计", "/inspection/statistics", enforcement, 240),
                new MenuItem("执法检查", "检查清单", "/inspection/checklists", Set.of(Role.OFFICER, Role.LEADER, Role.ADMIN), 230));
    }
}
