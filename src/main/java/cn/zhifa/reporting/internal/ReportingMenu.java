package cn.zhifa.reporting.internal;

import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

@Component
class ReportingMenu implements MenuContribution {

    @Override
    public List<MenuItem> menuItems() {
        Set<Role> readers = Set.of(Role.OFFICER, Role.LEADER, Role.LEGAL, Role.SUPERVISOR);
        return List.of(new MenuItem("统计分析", "统计分析", "/reporting", readers, 700),
                new MenuItem("统计分析", "年度报告", "/reporting/annual", Set.of(Role.LEADER, Role.LEGAL, Role.SUPERVISOR), 710));
    }
}
