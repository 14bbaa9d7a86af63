package cn.zhifa.supervision.fault;

import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 执法过错's settings and its entry in the supervision menu. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FaultRules.class)
class FaultConfiguration {

    @Bean
    MenuContribution faultMenu() {
        return () -> List.of(new MenuItem("监督", "执法过错", "/supervision/faults", Set.of(Role.SUPERVISOR, Role.LEADER), 745));
    }
}
