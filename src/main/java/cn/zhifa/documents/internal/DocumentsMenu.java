package cn.zhifa.documents.internal;

import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import cn.zhifa.shared.web.PublicPaths;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Menu entries of the documents module and its public paths (verification without login). */
@Component
class DocumentsMenu implements MenuContribution, PublicPaths {

    private static final Set<Role> CASEWORK = Set.of(Role.OFFICER, Role.LEADER, Role.LEGAL, Role.SUPERVISOR);

    @Override
    public List<MenuItem> menuItems() {
        return List.of(
                new MenuItem("执法业务", "执法文书", "/documents", CASEWORK, 400),
                new MenuItem("执法业务", "文书统计", "/documents/statistics", CASEWORK, 410),
                new MenuItem("执法业务", "我的签名", "/documents/signature", CASEWORK, 415),
                new MenuItem("系统管理", "文书设置", "/documents/settings", Set.of(Role.ADMIN), 940));
    }

    @Override
    public List<String> patterns() {
        return List.of("/verify", "/verify/**", "/api/v1/verify/**");
    }
}
