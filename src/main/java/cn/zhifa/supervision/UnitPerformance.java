package cn.zhifa.supervision;

import java.math.BigDecimal;

/**
 * The dashboard's further figures of one unit with its subunits for a year: penalty decisions due for publication and
 * those published on time (publicity module), and 执法参与率 — certified officers who acted in the year ÷ certified
 * officers (registry module).
 */
public record UnitPerformance(long organizationId, long publicityDue, long publishedOnTime, BigDecimal publicityRate,
                              long certifiedOfficers, long participatingOfficers, BigDecimal participationRate) {
}
