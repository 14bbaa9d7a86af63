package cn.zhifa.monitoring.internal;

import cn.zhifa.reporting.FigureSource;
import cn.zhifa.reporting.WorkFigure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** The year's online inspection figures for the annual report, the dashboard and the workbook. */
@Component
class MonitoringFigures implements FigureSource {

    static final String SECTION = "在线巡查";

    private final Alarms alarms;

    MonitoringFigures(Alarms alarms) {
        this.alarms = alarms;
    }

    @Override
    public List<WorkFigure> workFigures(int year, Collection<Long> organizationIds) {
        long[] received = alarms.yearCounts(year, organizationIds);
        long[] patrols = alarms.patrolYear(year, organizationIds);
        BigDecimal rate = patrols[0] == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(patrols[1] * 100).divide(BigDecimal.valueOf(patrols[0]), 1, RoundingMode.HALF_UP);
        return List.of(
                WorkFigure.count(SECTION, "接收监测报警", received[0], "次"),
                WorkFigure.count(SECTION, "报警及视频巡查异常转在线检查任务", received[1], "件"),
                WorkFigure.count(SECTION, "接收视频巡查结果", received[2], "次"),
                WorkFigure.count(SECTION, "视频巡查发现异常", received[3], "次"),
                WorkFigure.count(SECTION, "在线巡查重点企业", patrols[0], "家次"),
                WorkFigure.count(SECTION, "完成在线巡查", patrols[1], "家次"),
                new WorkFigure(SECTION, "在线巡查完成率", rate, "%"));
    }
}
