package cn.zhifa.law;

import java.time.LocalDate;

/**
 * A configured statutory period.
 *
 * @param backwards     true when the period runs back from its reference day (e.g. "听证七日前通知")
 * @param confirmed     false for local or unconfirmed values, shown to users as "按本地规定配置"
 * @param rollsOverRestDays true for a party's period to act (缴款, 复议, 诉讼, 陈述申辩): a last day on a rest day
 *                      moves to the next working day; false for a limit on the agency or a restriction of the party
 *                      (查封/扣押, decision periods, limitation), which is never lengthened
 */
public record StatutoryPeriod(PeriodCode code, String name, int length, Counting counting, boolean backwards,
                              String source, LocalDate effectiveFrom, boolean confirmed, boolean rollsOverRestDays) {

    /** The calendar's rest-day rule for this period. */
    public LegalCalendar.RestDays restDays() {
        return rollsOverRestDays ? LegalCalendar.RestDays.ROLL_OVER : LegalCalendar.RestDays.KEEP;
    }

    /** E.g. "3个工作日". */
    public String lengthLabel() {
        return length + counting.unitLabel();
    }
}
