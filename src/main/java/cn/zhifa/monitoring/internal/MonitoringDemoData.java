package cn.zhifa.monitoring.internal;

import cn.zhifa.inspection.DemoActor;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.planning.Grade;
import cn.zhifa.planning.GradingManagement;
import cn.zhifa.shared.demo.DemoDataLoader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo city's monitoring: the key (A) firms of leader1's brigade get 重大危险源 sensors (液位、温度、压力、可燃气体)
 * and a video point each; the city's 重大危险源监测预警系统 is a system client; last night's alarms came in — one
 * 二级 alarm repeated three times (one online task, the repeats grouped into it), 一级 alarms only recorded, a normal
 * and an abnormal video patrol. Deterministic (fixed tags and values) and idempotent.
 */
@Component
class MonitoringDemoData implements DemoDataLoader {

    private final JdbcClient jdbc;
    private final MonitoringPoints points;
    private final SystemClients clients;
    private final AlarmIngest ingest;
    private final Alarms alarms;
    private final PatrolLists patrols;
    private final GradingManagement grading;
    private final UserManagement users;
    private final OrganizationManagement organizations;
    private final Clock clock;

    MonitoringDemoData(JdbcClient jdbc, MonitoringPoints points, SystemClients clients, AlarmIngest ingest, Alarms alarms,
                       PatrolLists patrols, GradingManagement grading, UserManagement users,
                       OrganizationManagement organizations, Clock clock) {
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.points = points;
        this.clients = clients;
        this.ingest = ingest;
        this.alarms = alarms;
        this.patrols = patrols;
        this.grading = grading;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 97;
    }

    @Override
    @Transactional
    public void load() {
        if (jdbc.sql("SELECT count(*) FROM monitoring_point WHERE demo").query(Long.class).single() > 0) {
            return;
        }
        UserView leader = users.findByUsername("leader1").orElse(null);
        if (leader == null) {
            return;
        }
        DemoActor.of(leader).run(() -> {
            int year = patrols.today().getYear();
            List<GradingManagement.GradedFirm> firms = grading.results(leader.organizationId(), year, Grade.A).stream().limit(4).toList();
            if (firms.isEmpty()) {
                firms = grading.results(leader.organizationId(), year, null).stream().limit(4).toList();
            }
            if (firms.isEmpty()) {
                return;
            }
            int n = 1;
            for (GradingManagement.GradedFirm f : firms) {
                long firm = f.firm().enterpriseId();
                String p = "DC" + String.format("%02d", n++) + "-";
                points.add(firm, new PointForm(PointKind.SENSOR, p + "LT101", "1号储罐液位", "罐区A", "液位", "m",
                        new BigDecimal("8.50"), new BigDecimal("9.20"), null), true);
                points.add(firm, new PointForm(PointKind.SENSOR, p + "TT102", "1号储罐温度", "罐区A", "温度", "℃",
                        new BigDecimal("40"), new BigDecimal("50"), null), true);
                points.add(firm, new PointForm(PointKind.SENSOR, p + "PT103", "反应釜压力", "生产车间二", "压力", "MPa",
                        new BigDecimal("1.60"), new BigDecimal("1.80"), null), true);
                points.add(firm, new PointForm(PointKind.SENSOR, p + "GT104", "装卸区可燃气体浓度", "装卸区", "可燃气体浓度", "%LEL",
                        new BigDecimal("20"), new BigDecimal("50"), null), true);
                points.add(firm, new PointForm(PointKind.VIDEO, p + "CAM01", "罐区全景摄像机", "罐区A东北角立杆", null, null,
                        null, null, null), true);
            }
            long district = organizations.find(leader.organizationId()).map(OrganizationView::parentId)
                    .orElse(leader.organizationId());
            SystemClients.Created created = clients.create("重大危险源监测预警系统（示例）", district, true);
            ClientPrincipal client = clients.authenticate(created.secret()).orElseThrow();
            Instant now = clock.instant();
            String first = "DC01-";
            report(client, AlarmIngest.Kind.ALARM, first + "LT101", "9.26", 2, null, now.minus(Duration.ofHours(7)));
            report(client, AlarmIngest.Kind.ALARM, first + "LT101", "9.31", 2, null, now.minus(Duration.ofHours(6)));
            report(client, AlarmIngest.Kind.ALARM, first + "LT101", "9.24", 2, null, now.minus(Duration.ofHours(5)));
            report(client, AlarmIngest.Kind.ALARM, first + "TT102", "41.5", 1, null, now.minus(Duration.ofHours(9)));
            report(client, AlarmIngest.Kind.ALARM, first + "GT104", "23", 1, null, now.minus(Duration.ofHours(3)));
            report(client, AlarmIngest.Kind.PATROL, first + "CAM01", null, null, false, now.minus(Duration.ofHours(10)));
            if (firms.size() > 1) {
                report(client, AlarmIngest.Kind.PATROL, "DC02-CAM01", null, null, true, now.minus(Duration.ofHours(2)));
            }
        });
    }

    private void report(ClientPrincipal client, AlarmIngest.Kind kind, String tag, String value, Integer level,
                        Boolean abnormal, Instant at) {
        String note = kind == AlarmIngest.Kind.PATROL
                ? (Boolean.TRUE.equals(abnormal) ? "罐区动火作业现场未见监护人，作业票未公示" : "巡查正常") : null;
        ingest.receive(client, UUID.nameUUIDFromBytes((tag + at).getBytes()).toString(), new AlarmIngest.Report(kind, tag,
                value == null ? null : new BigDecimal(value), level, abnormal, note, at, null, null), tag + at, true);
    }

    @Override
    @Transactional
    public void purge() {
        jdbc.sql("""
                DELETE FROM monitoring_alarm_task WHERE point_id IN (SELECT id FROM monitoring_point WHERE demo)
                   OR task_id IN (SELECT task_id FROM monitoring_alarm WHERE demo)""").update();
        jdbc.sql("DELETE FROM monitoring_alarm WHERE demo OR point_id IN (SELECT id FROM monitoring_point WHERE demo)").update();
        alarms.purgeDemo();
        jdbc.sql("DELETE FROM monitoring_point WHERE demo").update();
        patrols.purgeDemo();
        clients.purgeDemo();
    }
}
