package cn.zhifa.casework;

import java.time.LocalDate;
import java.util.List;

/**
 * The daily sweep raised new 临期/逾期 warnings on a case's deadlines (one event per case and sweep; each warning is raised
 * once per deadline, level and due day).
 */
public record CaseDeadlinesWarned(long caseId, long organizationId, long handlerId, LocalDate on, List<CaseWarning> warnings) {
}
