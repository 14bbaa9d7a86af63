package cn.zhifa.registry;

import static cn.zhifa.registry.RegistryTestSupport.actAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.shared.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The certificate policy other modules call, certified officers, the lifecycle through the service, statistics and events. */
@ZhifaIntegrationTest
@Tag("external-db")
class OfficerManagementTests {

    @Autowired
    OfficerManagement officers;
    @Autowired
    CertificatePolicy policy;
    @Autowired
    EnterpriseManagement enterprises;
    @Autowired
    UserManagement users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;

    @AfterEach
    void logout() {
        RegistryTestSupport.clear();
    }

    private long user(String username) {
        return users.findByUsername(username).orElseThrow().id();
    }

    @Test
    void only_an_officer_with_a_certificate_valid_on_the_day_may_enforce() {
        LocalDate today = LocalDate.now(clock);
        assertThat(policy.mayEnforce(user("officer1"), today)).isEqualTo(Verdict.allow());
        assertThat(policy.mayEnforce(user("zf038"), today).reason()).contains("注销", "调离执法岗位");
        assertThat(policy.mayEnforce(user("zf035"), today).reason()).isEqualTo("该人员未取得行政执法证，不能从事行政执法。");
        assertThat(policy.mayEnforce(user("zf003"), today).reason()).contains("暂扣");
        assertThat(policy.mayEnforce(user("zf001"), today.plusDays(40)).reason()).contains("过期");
        assertThat(policy.mayEnforce(user("zf036"), today.minusDays(60)).allowed()).as("before the revocation").isTrue();
        assertThat(officers.mayEnforce(user("zf038"), today).refused()).isTrue();
    }

    @Test
    void a_team_may_enforce_when_every_member_may_and_the_first_refusal_says_why_not() {
        LocalDate today = LocalDate.now(clock);
        assertThat(policy.mayEnforce(java.util.List.of(user("officer1"), user("officer2")), today)).isEqualTo(Verdict.allow());
        assertThat(policy.mayEnforce(java.util.List.of(user("officer1"), user("zf038"), user("zf003")), today).reason())
                .contains("注销", "调离执法岗位");
        assertThat(policy.mayEnforce(java.util.List.of(user("officer1"), user("zf003"), user("zf038")), today).reason())
                .contains("暂扣");
    }

    @Test
    void certified_officers_of_units_exclude_revoked_suspended_and_uncertified_ones() {
        long unit = users.findByUsername("officer1").orElseThrow().organizationId();
        List<OfficerSummary> certified = officers.certifiedOfficers(Set.of(unit), LocalDate.now(clock));
        assertThat(certified).extracting(OfficerSummary::userId).contains(user("officer1"), user("officer2"), user("leader1"));
        actAs(users, "supervisor1");
        List<Long> everyone = officers.certifiedOfficers(Set.copyOf(officers.certificates().stream()
                .map(OfficerCertificate::getOrganizationId).toList()), LocalDate.now(clock)).stream().map(OfficerSummary::userId).toList();
        assertThat(everyone).doesNotContain(user("zf038"), user("zf037"), user("zf036"), user("zf003"), user("zf035"));
    }

    @Test
    void a_certificate_is_issued_suspended_reinstated_renewed_and_revoked_with_its_events() {
        actAs(users, "supervisor1");
        LocalDate today = LocalDate.now(clock);
        assertThatThrownBy(() -> officers.issue(new CertificateForm(user("zf035"), "TEST-0001", "示例市人民政府", today, today.minusDays(1), null)))
                .hasMessageContaining("必须晚于发证日期");
        assertThatThrownBy(() -> officers.issue(new CertificateForm(user("officer1"), "TEST-0002", "示例市人民政府", today, today.plusYears(5), null)))
                .hasMessageContaining("已持有执法证");
        OfficerCertificate issued = officers.issue(new CertificateForm(user("zf035"), "test-0003", "示例市人民政府", today.minusDays(1), today.plusYears(5), null));
        assertThat(issued.getCertificateNo()).isEqualTo("TEST-0003");
        assertThat(policy.mayEnforce(user("zf035"), today).allowed()).isTrue();
        assertThatThrownBy(() -> officers.issue(new CertificateForm(user("zf036"), "TEST-0003", "示例市人民政府", today, today.plusYears(5), null)))
                .hasMessageContaining("已登记");

        officers.suspend(issued.getId(), "待查");
        assertThat(policy.mayEnforce(user("zf035"), today).refused()).isTrue();
        officers.reinstate(issued.getId());
        officers.renew(issued.getId(), today.plusYears(6));
        OfficerStatistics before = officers.statistics(today.getYear());
        officers.revoke(issued.getId(), "调离执法岗位");
        assertThat(officers.certificate(issued.getId()).getEvents()).extracting(OfficerCertificate.CertificateEvent::kind)
                .containsExactly(CertificateEventKind.ISSUED, CertificateEventKind.SUSPENDED, CertificateEventKind.REINSTATED,
                        CertificateEventKind.RENEWED, CertificateEventKind.REVOKED);
        OfficerStatistics after = officers.statistics(today.getYear());
        assertThat(after.revokedInYear()).isEqualTo(before.revokedInYear() + 1);
        assertThat(after.certified()).isEqualTo(before.certified() - 1);
    }

    @Test
    void enforcement_acts_published_by_later_modules_drive_the_participation_rate_and_count_once() {
        actAs(users, "supervisor1");
        LocalDate today = LocalDate.now(clock);
        EnterpriseSummary enterprise = enterprises.search(EnterpriseQuery.all(), 0, 1).items().get(0);
        long before = officers.statistics(today.getYear()).participating();
        EnforcementActRecorded act = new EnforcementActRecorded(user("officer2"), enterprise.id(), today, "检查");
        transactions.executeWithoutResult(tx -> events.publishEvent(act));
        transactions.executeWithoutResult(tx -> events.publishEvent(act));
        // inspection publishes acts for officer2 too (demo data, other tests): count this act only
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM enforcement_act WHERE user_id = ? AND enterprise_id = ? AND occurred_on = ? AND kind = ?")
                .param(user("officer2")).param(enterprise.id()).param(java.sql.Date.valueOf(today)).param("检查")
                .query(Long.class).single() == 1);
        OfficerStatistics after = officers.statistics(today.getYear());
        assertThat(after.participating()).isGreaterThanOrEqualTo(Math.max(1, before));
        assertThat(after.participationRatePercent()).isPositive();
    }

    @Test
    void timeline_entries_published_by_later_modules_appear_on_the_profile_once() {
        actAs(users, "supervisor1");
        EnterpriseSummary enterprise = enterprises.search(EnterpriseQuery.all(), 0, 2).items().get(1);
        // other classes' records reach this firm's timeline too: this test's entry is told apart by its own title
        String title = "执法检查（测试 " + System.nanoTime() + "）";
        EnterpriseTimelineEntry entry = new EnterpriseTimelineEntry(enterprise.id(), LocalDate.now(clock), "检查", title,
                "/inspections/1");
        transactions.executeWithoutResult(tx -> events.publishEvent(entry));
        transactions.executeWithoutResult(tx -> events.publishEvent(entry));
        await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> enterprises.profile(enterprise.id()).timeline()
                .stream().anyMatch(e -> e.title().equals(title)));
        assertThat(enterprises.profile(enterprise.id()).timeline()).filteredOn(e -> e.title().equals(title)).hasSize(1);
    }
}
