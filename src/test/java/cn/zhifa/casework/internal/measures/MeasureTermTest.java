package cn.zhifa.casework.internal.measures;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.casework.CasePeriods;
import cn.zhifa.casework.CoerciveMeasure;
import cn.zhifa.casework.MeasureEnding;
import cn.zhifa.casework.MeasureKind;
import cn.zhifa.law.Deadline;
import cn.zhifa.shared.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 行政强制法第二十五条第三款: the 检测、检验、检疫或者技术鉴定 periods are not part of a 查封/扣押's term (plain JUnit, fixed days). */
class MeasureTermTest {

    static final CasePeriods PERIODS = CasePeriods.bundled();
    static final LocalDate TODAY = LocalDate.parse("2025-09-20");

    static CoerciveMeasure seizure(String on) {
        return new CoerciveMeasure(1, MeasureKind.SEIZE, "扣〔2025〕1号", "重大事故隐患设备", "安全生产法第六十五条第一款第四项",
                LocalDate.parse(on), "李局长", false, null, null, null, null, null, false, Instant.parse("2025-09-01T02:00:00Z"), null);
    }

    static TestingPeriod testing(String from, String to) {
        return new TestingPeriod(1, TestingKind.DETECTION, "液化石油气钢瓶气密性检测", LocalDate.parse(from), LocalDate.parse(to),
                "检告〔2025〕1号", LocalDate.parse(from));
    }

    @Test
    void a_seizure_on_2025_09_01_with_ten_days_of_testing_is_due_2025_10_11() {
        Deadline statutory = PERIODS.measureDue(LocalDate.parse("2025-09-01"), false);
        assertThat(statutory.due()).isEqualTo(LocalDate.parse("2025-10-01")); // 30 calendar days, a holiday, not rolled over
        Deadline due = MeasureTerm.due(statutory, List.of(testing("2025-09-05", "2025-09-14")));
        assertThat(due.due()).isEqualTo(LocalDate.parse("2025-10-11"));
        assertThat(due.basis()).contains("不计检测、检验、检疫或者技术鉴定期间10日").contains("行政强制法第二十五条第三款");
    }

    @Test
    void testing_days_are_left_out_of_the_extended_term_too() {
        Deadline extended = PERIODS.measureDue(LocalDate.parse("2025-09-01"), true);
        assertThat(MeasureTerm.due(extended, List.of(testing("2025-09-05", "2025-09-09"), testing("2025-10-01", "2025-10-02"))).due())
                .isEqualTo(extended.due().plusDays(7));
    }

    @Test
    void without_testing_the_term_is_the_statutory_one() {
        Deadline statutory = PERIODS.measureDue(LocalDate.parse("2025-09-01"), false);
        assertThat(MeasureTerm.due(statutory, List.of())).isSameAs(statutory);
    }

    @Test
    void a_testing_period_without_the_written_notice_to_the_party_is_refused_with_the_article() {
        TestingPeriod unnotified = new TestingPeriod(1, TestingKind.APPRAISAL, "钢瓶", LocalDate.parse("2025-09-05"),
                LocalDate.parse("2025-09-14"), null, null);
        Verdict v = MeasureTerm.mayRecord(seizure("2025-09-01"), unnotified, List.of(), TODAY);
        assertThat(v.refused()).isTrue();
        assertThat(v.reason()).contains("书面告知当事人").contains("行政强制法第二十五条第三款");
    }

    @Test
    void a_testing_period_ending_before_it_starts_or_before_the_measure_is_refused() {
        assertThat(MeasureTerm.mayRecord(seizure("2025-09-01"), testing("2025-09-14", "2025-09-05"), List.of(), TODAY).reason())
                .contains("结束日期不能早于开始日期");
        assertThat(MeasureTerm.mayRecord(seizure("2025-09-01"), testing("2025-08-30", "2025-09-05"), List.of(), TODAY).reason())
                .contains("实施之日（2025-09-01）");
    }

    @Test
    void overlapping_testing_periods_are_refused_so_no_day_is_left_out_twice() {
        Verdict v = MeasureTerm.mayRecord(seizure("2025-09-01"), testing("2025-09-10", "2025-09-12"),
                List.of(testing("2025-09-05", "2025-09-14")), TODAY);
        assertThat(v.reason()).contains("重叠");
        assertThat(MeasureTerm.mayRecord(seizure("2025-09-01"), testing("2025-09-15", "2025-09-16"),
                List.of(testing("2025-09-05", "2025-09-14")), TODAY).allowed()).isTrue();
    }

    @Test
    void a_released_measure_takes_no_testing_period() {
        CoerciveMeasure released = new CoerciveMeasure(1, MeasureKind.SEIZE, null, "r", "b", LocalDate.parse("2025-09-01"), "李局长",
                false, null, null, MeasureEnding.RELEASED, LocalDate.parse("2025-09-03"), "解除", false, Instant.EPOCH, null);
        assertThat(MeasureTerm.mayRecord(released, testing("2025-09-05", "2025-09-14"), List.of(), TODAY).reason())
                .contains("不能再登记检测期间");
    }
}
