package cn.zhifa.law;

import java.time.LocalDate;

/**
 * What kind of day a date is for legal counting.
 *
 * @param date        the date
 * @param workingDay  true on a working day (including a 调休 make-up workday)
 * @param provisional true when the year's official notice is not loaded and the answer is inferred
 * @param description plain Chinese, e.g. "周六", "放假（春节）", "调休上班日"
 */
public record CalendarDay(LocalDate date, boolean workingDay, boolean provisional, String description) {
}
