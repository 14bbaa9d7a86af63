package cn.zhifa.accident;

import java.time.LocalDate;

/** A typical accident on the 警示教育 list: its public summary only, no personal data. */
public record WarningCase(long id, String title, LocalDate occurredOn, String kindLabel, String gradeLabel, String industry,
                          int deaths, String publicSummary) {
}
