package cn.zhifa.planning;

import java.time.LocalDate;

/**
 * Published by the inspection module when an on-site inspection is done, so planning can track completion.
 * {@code kind}: ‘KEY’ (计划重点检查), ‘RANDOM’ (双随机), ‘CAMPAIGN’ (专项) or ‘OTHER’; {@code sourceRef} is the
 * inspection's own id (a repeated event is ignored); {@code planId} and {@code drawId} may be null.
 */
public record VisitCompleted(long enterpriseId, Long planId, Long drawId, LocalDate date, String kind,
                             long organizationId, String sourceRef) {
}
