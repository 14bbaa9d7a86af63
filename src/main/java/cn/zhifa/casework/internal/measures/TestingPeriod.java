package cn.zhifa.casework.internal.measures;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A 检测/检验/检疫/技术鉴定 period of a 查封/扣押, both days included, with the written notice to the party
 * (行政强制法第二十五条第三款: the period must be definite and notified in writing; it is not part of the term).
 */
public record TestingPeriod(int measureNumber, TestingKind kind, String subject, LocalDate from, LocalDate to,
                            String noticeNumber, LocalDate notifiedOn) {

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean overlaps(TestingPeriod other) {
        return !to.isBefore(other.from) && !other.to.isBefore(from);
    }

    /** E.g. "检测（2025-09-05至2025-09-14，10日）". */
    public String label() {
        return kind.label() + "（" + from + "至" + to + "，" + days() + "日）";
    }
}
