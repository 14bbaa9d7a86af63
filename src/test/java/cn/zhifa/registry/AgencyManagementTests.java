package cn.zhifa.registry;

import static cn.zhifa.registry.RegistryTestSupport.actAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.UserManagement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Third-party agencies: status changes with reasons and history, qualification, services to enterprises. */
@ZhifaIntegrationTest
class AgencyManagementTests {

    @Autowired
    AgencyManagement agencies;
    @Autowired
    EnterpriseManagement enterprises;
    @Autowired
    UserManagement users;
    @Autowired
    Clock clock;

    private static int serial = 3100;

    @BeforeEach
    void login() {
        actAs(users, "leader1");
    }

    @AfterEach
    void logout() {
        RegistryTestSupport.clear();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private long register(String name) {
        return agencies.register(name, RegistryTestSupport.validUscc("139900", serial++), AgencyKind.TRAINING, "APJ-T-" + serial,
                "一级", today().plusYears(2));
    }

    private List<EnterpriseSummary> firms(int count) {
        return enterprises.search(EnterpriseQuery.all(), 0, 40).items().stream().skip(20).limit(count).toList();
    }

    @Test
    void a_suspended_agency_takes_no_new_clients_until_restored_and_each_change_is_kept_with_its_reason() {
        long id = register("示例测试安全培训学校甲");
        EnterpriseSummary firm = firms(1).get(0);

        assertThatThrownBy(() -> agencies.suspend(id, " ", null)).hasMessage("暂停须填写原因或依据。");
        assertThatThrownBy(() -> agencies.suspend(id, "责令暂停培训", today())).hasMessage("暂停截止日期应晚于今天。");
        assertThat(agencies.agency(id).status()).as("a refused command changes nothing").isEqualTo(AgencyStatus.ACTIVE);

        agencies.suspend(id, "责令暂停培训 3 个月", today().plusMonths(3));
        Agency suspended = agencies.agency(id);
        assertThat(suspended.status()).isEqualTo(AgencyStatus.SUSPENDED);
        assertThat(suspended.statusReason()).isEqualTo("责令暂停培训 3 个月");
        assertThat(suspended.suspendedUntil()).isEqualTo(today().plusMonths(3));
        assertThatThrownBy(() -> agencies.addClient(id, firm.uscc(), "主要负责人培训", today()))
                .hasMessage("该机构处于“暂停”状态，不能登记新的服务企业。");
        assertThatThrownBy(() -> agencies.suspend(id, "再次暂停", null)).hasMessageContaining("只有状态正常的机构才能暂停");

        agencies.restore(id, "整改验收合格");
        agencies.addClient(id, firm.uscc().toLowerCase(), "主要负责人培训", today().minusDays(3));
        assertThat(agencies.clients(id)).singleElement().satisfies(c -> {
            assertThat(c.enterpriseId()).isEqualTo(firm.id());
            assertThat(c.current()).isTrue();
        });
        assertThat(agencies.history(id)).extracting(AgencyEvent::kind).containsExactly(AgencyEvent.Kind.CLIENT_ADDED,
                AgencyEvent.Kind.RESTORED, AgencyEvent.Kind.SUSPENDED, AgencyEvent.Kind.REGISTERED);
        assertThat(agencies.history(id).get(2).detail()).contains("责令暂停培训", "暂停至");
        assertThat(agencies.history(id).get(0).changedBy()).isEqualTo("leader1");
    }

    @Test
    void a_service_is_ended_not_deleted_and_a_revocation_ends_all_current_services() {
        long id = register("示例测试安全培训学校乙");
        List<EnterpriseSummary> two = firms(2);
        agencies.addClient(id, two.get(0).uscc(), "安全管理人员培训", today().minusDays(100));
        agencies.addClient(id, two.get(1).uscc(), "安全管理人员培训", today().minusDays(50));
        assertThatThrownBy(() -> agencies.addClient(id, two.get(0).uscc(), "安全管理人员培训", today()))
                .hasMessageContaining("已在为");
        assertThatThrownBy(() -> agencies.endClient(id, two.get(0).id(), "安全管理人员培训", today().minusDays(101)))
                .hasMessageContaining("不早于开始日期");
        assertThatThrownBy(() -> agencies.addClient(id, "91110000MA00000000", "培训", today()))
                .hasMessageContaining("企业库中没有");
        assertThatThrownBy(() -> agencies.addClient(id, two.get(0).uscc(), "培训", today().plusDays(1)))
                .hasMessageContaining("不能晚于今天");

        agencies.endClient(id, two.get(0).id(), "安全管理人员培训", today().minusDays(1));
        assertThat(agencies.agency(id).clients()).isEqualTo(1);
        assertThat(agencies.clients(id)).hasSize(2).last().satisfies(c -> assertThat(c.endedOn()).isEqualTo(today().minusDays(1)));
        assertThat(enterprises.profile(two.get(0).id()).agencies()).extracting(EnterpriseProfile.AgencyService::agencyId)
                .as("the profile lists current services only").doesNotContain(id);
        assertThat(enterprises.profile(two.get(1).id()).agencies()).extracting(EnterpriseProfile.AgencyService::agencyId).contains(id);
        assertThat(agencies.servingAgencies(two.get(0).id())).extracting(EnterpriseProfile.AgencyService::agencyId).doesNotContain(id);
        assertThat(agencies.servingAgencies(two.get(1).id())).filteredOn(a -> a.agencyId() == id).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(AgencyStatus.ACTIVE));

        agencies.revoke(id, "取消资质等级");
        assertThat(agencies.agency(id).status()).isEqualTo(AgencyStatus.REVOKED);
        assertThat(agencies.clients(id)).allSatisfy(c -> assertThat(c.current()).isFalse());
        assertThat(agencies.history(id).get(0).detail()).contains("取消资质等级", "1 家企业");
        assertThatThrownBy(() -> agencies.restore(id, "申诉")).hasMessageContaining("只有被暂停的机构才能恢复");
        assertThatThrownBy(() -> agencies.changeQualification(id, "APJ-NEW", "二级", null, "换证")).hasMessage("已撤销的机构不能变更资质。");
    }

    @Test
    void a_qualification_change_is_kept_and_lapsing_qualifications_are_listed() {
        long id = register("示例测试安全培训学校丙");
        Agency before = agencies.agency(id);
        assertThatThrownBy(() -> agencies.changeQualification(id, before.qualificationNo(), before.grade(), before.validUntil(), "无"))
                .hasMessage("资质信息没有变化。");
        assertThatThrownBy(() -> agencies.changeQualification(id, "APJ-X", "一级", today().minusDays(1), "换证"))
                .hasMessageContaining("已过");
        assertThatThrownBy(() -> agencies.changeQualification(id, "APJ-X", "一级", today().plusDays(10), ""))
                .hasMessage("资质变更须填写原因或依据。");
        agencies.changeQualification(id, "APJ-X", "二级", today().plusDays(10), "等级调整");
        Agency after = agencies.agency(id);
        assertThat(after.grade()).isEqualTo("二级");
        assertThat(agencies.history(id).get(0).detail()).contains(before.qualificationNo(), "APJ-X", "等级调整");
        long unit = users.findByUsername("leader1").orElseThrow().organizationId();
        assertThat(agencies.qualificationWarnings(java.util.Set.of(unit))).extracting(Agency::id).contains(id);
    }

    @Test
    void bad_registrations_get_chinese_messages_and_store_nothing() {
        int before = agencies.agencies().size();
        assertThatThrownBy(() -> agencies.register("示例机构", "123", AgencyKind.TESTING, "Q", "甲级", null))
                .hasMessageContaining("统一社会信用代码有误");
        assertThatThrownBy(() -> agencies.register("示例机构", RegistryTestSupport.validUscc("139900", 3999), AgencyKind.TESTING, "Q",
                "甲级", today().minusDays(1))).hasMessageContaining("已过");
        assertThatThrownBy(() -> agencies.register("示例机构", RegistryTestSupport.validUscc("139900", 3998), null, "Q", "甲级", null))
                .hasMessage("请选择机构类别。");
        assertThat(agencies.agencies()).hasSize(before);
        assertThat(agencies.agencies(AgencyKind.TRAINING, AgencyStatus.SUSPENDED)).allSatisfy(a -> {
            assertThat(a.kind()).isEqualTo(AgencyKind.TRAINING);
            assertThat(a.status()).isEqualTo(AgencyStatus.SUSPENDED);
        });
    }

    @Test
    void merging_a_duplicate_enterprise_carries_its_agency_services_to_the_kept_record() {
        long id = register("示例测试安全培训学校丁");
        EnterpriseSummary keep = enterprises.register(RegistryTestSupport.form("示例合并机构测试机械有限公司",
                RegistryTestSupport.validUscc("139902", 3201), "139902001", SupervisionLevel.DISTRICT));
        EnterpriseSummary duplicate = enterprises.register(RegistryTestSupport.form("示例合并机构测试机械有限公司",
                RegistryTestSupport.validUscc("139902", 3202), "139902001", SupervisionLevel.DISTRICT));
        agencies.addClient(id, duplicate.uscc(), "安全管理人员培训", today().minusDays(10));
        enterprises.merge(duplicate.id(), keep.id());
        assertThat(agencies.clients(id)).singleElement().extracting(AgencyManagement.Client::enterpriseId).isEqualTo(keep.id());
        assertThat(enterprises.profile(keep.id()).agencies()).extracting(EnterpriseProfile.AgencyService::agencyId).containsExactly(id);
    }
}
