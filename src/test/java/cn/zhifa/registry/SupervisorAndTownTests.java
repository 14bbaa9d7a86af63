package cn.zhifa.registry;

import static cn.zhifa.registry.RegistryTestSupport.actAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.OrganizationKind;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.organization.UserManagement;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Supervisors' terms (configured, with source), edits and 解聘; officers' township after the certificate is issued. */
@ZhifaIntegrationTest
class SupervisorAndTownTests {

    @Autowired
    SupervisorManagement supervisors;
    @Autowired
    OfficerManagement officers;
    @Autowired
    OrganizationManagement organizations;
    @Autowired
    UserManagement users;
    @Autowired
    Clock clock;

    @AfterEach
    void logout() {
        RegistryTestSupport.clear();
    }

    private long city() {
        return users.findByUsername("supervisor1").orElseThrow().organizationId();
    }

    @Test
    void a_term_defaults_to_the_configured_years_and_may_not_run_longer() {
        actAs(users, "supervisor1");
        LocalDate start = LocalDate.now(clock).minusDays(1);
        SupervisorTerms.Term social = supervisors.terms().social();
        assertThat(social.years()).isEqualTo(3);
        assertThat(social.source()).contains("技术检查员和社会监督员工作规定");
        assertThatThrownBy(() -> supervisors.appoint(Supervisor.SupervisorKind.SOCIAL, "测试员", "110105194912310021", null, null,
                city(), start, null)).hasMessageContaining("身份证号码有误");
        assertThatThrownBy(() -> supervisors.appoint(Supervisor.SupervisorKind.SOCIAL, "测试员", null, null, null, city(), start,
                start.plusYears(3))).hasMessageContaining("每届任期不超过 3 年", "工作规定");
        assertThatThrownBy(() -> supervisors.appoint(Supervisor.SupervisorKind.TECHNICAL, "测试员", null, null, "12345", city(), start,
                null)).hasMessageContaining("联系电话格式不正确");
        long id = supervisors.appoint(Supervisor.SupervisorKind.SOCIAL, "测试员", "11010519491231002X", "测试单位", "13800001111",
                city(), start, null);
        Supervisor appointed = supervisors.publicSocialSupervisors().stream().filter(s -> s.id() == id).findFirst().orElseThrow();
        assertThat(appointed.termEnd()).isEqualTo(start.plusYears(3).minusDays(1));
        assertThat(appointed.maskedIdNumber()).isEqualTo("110105********002X");
        assertThat(appointed.maskedPhone()).isEqualTo("138****1111");
        assertThat(supervisors.history(id)).extracting(Supervisor.Event::kind).containsExactly("聘任");
    }

    @Test
    void a_supervisor_is_edited_the_term_changed_and_once_dismissed_leaves_the_public_list() {
        actAs(users, "supervisor1");
        LocalDate today = LocalDate.now(clock);
        long id = supervisors.appoint(Supervisor.SupervisorKind.SOCIAL, "解聘测试员", null, "示例单位", null, city(),
                today.minusYears(1), null);
        long later = supervisors.appoint(Supervisor.SupervisorKind.SOCIAL, "未到任测试员", null, null, null, city(),
                today.plusDays(10), null);
        assertThat(supervisors.publicSocialSupervisors()).extracting(Supervisor::id).contains(id).doesNotContain(later);

        assertThatThrownBy(() -> supervisors.edit(id, "解聘测试员", null, "示例单位", null)).hasMessage("没有需要保存的修改。");
        supervisors.edit(id, "解聘测试员", null, "示例市总工会", "022-12345678");
        assertThat(supervisors.supervisor(id).employer()).isEqualTo("示例市总工会");

        assertThatThrownBy(() -> supervisors.changeTerm(id, today.minusYears(1), today.plusYears(3), "续聘"))
                .hasMessageContaining("每届任期不超过");
        supervisors.changeTerm(id, today.minusYears(1), today.plusYears(1), "按聘任文件更正");
        assertThat(supervisors.supervisor(id).termEnd()).isEqualTo(today.plusYears(1));

        assertThatThrownBy(() -> supervisors.end(id, today, " ")).hasMessage("解聘须填写原因。");
        assertThatThrownBy(() -> supervisors.end(id, today.plusDays(1), "辞任")).hasMessageContaining("不晚于今天");
        assertThat(supervisors.supervisor(id).ended()).as("a refused command changes nothing").isFalse();
        supervisors.end(id, today, "本人辞任");
        Supervisor ended = supervisors.supervisor(id);
        assertThat(ended.statusOn(today)).isEqualTo("已解聘");
        assertThat(ended.servingOn(today.minusDays(1))).isTrue();
        assertThat(supervisors.publicSocialSupervisors()).extracting(Supervisor::id).doesNotContain(id);
        assertThatThrownBy(() -> supervisors.changeTerm(id, today, null, "续聘")).hasMessageContaining("已解聘");
        assertThat(supervisors.history(id)).extracting(Supervisor.Event::kind).containsExactly("解聘", "调整任期", "修改信息", "聘任");
    }

    @Test
    void an_officers_township_is_checked_against_the_units_area_and_changed_after_issue() {
        actAs(users, "supervisor1");
        LocalDate today = LocalDate.now(clock);
        long officer = users.findByUsername("zf036").orElseThrow().id(); // 东城区执法大队, certificate revoked (退休)
        long unit = users.get(officer).organizationId();
        var towns = officers.townsFor(unit);
        assertThat(towns).isNotEmpty();
        String district = towns.get(0).divisionCode().substring(0, 6);
        OrganizationView elsewhere = organizations.visibleTree().stream()
                .filter(o -> o.kind() == OrganizationKind.TOWNSHIP && !o.divisionCode().startsWith(district)).findFirst().orElseThrow();

        assertThatThrownBy(() -> officers.issue(new CertificateForm(officer, "TOWN-0001", "示例市人民政府", today, today.plusYears(5),
                "139999001"))).hasMessageContaining("不是本地登记的乡镇");
        assertThatThrownBy(() -> officers.issue(new CertificateForm(officer, "TOWN-0001", "示例市人民政府", today, today.plusYears(5),
                elsewhere.divisionCode()))).hasMessageContaining("不在", "辖区内");
        assertThat(officers.mayEnforce(officer, today).refused()).as("nothing was issued").isTrue();

        OfficerCertificate issued = officers.issue(new CertificateForm(officer, "TOWN-0001", "示例市人民政府", today, today.plusYears(5),
                towns.get(0).divisionCode()));
        try {
            assertThat(issued.getTownCode()).isEqualTo(towns.get(0).divisionCode());
            assertThatThrownBy(() -> officers.changeTown(issued.getId(), elsewhere.divisionCode())).hasMessageContaining("辖区内");
            assertThatThrownBy(() -> officers.changeTown(issued.getId(), "13990")).hasMessageContaining("9 位或 12 位数字");
            String next = towns.size() > 1 ? towns.get(1).divisionCode() : null;
            officers.changeTown(issued.getId(), next);
            OfficerCertificate changed = officers.certificate(issued.getId());
            assertThat(changed.getTownCode()).isEqualTo(next);
            assertThat(changed.getEvents()).last().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(CertificateEventKind.TOWN_CHANGED);
                assertThat(e.reason()).contains(towns.get(0).name());
            });
            assertThat(officers.certifiedOfficers(java.util.Set.of(unit), today)).filteredOn(o -> o.userId() == officer)
                    .singleElement().extracting(OfficerSummary::townCode).isEqualTo(next);
        } finally {
            officers.revoke(issued.getId(), "测试结束");
        }
    }
}
