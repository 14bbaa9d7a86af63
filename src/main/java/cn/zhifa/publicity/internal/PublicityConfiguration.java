package cn.zhifa.publicity.internal;

import cn.zhifa.law.LegalCalendar;
import cn.zhifa.law.StatutoryPeriods;
import cn.zhifa.publicity.PublicityManagement;
import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import cn.zhifa.shared.web.PendingWorkCounter;
import cn.zhifa.shared.web.PublicPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Publicity's settings, menu entries, home-page counts and public paths. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicityRules.class)
class PublicityConfiguration {

    @Bean
    PublicityPeriods publicityPeriods(StatutoryPeriods periods, LegalCalendar calendar, PublicityRules rules) {
        return new PublicityPeriods(periods, calendar, rules);
    }

    @Bean
    MenuContribution publicityMenu() {
        return () -> List.of(
                new MenuItem("公示", "处罚决定公示", "/publicity", Set.of(Role.LEADER, Role.OFFICER, Role.SUPERVISOR, Role.LEGAL), 600),
                new MenuItem("公示", "公示率统计", "/publicity/statistics", Set.of(Role.LEADER, Role.SUPERVISOR), 610),
                new MenuItem("公示", "双公示数据交换", "/publicity/exchange", Set.of(Role.LEADER, Role.ADMIN), 620),
                new MenuItem("公示", "行政执法公示网站", "/public/penalties", Set.of(), 630),
                new MenuItem("系统管理", "权责清单", "/publicity/powers", Set.of(Role.ADMIN), 965));
    }

    @Bean
    PendingWorkCounter publicationsAwaiting(PublicityManagement publicity) {
        return actor -> {
            if (!actor.has(Role.LEADER) && !actor.has(Role.OFFICER)) {
                return List.of();
            }
            long[] counts = publicity.awaitingCounts();
            List<PendingWorkCounter.Pending> pending = new ArrayList<>();
            pending.add(new PendingWorkCounter.Pending("待公示的处罚决定", counts[0], "/publicity?filter=awaiting", 600));
            pending.add(new PendingWorkCounter.Pending("逾期未公示的处罚决定", counts[1], "/publicity?filter=overdue", 601));
            return pending;
        };
    }

    @Bean
    PublicPaths publicityPortal() {
        return () -> List.of("/public/penalties", "/public/penalties/**", "/api/v1/public/penalties", "/api/v1/public/penalties/**",
                "/public/officers/**", "/api/v1/public/officers/**", "/public/powers", "/api/v1/public/powers",
                "/public/exposures", "/api/v1/public/exposures", "/public/double-random", "/api/v1/public/double-random",
                "/public/before", "/public/cases", "/api/v1/public/cases");
    }
}
