package cn.zhifa.casework;

import java.time.LocalDate;

/** A case near (临期) or past (逾期) one of its deadlines. */
public record CaseWarning(long caseId, String caseNumber, String title, long handlerId, String handlerName,
                          long organizationId, String code, String label, LocalDate due, TimelineEntry.Status level,
                          boolean provisional) {
}
