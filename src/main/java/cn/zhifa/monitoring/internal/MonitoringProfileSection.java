package cn.zhifa.monitoring.internal;

import cn.zhifa.registry.EnterpriseProfileSection;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Actors;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The firm page's 监测点 block: its sensors with thresholds and its video points, linking to their page only for
 * those who may open it (LEGAL reads the firm page for case review but not the monitoring pages).
 */
@Component
class MonitoringProfileSection implements EnterpriseProfileSection {

    private final MonitoringPoints points;

    MonitoringProfileSection(MonitoringPoints points) {
        this.points = points;
    }

    @Override
    public Optional<Block> blockFor(long enterpriseId) {
        List<MonitoringPoint> all = points.of(enterpriseId);
        long sensors = all.stream().filter(p -> p.active() && p.kind() == PointKind.SENSOR).count();
        long videos = all.stream().filter(p -> p.active() && p.kind() == PointKind.VIDEO).count();
        String headline = all.isEmpty() ? "未登记监测点" : "监测传感器 " + sensors + " 个，视频监控点 " + videos + " 个";
        List<String> lines = all.stream().filter(MonitoringPoint::active).limit(8).map(MonitoringPoint::describe).toList();
        return Optional.of(new Block("监测点", headline, lines, linkFor(enterpriseId)));
    }

    private static String linkFor(long enterpriseId) {
        boolean mayOpen = Actors.current().map(Action.READ_MONITORING::allows).orElse(false);
        return mayOpen ? "/monitoring/firms/" + enterpriseId + "/points" : "";
    }
}
