package cn.zhifa.township.internal;

import cn.zhifa.organization.OrganizationKind;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.shared.demo.DemoDataLoader;
import cn.zhifa.township.internal.SafetyStaffRegister.StaffForm;
import cn.zhifa.township.internal.SafetyStaffRegister.TrainingForm;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 东华街道's 专职安全员 (three in post for a 村, a 社区 and the 园区, one who left), their trainings, and three assisting
 * visits this year: one without findings, two whose findings went to officer1 as leads (two open, one closed with its
 * reason) — so officer1's workbench and 线索 list and township1's register have content.
 */
@Component
class SafetyStaffDemoData implements DemoDataLoader {

    private static final String TOWNSHIP = "东华街道";

    private final SafetyStaffRegister register;
    private final AssistingVisits visits;
    private final OrganizationManagement organizations;
    private final UserManagement users;
    private final JdbcClient jdbc;
    private final Clock clock;

    SafetyStaffDemoData(SafetyStaffRegister register, AssistingVisits visits, OrganizationManagement organizations,
                        UserManagement users, JdbcClient jdbc, Clock clock) {
        this.register = register;
        this.visits = visits;
        this.organizations = organizations;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 98;
    }

    @Override
    @Transactional
    public void load() {
        if (jdbc.sql("SELECT count(*) FROM township_safety_staff WHERE demo").query(Long.class).single() > 0) {
            return;
        }
        Optional<Long> district = users.findByUsername("leader2").map(UserView::organizationId);
        Optional<UserView> officer = users.findByUsername("officer1");
        if (district.isEmpty() || officer.isEmpty()) {
            return;
        }
        Optional<OrganizationView> township = organizations.subtreeIds(district.get()).stream().map(organizations::find)
                .flatMap(Optional::stream).filter(o -> o.kind() == OrganizationKind.TOWNSHIP && o.name().equals(TOWNSHIP))
                .findFirst();
        if (township.isEmpty()) {
            return;
        }
        long t = township.get().id();
        LocalDate today = LocalDate.now(clock);
        LocalDate termStart = LocalDate.of(today.getYear() - 1, 1, 1);
        LocalDate termEnd = termStart.plusYears(3).minusDays(1);
        long wang = register.register(new StaffForm(t, "王建军", "13907550101", AreaKind.COMMUNITY, "东华社区", termStart, termEnd, null), true);
        long li = register.register(new StaffForm(t, "李秀梅", "13907550102", AreaKind.VILLAGE, "东华村", termStart, termEnd, null), true);
        long chen = register.register(new StaffForm(t, "陈国平", "13907550103", AreaKind.PARK, "东华工业园", termStart, termEnd, null), true);
        long liu = register.register(new StaffForm(t, "刘红", "13907550104", AreaKind.COMMUNITY, "新华社区", termStart, termEnd, null), true);
        jdbc.sql("UPDATE township_safety_staff SET status = 'ENDED', ended_on = ?, end_reason = '工作调整，调任街道综合办' WHERE id = ?")
                .params(termStart.plusMonths(8), liu).update();
        LocalDate spring = LocalDate.of(today.getYear(), 3, 12).isAfter(today) ? today.minusDays(30) : LocalDate.of(today.getYear(), 3, 12);
        for (long staff : List.of(wang, li, chen)) {
            register.addTraining(staff, new TrainingForm(termStart.plusDays(20), "专职安全员岗前培训：职责、巡查要点和线索报送",
                    BigDecimal.valueOf(8)), true);
            register.addTraining(staff, new TrainingForm(spring, "有限空间和动火作业安全检查要点", BigDecimal.valueOf(3.5)), true);
        }
        register.addTraining(liu, new TrainingForm(termStart.plusDays(20), "专职安全员岗前培训：职责、巡查要点和线索报送",
                BigDecimal.valueOf(8)), true);

        List<EnterpriseSummary> firms = visits.firmsOf(register.find(wang));
        if (firms.size() < 3) {
            return;
        }
        long officerId = officer.get().id();
        LocalDate recent = today.minusDays(6);
        visits.recordVisit(chen, new AssistingVisits.RecordVisit(firms.get(0).id(), recent.minusDays(20),
                "园区例行巡查，企业安全管理台账齐全，现场未见明显问题。", "", null, List.of()), "township1", true);
        long visit = visits.recordVisit(wang, new AssistingVisits.RecordVisit(firms.get(1).id(), recent.minusDays(9),
                "社区巡查时进入企业仓库，货物堆放较多。", "仓库疏散通道堆放货物，宽度不足\n灭火器压力不足，未定期检查",
                officerId, List.of()), "township1", true);
        visits.recordVisit(li, new AssistingVisits.RecordVisit(firms.get(2).id(), recent,
                "村内巡查，企业正在进行焊接作业。", "动火作业未见审批手续，现场无监护人", officerId, List.of()), "township1", true);
        jdbc.sql("SELECT id FROM township_lead WHERE visit_id = ? ORDER BY id DESC LIMIT 1").param(visit).query(Long.class)
                .optional().ifPresent(lead -> visits.closeAsDemo(lead, "电话核实：企业已更换灭火器并建立月检记录，不需检查。",
                        "officer1"));
    }

    @Override
    @Transactional
    public void purge() {
        jdbc.sql("DELETE FROM township_lead WHERE demo").update();
        jdbc.sql("DELETE FROM township_staff_visit WHERE demo").update();
        jdbc.sql("DELETE FROM township_safety_staff WHERE demo").update();
    }
}
