package cn.zhifa.law;

import java.time.LocalDate;

/**
 * A configured statutory period.
 *
 * @param backwards     true when the period runs back from its reference day (e.g. "听证七日前通知")
 * @param confirmed     false for local or unconfirmed values, shown to users as "按本地规定配置"
 */
public record StatutoryPeriod(PeriodCode code, String name, int length, Counting counting, boolean backwards,
                              String source, LocalDate effectiveFrom, boolean confirmed) {

    /** E.g. "3个工作日". */
    public String lengthLabel() {
        return length + counting.unitLabel();
    }
}
