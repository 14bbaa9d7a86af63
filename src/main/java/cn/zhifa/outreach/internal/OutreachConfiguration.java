package cn.zhifa.outreach.internal;

import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The module's entries in the menu: 普法 and 服务 sit with the enforcement work they accompany. */
@Configuration(proxyBeanMethods = false)
class OutreachConfiguration {

    @Bean
    MenuContribution outreachMenu() {
        Set<Role> business = Set.of(Role.OFFICER, Role.LEADER, Role.LEGAL, Role.SUPERVISOR);
        return () -> List.of(
                new MenuItem("普法与帮扶", "普法活动", "/outreach/activities", business, 720),
                new MenuItem("普法与帮扶", "帮扶走访", "/outreach/visits", business, 721),
                new MenuItem("普法与帮扶", "提示函与警示函", "/outreach/letters", business, 722),
                new MenuItem("普法与帮扶", "专家名录", "/outreach/experts", business, 723));
    }
}
