package cn.zhifa.casework.internal.measures;

import cn.zhifa.casework.CasePeriods;
import cn.zhifa.casework.CoerciveMeasure;
import cn.zhifa.law.Deadline;
import cn.zhifa.shared.Verdict;
import java.time.LocalDate;
import java.util.List;

/**
 * The term of a 查封/扣押 (行政强制法第二十五条): law's period from the day of the measure (extended once), not counting
 * the 检测、检验、检疫或者技术鉴定 periods notified to the party; and the rule for recording such a period.
 */
public final class MeasureTerm {

    static final String ARTICLE = "行政强制法第二十五条第三款";

    private MeasureTerm() {
    }

    /** The term's last day: the statutory due day moved on by the testing days (a day counted once when periods meet). */
    public static Deadline due(Deadline statutory, List<TestingPeriod> testing) {
        return CasePeriods.withoutTesting(statutory, excludedDays(testing));
    }

    public static long excludedDays(List<TestingPeriod> testing) {
        return testing.stream().flatMap(t -> t.from().datesUntil(t.to().plusDays(1))).distinct().count();
    }

    /**
     * May this testing period be recorded on the measure: the measure in force, the period definite (to not before from, not
     * before the measure), notified to the party in writing, and not overlapping one already recorded.
     */
    public static Verdict mayRecord(CoerciveMeasure measure, TestingPeriod period, List<TestingPeriod> recorded, LocalDate today) {
        if (!measure.active()) {
            return Verdict.refuse(measure.title() + "已于" + measure.endedOn() + measure.ending().label() + "，不能再登记检测期间。");
        }
        if (period.subject() == null || period.subject().isBlank()) {
            return Verdict.refuse("请填写检测、检验、检疫或者技术鉴定的物品和事项。");
        }
        if (period.to().isBefore(period.from())) {
            return Verdict.refuse("检测期间的结束日期不能早于开始日期：期间应当明确（" + ARTICLE + "）。");
        }
        if (period.from().isBefore(measure.appliedOn())) {
            return Verdict.refuse("检测期间不能早于" + measure.title() + "实施之日（" + measure.appliedOn() + "）。");
        }
        if (period.notifiedOn() == null) {
            return Verdict.refuse("检测、检验、检疫或者技术鉴定的期间应当书面告知当事人：请填写书面告知日期（" + ARTICLE + "）。");
        }
        if (period.notifiedOn().isAfter(today)) {
            return Verdict.refuse("书面告知日期不能晚于今天（" + today + "）。");
        }
        for (TestingPeriod r : recorded) {
            if (r.overlaps(period)) {
                return Verdict.refuse("该期间与已登记的" + r.label() + "重叠，同一天不能重复扣除。");
            }
        }
        return Verdict.allow();
    }
}
