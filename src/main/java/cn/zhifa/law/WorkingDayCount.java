package cn.zhifa.law;

import java.time.LocalDate;

/**
 * The number of working days after {@code from} up to and including {@code to}.
 *
 * @param provisional true when the span reaches into a year whose official notice is not loaded
 */
public record WorkingDayCount(LocalDate from, LocalDate to, int workingDays, boolean provisional) {
}
