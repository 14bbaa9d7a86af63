package cn.zhifa.casework.internal.filing;

import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The 处罚决定备案 list in the case menu, for those who read it. */
@Component
class FilingMenu implements MenuContribution {

    @Override
    public List<MenuItem> menuItems() {
        return List.of(new MenuItem("案件", "处罚决定备案", "/cases/filings", Set.of(Role.LEADER, Role.LEGAL, Role.SUPERVISOR), 345));
    }
}
