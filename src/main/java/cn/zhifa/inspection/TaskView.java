package cn.zhifa.inspection;

import cn.zhifa.planning.CapException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A task as lists, the API and planning see it.
 *
 * @param plannedMonth the month a 双随机 draw planned, when the task was created after it (逾期补做); else null
 * @param capException the recorded legal exception for going beyond the firm's annual frequency cap, or null
 */
public record TaskView(long id, long organizationId, TaskSource source, String sourceRef, long enterpriseId,
                       String enterpriseName, InspectionKind kind, InspectionMode mode, YearMonth dueMonth,
                       List<Long> team, List<String> teamNames, TaskStatus status, boolean noticeRequired,
                       String noticeMethod, Instant noticeSentAt, Long recordId, YearMonth plannedMonth,
                       CapException capException, String capExceptionNote) {

    /** A past month's draw created this task due now: it is done late (逾期补做). */
    public boolean late() {
        return plannedMonth != null;
    }
}
