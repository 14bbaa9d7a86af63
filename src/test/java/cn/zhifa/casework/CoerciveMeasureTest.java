package cn.zhifa.casework;

import static cn.zhifa.casework.PenaltyCaseTest.LEADER;
import static cn.zhifa.casework.PenaltyCaseTest.OFFICER;
import static cn.zhifa.casework.PenaltyCaseTest.PERIODS;
import static cn.zhifa.casework.PenaltyCaseTest.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.law.Deadline;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Role;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 查封/扣押 on a case: the guards of 行政强制法第二十五条、第二十八条 and the measure's own term on law's calendar. */
class CoerciveMeasureTest {

    static final List<SeizedObject> CYLINDERS = List.of(SeizedObject.of("液化石油气钢瓶", "50kg", "12瓶", "区应急局暂存库"));

    static PenaltyCase filedCase() {
        PenaltyCase c = PenaltyCaseTest.proposed();
        c.file(LEADER, on("2026-09-24"), "同意立案");
        return c;
    }

    static PenaltyCase seizedOn(String day) {
        PenaltyCase c = filedCase();
        c.applyMeasure(LEADER, on(day), MeasureKind.SEIZE, CYLINDERS, "存在重大事故隐患的设备", "安全生产法第六十五条第一款第四项",
                "扣〔2026〕1号", PERIODS);
        return c;
    }

    @Test
    void a_seizure_of_thirty_calendar_days_ending_on_a_sunday_ends_that_sunday_agency_terms_are_not_extended_by_rest_days() {
        Deadline due = PERIODS.measureDue(LocalDate.parse("2026-09-25"), false);
        // 2026-09-25 + 30 days = 2026-10-25, a Sunday: "不得超过三十日" (行政强制法第二十五条) is never lengthened
        assertThat(due.due()).isEqualTo(LocalDate.parse("2026-10-25"));
        assertThat(due.provisional()).isFalse();
        assertThat(due.basis()).contains("查封、扣押期限").contains("第二十五条").contains("2026年10月25日").contains("不因节假日顺延");
    }

    @Test
    void the_one_extension_adds_thirty_days_to_the_term() {
        Deadline extended = PERIODS.measureDue(LocalDate.parse("2026-09-25"), true);
        assertThat(extended.due()).isEqualTo(LocalDate.parse("2026-11-24"));
        assertThat(PERIODS.measureExtensionDays()).isEqualTo(30);
    }

    @Test
    void a_term_reaching_into_a_year_without_a_holiday_notice_is_provisional() {
        Deadline due = PERIODS.measureDue(LocalDate.parse("2028-06-01"), false);
        assertThat(due.due()).isEqualTo(LocalDate.parse("2028-07-01"));
        assertThat(due.provisional()).isTrue();
    }

    @Test
    void a_leader_applies_a_measure_with_its_list_and_the_step_records_who_when_and_the_due_date() {
        PenaltyCase c = seizedOn("2026-09-25");
        CoerciveMeasure m = c.measure(1).orElseThrow();
        assertThat(m.kind()).isEqualTo(MeasureKind.SEIZE);
        assertThat(m.active()).isTrue();
        assertThat(m.appliedOn()).isEqualTo(LocalDate.parse("2026-09-25"));
        assertThat(c.objectsOf(1)).extracting(SeizedObject::name).containsExactly("液化石油气钢瓶");
        CaseStep step = c.lastStep(StepKind.MEASURE_APPLIED).orElseThrow();
        assertThat(step.actorName()).isEqualTo("李强");
        assertThat(step.opinion()).contains("扣押（第1号）").contains("2026-10-25");
        assertThat(c.getStage()).isEqualTo(CaseStage.FILED);
    }

    @Test
    void an_officer_may_not_apply_a_measure_and_an_empty_list_is_refused_without_change() {
        PenaltyCase c = filedCase();
        int steps = c.getSteps().size();
        assertThatThrownBy(() -> c.applyMeasure(OFFICER, on("2026-09-25"), MeasureKind.SEAL, CYLINDERS, "理由", "依据", null, PERIODS))
                .isInstanceOf(RuleViolation.class).hasMessage("查封、扣押的批准须由" + Role.LEADER.label() + "作出。");
        assertThatThrownBy(() -> c.applyMeasure(LEADER, on("2026-09-25"), MeasureKind.SEAL, List.of(), "理由", "依据", null, PERIODS))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("查封清单不能为空");
        assertThatThrownBy(() -> c.applyMeasure(LEADER, on("2026-09-25"), MeasureKind.SEAL,
                List.of(SeizedObject.of("配电柜", null, " ", null)), "理由", "依据", null, PERIODS))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("名称和数量");
        assertThat(c.getMeasures()).isEmpty();
        assertThat(c.getSeizedObjects()).isEmpty();
        assertThat(c.getSteps()).hasSize(steps);
    }

    @Test
    void a_measure_is_extended_once_only_and_the_second_extension_is_refused() {
        PenaltyCase c = seizedOn("2026-09-25");
        c.extendMeasure(1, LEADER, on("2026-10-20"), "涉案设备需检测鉴定，情况复杂", PERIODS);
        assertThat(c.measure(1).orElseThrow().extended()).isTrue();
        assertThat(c.lastStep(StepKind.MEASURE_EXTENDED).orElseThrow().opinion()).contains("延长30日至2026-11-24").contains("书面告知当事人");
        assertThatThrownBy(() -> c.extendMeasure(1, LEADER, on("2026-10-21"), "再延长", PERIODS))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("依法只能延长一次");
        assertThat(c.getSteps().stream().filter(s -> s.kind() == StepKind.MEASURE_EXTENDED)).hasSize(1);
    }

    @Test
    void an_extension_after_the_term_lapsed_or_by_an_officer_is_refused() {
        PenaltyCase c = seizedOn("2026-09-25");
        assertThatThrownBy(() -> c.extendMeasure(1, OFFICER, on("2026-10-20"), "情况复杂", PERIODS))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("须由" + Role.LEADER.label());
        assertThatThrownBy(() -> c.extendMeasure(1, LEADER, on("2026-10-26"), "情况复杂", PERIODS))
                .isInstanceOf(RuleViolation.class).hasMessage("扣押（第1号）的期限已于2026-10-25届满，不能再延长，应当及时解除或者作出处理决定（行政强制法第二十五条）。");
        assertThatThrownBy(() -> c.extendMeasure(1, LEADER, on("2026-10-20"), " ", PERIODS))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("请填写延长");
        assertThat(c.measure(1).orElseThrow().extended()).isFalse();
    }

    @Test
    void the_term_checked_before_an_extension_does_not_count_the_testing_days() {
        PenaltyCase c = seizedOn("2026-09-25"); // 30 days: to 2026-10-25; ten days of notified testing move it to 2026-11-04
        assertThat(c.mayExtendMeasure(1, LEADER, LocalDate.parse("2026-10-28"), PERIODS).reason()).contains("已于2026-10-25届满");
        assertThat(c.mayExtendMeasure(1, LEADER, LocalDate.parse("2026-10-28"), PERIODS, 10).allowed()).isTrue();
        assertThat(c.mayExtendMeasure(1, LEADER, LocalDate.parse("2026-11-05"), PERIODS, 10).reason())
                .isEqualTo("扣押（第1号）的期限（不计检测、检验、检疫或者技术鉴定期间10日）已于2026-11-04届满，不能再延长，"
                        + "应当及时解除或者作出处理决定（行政强制法第二十五条）。");
        c.extendMeasure(1, LEADER, on("2026-11-04"), "涉案钢瓶需技术鉴定，情况复杂", PERIODS, 10);
        assertThat(c.measure(1).orElseThrow().extended()).isTrue();
        assertThat(c.lastStep(StepKind.MEASURE_EXTENDED).orElseThrow().opinion()).contains("至2026-12-04");
    }

    @Test
    void a_released_measure_cannot_be_released_again_nor_extended() {
        PenaltyCase c = seizedOn("2026-09-25");
        c.endMeasure(1, MeasureEnding.RELEASED, LEADER, on("2026-10-10"), "隐患已消除，不再需要扣押");
        CoerciveMeasure m = c.measure(1).orElseThrow();
        assertThat(m.active()).isFalse();
        assertThat(m.endedOn()).isEqualTo(LocalDate.parse("2026-10-10"));
        assertThatThrownBy(() -> c.endMeasure(1, MeasureEnding.RELEASED, LEADER, on("2026-10-11"), "再解除"))
                .isInstanceOf(RuleViolation.class).hasMessage("扣押（第1号）已于2026-10-10解除，不能重复办理。");
        assertThatThrownBy(() -> c.endMeasure(1, MeasureEnding.DISPOSED, LEADER, on("2026-10-11"), "没收"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不能重复办理");
        assertThatThrownBy(() -> c.extendMeasure(1, LEADER, on("2026-10-11"), "情况复杂", PERIODS))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不能延长期限");
        assertThat(c.getSteps().stream().filter(s -> s.kind() == StepKind.MEASURE_RELEASED)).hasSize(1);
    }

    @Test
    void a_measure_may_end_in_a_disposal_decision_and_an_unknown_number_is_refused() {
        PenaltyCase c = seizedOn("2026-09-25");
        assertThatThrownBy(() -> c.endMeasure(2, MeasureEnding.RELEASED, LEADER, on("2026-10-10"), "解除"))
                .isInstanceOf(RuleViolation.class).hasMessage("本案没有第2号查封、扣押措施。");
        c.endMeasure(1, MeasureEnding.DISPOSED, LEADER, on("2026-10-12"), "依法没收");
        assertThat(c.measure(1).orElseThrow().ending()).isEqualTo(MeasureEnding.DISPOSED);
        assertThat(c.lastStep(StepKind.MEASURE_DISPOSED).orElseThrow().opinion()).contains("依法没收");
    }

    @Test
    void the_measure_term_is_a_timeline_entry_running_then_near_then_overdue_and_done_once_released() {
        PenaltyCase c = seizedOn("2026-09-25");
        CaseDeadlines deadlines = new CaseDeadlines(null, PERIODS, null, null, null, null);
        TimelineEntry entry = deadlines.measures(c, LocalDate.parse("2026-10-27")).get(0);
        assertThat(entry.code()).isEqualTo("MEASURE_1");
        assertThat(entry.status()).isEqualTo(TimelineEntry.Status.OVERDUE);
        TimelineEntry near = deadlines.measures(c, LocalDate.parse("2026-10-22")).get(0);
        assertThat(near.status()).isEqualTo(TimelineEntry.Status.NEAR);
        assertThat(near.warning()).isTrue();
        assertThat(deadlines.measures(c, LocalDate.parse("2026-10-01")).get(0).status()).isEqualTo(TimelineEntry.Status.RUNNING);
        c.endMeasure(1, MeasureEnding.RELEASED, LEADER, on("2026-10-23"), "解除");
        assertThat(deadlines.measures(c, LocalDate.parse("2026-10-27")).get(0).status()).isEqualTo(TimelineEntry.Status.DONE);
    }
}
