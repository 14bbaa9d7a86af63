package cn.zhifa.inspection;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** A task as lists, the API and planning see it. */
public record TaskView(long id, long organizationId, TaskSource source, String sourceRef, long enterpriseId,
                       String enterpriseName, InspectionKind kind, InspectionMode mode, YearMonth dueMonth,
                       List<Long> team, List<String> teamNames, TaskStatus status, boolean noticeRequired,
                       String noticeMethod, Instant noticeSentAt, Long recordId) {
}
