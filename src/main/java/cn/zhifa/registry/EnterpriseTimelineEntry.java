package cn.zhifa.registry;

import java.time.LocalDate;

/**
 * Published by a later module (inspections, hazards, cases, credit) to put an entry on an enterprise's
 * profile timeline. The registry stores it in its own read model; the same entry published twice is stored once.
 *
 * @param source e.g. "检查", "隐患", "案件", "信用"
 * @param link   a page of the publishing module, e.g. "/inspections/12" (may be empty)
 */
public record EnterpriseTimelineEntry(long enterpriseId, LocalDate occurredOn, String source, String title, String link) {
}
