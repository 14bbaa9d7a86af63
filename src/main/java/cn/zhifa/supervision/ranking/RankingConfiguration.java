package cn.zhifa.supervision.ranking;

import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 效能考评's settings and its entry in the supervision menu. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RankingRules.class)
class RankingConfiguration {

    @Bean
    MenuContribution rankingMenu() {
        return () -> List.of(new MenuItem("监督", "效能考评", "/supervision/rankings", Set.of(Role.SUPERVISOR, Role.LEADER), 740));
    }
}
