package cn.zhifa.audit.internal;

import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class AuditMenu implements MenuContribution {

    @Override
    public List<MenuItem> menuItems() {
        return List.of(new MenuItem("安全审计", "审计日志", "/audit", Set.of(Role.AUDITOR), 950),
                new MenuItem("安全审计", "哈希链校验", "/audit/verify", Set.of(Role.AUDITOR), 951));
    }
}
