package cn.zhifa.planning;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A 专项 as other modules see it: its id (the tag tasks, records, hazards and cases carry), name, plan year and unit,
 * and the period it runs (inclusive).
 */
public record CampaignTag(long id, String name, int year, long organizationId, LocalDate startsOn, LocalDate endsOn) {

    /** Whether the 专项 runs on some day of {@code month}. */
    public boolean runsIn(YearMonth month) {
        return !startsOn.isAfter(month.atEndOfMonth()) && !endsOn.isBefore(month.atDay(1));
    }

    /** The period as pages print it, e.g. 2026年3月1日至2026年6月30日. */
    public String period() {
        return day(startsOn) + "至" + day(endsOn);
    }

    private static String day(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
