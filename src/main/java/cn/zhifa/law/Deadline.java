package cn.zhifa.law;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A computed legal deadline.
 *
 * @param from        the day the period starts from (not counted itself)
 * @param length      the period's length in {@code counting} units
 * @param counting    how the period was counted
 * @param due         the last day of the period (for {@code BEFORE} periods: the last day the act may happen)
 * @param provisional true when the span reaches into a year whose official holiday notice is not loaded:
 *                    the date is computed on weekends and statutory holidays only and must not be shown as final
 * @param basis       plain-Chinese explanation of how {@code due} was reached, with the calendar sources
 */
public record Deadline(LocalDate from, int length, Counting counting, LocalDate due, boolean provisional, String basis) {

    public Deadline {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(counting, "counting");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(basis, "basis");
    }

    /** True when {@code day} is after the deadline (the period has lapsed). */
    public boolean isOverdueOn(LocalDate day) {
        return day.isAfter(due);
    }
}
