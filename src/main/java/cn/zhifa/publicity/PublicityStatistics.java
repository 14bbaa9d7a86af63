package cn.zhifa.publicity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The publicity rate of a year: decisions due for publication in it, those published, those published on time, and
 * the rate (published on time / due, in percent; 100 when nothing was due), with the same figures per unit.
 */
public record PublicityStatistics(int year, long due, long published, long publishedOnTime, BigDecimal rate,
                                  List<UnitRate> units) {

    public record UnitRate(long organizationId, String unit, long due, long published, long publishedOnTime,
                           BigDecimal rate) {
    }

    public static BigDecimal rate(long onTime, long due) {
        return due == 0 ? new BigDecimal("100.0")
                : BigDecimal.valueOf(onTime * 100L).divide(BigDecimal.valueOf(due), 1, RoundingMode.HALF_UP);
    }
}
