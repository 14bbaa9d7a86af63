package cn.zhifa.equipment.internal;

import cn.zhifa.equipment.EquipmentKind;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.registry.OfficerSummary;
import cn.zhifa.shared.demo.DemoDataLoader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The equipment of officer1's unit in the demo city, as a district bureau reported it (seed 001): 16 执法记录仪 (one
 * for every four officers at most), 30 执法终端, 10 便携打印机, 2 执法车辆, 2 询问室 and 2 检测仪器; the recorders and
 * terminals held by the unit's certified officers in turn, one recorder under repair and one terminal scrapped.
 */
@Component
class EquipmentDemoData implements DemoDataLoader {

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final OrganizationManagement organizations;
    private final OfficerManagement officers;
    private final Clock clock;

    EquipmentDemoData(JdbcClient jdbc, UserManagement users, OrganizationManagement organizations,
                      OfficerManagement officers, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.organizations = organizations;
        this.officers = officers;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 97;
    }

    @Override
    @Transactional
    public void load() {
        if (jdbc.sql("SELECT count(*) FROM equipment WHERE demo").query(Long.class).single() > 0) {
            return;
        }
        UserView officer = users.findByUsername("officer1").orElse(null);
        if (officer == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        List<OfficerSummary> holders = officers.certifiedOfficers(organizations.subtreeIds(officer.organizationId()), today)
                .stream().sorted(Comparator.comparingLong(OfficerSummary::userId)).toList();
        add(officer.organizationId(), EquipmentKind.RECORDER, "JLY", 16, holders, today);
        add(officer.organizationId(), EquipmentKind.TERMINAL, "ZD", 30, holders, today);
        add(officer.organizationId(), EquipmentKind.PRINTER, "DYJ", 10, List.of(), today);
        add(officer.organizationId(), EquipmentKind.VEHICLE, "ZFC", 2, List.of(), today);
        add(officer.organizationId(), EquipmentKind.INTERVIEW_ROOM, "XWS", 2, List.of(), today);
        add(officer.organizationId(), EquipmentKind.DETECTOR, "JCY", 2, List.of(), today);
        jdbc.sql("UPDATE equipment SET status = 'REPAIR' WHERE demo AND kind = 'RECORDER' AND number = 'JLY-016'").update();
        jdbc.sql("UPDATE equipment SET status = 'SCRAPPED' WHERE demo AND kind = 'TERMINAL' AND number = 'ZD-030'").update();
    }

    private void add(long unit, EquipmentKind kind, String prefix, int count, List<OfficerSummary> holders, LocalDate today) {
        String[] models = {"DSJ-V9 执法记录仪", "MT-8 移动执法终端", "BT-58 便携式打印机", "执法执勤车", "询问室", "激光测距仪"};
        for (int i = 1; i <= count; i++) {
            OfficerSummary holder = holders.isEmpty() ? null : holders.get((i - 1) % holders.size());
            jdbc.sql("""
                            INSERT INTO equipment (organization_id, kind, number, model, holder_user_id, holder_name, status,
                                                   purchased_on, demo)
                            VALUES (:org, :kind, :number, :model, :holder, :holderName, 'IN_USE', :purchased, TRUE)""")
                    .param("org", unit).param("kind", kind.name()).param("number", "%s-%03d".formatted(prefix, i))
                    .param("model", models[kind.ordinal()])
                    .param("holder", holder == null ? null : holder.userId())
                    .param("holderName", holder == null ? null : holder.name())
                    .param("purchased", today.minusYears(1).withDayOfYear(1).minusDays(30L * i))
                    .update();
        }
    }

    @Override
    @Transactional
    public void purge() {
        jdbc.sql("DELETE FROM equipment WHERE demo").update();
    }
}
