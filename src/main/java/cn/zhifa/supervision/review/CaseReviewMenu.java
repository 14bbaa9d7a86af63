package cn.zhifa.supervision.review;

import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The 案卷评查 entry of the supervision menu. */
@Configuration
class CaseReviewMenu {

    @Bean
    MenuContribution caseReviewMenuItems() {
        return () -> List.of(new MenuItem("监督", "案卷评查", "/supervision/case-reviews",
                Set.of(Role.SUPERVISOR, Role.LEADER, Role.LEGAL), 740));
    }
}
