package cn.zhifa.supervision.internal;

import cn.zhifa.law.LegalCalendar;
import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.MenuContribution;
import cn.zhifa.shared.web.MenuItem;
import cn.zhifa.shared.web.PendingWorkCounter;
import cn.zhifa.supervision.ComplaintManagement;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Supervision's settings and menu entries. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ComplaintRules.class)
class SupervisionConfiguration {

    @Bean
    ComplaintDeadlines complaintDeadlines(LegalCalendar calendar, ComplaintRules rules) {
        return new ComplaintDeadlines(calendar, rules);
    }

    @Bean
    MenuContribution supervisionMenu() {
        return () -> List.of(
                new MenuItem("监督", "执法监督驾驶舱", "/supervision", Set.of(Role.SUPERVISOR, Role.LEADER), 700),
                new MenuItem("监督", "督办与约谈", "/supervision/orders", Set.of(Role.SUPERVISOR, Role.LEADER), 710),
                new MenuItem("监督", "投诉举报", "/complaints", Set.of(Role.SUPERVISOR, Role.LEADER, Role.OFFICER), 720),
                new MenuItem("监督", "复议诉讼台账", "/supervision/reviews", Set.of(Role.SUPERVISOR, Role.LEADER, Role.LEGAL), 730));
    }

    @Bean
    PendingWorkCounter overdueComplaints(ComplaintManagement complaints) {
        return actor -> actor.has(Role.LEADER) || actor.has(Role.OFFICER) || actor.has(Role.SUPERVISOR)
                ? List.of(new PendingWorkCounter.Pending("逾期的投诉举报", complaints.overdueCount(), "/complaints?overdue=true", 720))
                : List.of();
    }
}
