package cn.zhifa.registry.internal;

import cn.zhifa.organization.DataScope;
import cn.zhifa.registry.AgencyManagement;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import cn.zhifa.shared.web.PublicPaths;
import cn.zhifa.shared.web.PendingWorkCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registry's menu entries, to-do counts (expiring certificates and agency qualifications, merge candidates) and public page. */
@Configuration(proxyBeanMethods = false)
class RegistryWeb {

    static final Set<Role> BUSINESS = Set.of(Role.OFFICER, Role.LEADER, Role.LEGAL, Role.SUPERVISOR);

    @Bean
    MenuContribution registryMenu() {
        return () -> List.of(
                new MenuItem("企业库", "企业列表", "/registry/enterprises", BUSINESS, 100),
                new MenuItem("企业库", "Excel 导入", "/registry/import", Set.of(Role.OFFICER, Role.LEADER), 110),
                new MenuItem("企业库", "疑似重复企业", "/registry/enterprises/merge", Set.of(Role.OFFICER, Role.LEADER), 120),
                new MenuItem("企业库", "第三方机构", "/registry/agencies", BUSINESS, 130),
                new MenuItem("企业库", "企业库统计", "/registry/statistics", BUSINESS, 160),
                new MenuItem("执法队伍", "执法人员与执法证", "/registry/officers", BUSINESS, 140),
                new MenuItem("执法队伍", "检查员与监督员", "/registry/supervisors", BUSINESS, 150));
    }

    @Bean
    PublicPaths registryPublicPaths() {
        return () -> List.of("/public/supervisors");
    }

    @Bean
    PendingWorkCounter registryPendingWork(OfficerManagement officers, EnterpriseManagement enterprises, AgencyManagement agencies,
                                           DataScope scope) {
        return (Actor actor) -> {
            if (actor.roles().stream().noneMatch(BUSINESS::contains)) {
                return List.of();
            }
            List<PendingWorkCounter.Pending> pendingWork = new ArrayList<>();
            var orgs = scope.visibleOrganizationIds();
            pendingWork.add(new PendingWorkCounter.Pending("执法证 " + officers.warningDays() + " 天内到期", officers.countExpiring(orgs),
                    "/registry/officers#expiring", 140));
            pendingWork.add(new PendingWorkCounter.Pending("第三方机构资质 " + agencies.warningDays() + " 天内到期或已过期",
                    agencies.countQualificationWarnings(orgs), "/registry/agencies#qualification-warnings", 142));
            if (actor.has(Role.OFFICER) || actor.has(Role.LEADER)) {
                pendingWork.add(new PendingWorkCounter.Pending("疑似重复企业待合并", enterprises.countMergeCandidates(orgs),
                        "/registry/enterprises/merge", 141));
            }
            return pendingWork;
        };
    }
}
