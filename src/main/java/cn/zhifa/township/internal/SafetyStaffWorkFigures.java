package cn.zhifa.township.internal;

import cn.zhifa.reporting.FigureSource;
import cn.zhifa.reporting.WorkFigure;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 专职安全员 in the annual report (seed 004: 专题培训专职安全员, 发挥专职安全员辅助执法作用): the staff in post during the
 * year, the training 人次, their assisting visits and the leads turned into inspection tasks.
 */
@Component
class SafetyStaffWorkFigures implements FigureSource {

    static final String SECTION = "专职安全员";

    private final AssistingVisits visits;

    SafetyStaffWorkFigures(AssistingVisits visits) {
        this.visits = visits;
    }

    @Override
    public List<WorkFigure> workFigures(int year, Collection<Long> organizationIds) {
        Map<String, Long> figures = visits.figures(year, organizationIds);
        if (figures.isEmpty() || figures.values().stream().allMatch(n -> n == 0)) {
            return List.of();
        }
        return List.of(
                WorkFigure.count(SECTION, "专职安全员", figures.get("staff"), "人"),
                WorkFigure.count(SECTION, "专职安全员培训", figures.get("trainings"), "人次"),
                WorkFigure.count(SECTION, "专职安全员协助检查", figures.get("visits"), "次"),
                WorkFigure.count(SECTION, "专职安全员线索转检查", figures.get("toInspection"), "件"));
    }
}
