package cn.zhifa.planning;

import java.time.YearMonth;
import java.util.List;

/**
 * Published when a 双随机 draw is executed: each drawn firm with its team, for the month and 抽查事项.
 * The inspection module turns every {@link Task} into an inspection task.
 */
public record InspectionTasksDrawn(long drawId, long organizationId, DrawMode mode, YearMonth month, String itemCode,
                                   String itemName, String legalBasis, List<Task> tasks) {

    public record Task(long enterpriseId, List<Long> officerUserIds, List<String> jointInspectors) {
    }
}
