package cn.zhifa.registry;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The officer figures of an annual report: 持证执法人员 at a date, 新增 and 注销 in the year, and the
 * participation rate (certified officers with at least one enforcement act in the year ÷ certified officers).
 */
public record OfficerStatistics(LocalDate on, int year, long certified, long issuedInYear, long revokedInYear,
                                long participating, BigDecimal participationRatePercent) {
}
