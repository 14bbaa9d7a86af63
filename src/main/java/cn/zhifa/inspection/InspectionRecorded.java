package cn.zhifa.inspection;

import java.time.LocalDate;
import java.util.List;

/**
 * A 现场检查记录 was submitted: one visit (家次) of an enterprise. Planning counts plan completion from
 * it, reporting counts visits and firms by kind and mode. A correction is published again with
 * {@code correctionOf} set, so counters must not count it twice.
 */
public record InspectionRecorded(long recordId, long taskId, long enterpriseId, String enterpriseName,
                                 InspectionKind kind, InspectionMode mode, LocalDate date, long organizationId,
                                 TaskSource source, String sourceRef, List<Long> officers, int failedItems,
                                 Long correctionOf) {
}
