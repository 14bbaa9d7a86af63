package cn.zhifa.registry;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One training an officer completed: course, hours and the exam score (0–100, may be absent). */
public record TrainingRecord(long userId, String course, BigDecimal hours, BigDecimal examScore, LocalDate completedOn) {
}
