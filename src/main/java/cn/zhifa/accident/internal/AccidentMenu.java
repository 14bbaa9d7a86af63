package cn.zhifa.accident.internal;

import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class AccidentMenu implements MenuContribution {

    @Override
    public List<MenuItem> menuItems() {
        Set<Role> readers = Set.of(Role.OFFICER, Role.LEADER, Role.LEGAL, Role.SUPERVISOR);
        return List.of(new MenuItem("事故调查", "事故调查处理", "/accidents", readers, 560),
                new MenuItem("事故调查", "事故统计", "/accidents/statistics", readers, 561),
                new MenuItem("事故调查", "警示教育", "/accidents/warnings", readers, 562));
    }
}
