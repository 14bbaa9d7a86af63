package cn.zhifa.township.internal;

import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class TownshipMenu implements MenuContribution {

    @Override
    public List<MenuItem> menuItems() {
        Set<Role> readers = Set.of(Role.OFFICER, Role.LEADER, Role.LEGAL, Role.SUPERVISOR);
        return List.of(new MenuItem("乡镇执法", "乡镇赋权委托", "/township/powers", readers, 760),
                new MenuItem("乡镇执法", "乡镇执法统计", "/township/statistics", readers, 761),
                new MenuItem("乡镇执法", "专职安全员", "/township/safety-staff",
                        Set.of(Role.OFFICER, Role.LEADER, Role.LEGAL, Role.SUPERVISOR, Role.ADMIN), 762),
                new MenuItem("乡镇执法", "专职安全员线索", "/township/leads", readers, 763));
    }
}
