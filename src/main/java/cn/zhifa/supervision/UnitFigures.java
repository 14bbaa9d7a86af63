package cn.zhifa.supervision;

import java.math.BigDecimal;

/**
 * One unit's year on the supervision dashboard, its subunits included (so every number equals the unit's filtered
 * list behind it): submitted inspection records (家次), hazards found in the year, hazards overdue now, cases filed
 * in the year, cases past a statutory deadline now, and fines decided in the year (元). Zero is a figure.
 */
public record UnitFigures(long organizationId, String name, int depth, long inspections, long hazardsFound,
                          long hazardsOverdue, long casesFiled, long casesOverdue, BigDecimal finesYuan) {
}
