package cn.zhifa.planning.internal;

import cn.zhifa.planning.PlanningRules;
import cn.zhifa.planning.PlanStatus;
import cn.zhifa.planning.PlanManagement;
import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import cn.zhifa.shared.web.PublicPaths;
import cn.zhifa.shared.web.PendingWorkCounter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Set;

/** Planning's configuration, menu, to-do count and public pages. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlanningRules.class)
class PlanningConfiguration {

    @Bean
    MenuContribution planningMenu() {
        Set<Role> planners = Set.of(Role.LEADER, Role.SUPERVISOR);
        return () -> List.of(
                new MenuItem("计划与抽查", "分类分级", "/planning/grading", Set.of(Role.LEADER, Role.SUPERVISOR, Role.ADMIN), 100),
                new MenuItem("计划与抽查", "年度检查计划", "/planning/plans", Set.of(Role.LEADER, Role.SUPERVISOR, Role.OFFICER), 110),
                new MenuItem("计划与抽查", "检查频次", "/planning/caps", Set.of(Role.LEADER, Role.SUPERVISOR, Role.OFFICER), 120),
                new MenuItem("计划与抽查", "双随机抽取", "/planning/draws", planners, 130),
                new MenuItem("计划与抽查", "计划统计", "/planning/statistics", planners, 140),
                new MenuItem("计划与抽查", "双随机公示", "/public/draws", Set.of(), 150));
    }

    @Bean
    PendingWorkCounter plansAwaitingApproval(PlanManagement plans) {
        return actor -> actor.has(Role.LEADER)
                ? List.of(new PendingWorkCounter.Pending("待批准的检查计划（" + PlanStatus.DELIBERATED.label() + "）",
                plans.awaitingApproval(actor), "/planning/plans", 100))
                : List.of();
    }

    @Bean
    PublicPaths publicDraws() {
        return () -> List.of("/public/draws", "/public/draws/**", "/planning/verify_draw.py");
    }
}
