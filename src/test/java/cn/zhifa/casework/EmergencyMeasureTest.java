package cn.zhifa.casework;

import static cn.zhifa.casework.CoerciveMeasureTest.CYLINDERS;
import static cn.zhifa.casework.CoerciveMeasureTest.filedCase;
import static cn.zhifa.casework.PenaltyCaseTest.LEADER;
import static cn.zhifa.casework.PenaltyCaseTest.OFFICER;
import static cn.zhifa.casework.PenaltyCaseTest.PERIODS;
import static cn.zhifa.casework.PenaltyCaseTest.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.shared.RuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** 情况紧急当场实施的查封/扣押 (行政强制法第十九条): 待补批 until the head approves it within the configured 24 hours. */
class EmergencyMeasureTest {

    static final Duration WINDOW = CaseworkRules.bundled().emergency().window();

    private static PenaltyCase takenInEmergency() {
        PenaltyCase c = filedCase();
        // 2026-09-25T02:00Z, on the spot by an 执法人员
        c.takeMeasureInEmergency(OFFICER, on("2026-09-25"), MeasureKind.SEAL, CYLINDERS, "气瓶泄漏，情况紧急",
                "安全生产法第六十五条第一款第四项", null, PERIODS);
        return c;
    }

    private static When at(String instant) {
        Instant i = Instant.parse(instant);
        return new When(LocalDate.ofInstant(i, java.time.ZoneOffset.UTC), i);
    }

    @Test
    void the_configured_window_is_the_twenty_four_hours_of_article_nineteen() {
        assertThat(WINDOW).isEqualTo(Duration.ofHours(24));
        assertThat(CaseworkRules.bundled().emergency().source()).contains("行政强制法》第十九条");
    }

    @Test
    void an_officer_takes_the_measure_which_is_pending_until_the_head_approves_it_within_24_hours() {
        PenaltyCase c = takenInEmergency();
        CoerciveMeasure m = c.measure(1).orElseThrow();
        assertThat(m.emergency()).isTrue();
        assertThat(m.pendingApproval()).isTrue();
        assertThat(m.approvedBy()).isNull();
        assertThat(c.mayExtendMeasure(1, LEADER, LocalDate.parse("2026-09-25"), PERIODS).reason()).contains("尚待负责人补办批准手续");
        assertThat(c.mayApproveMeasure(1, OFFICER, Instant.parse("2026-09-25T10:00:00Z"), WINDOW).allowed()).isFalse();

        c.approveMeasure(1, LEADER, at("2026-09-26T02:00:00Z"), WINDOW);
        m = c.measure(1).orElseThrow();
        assertThat(m.pendingApproval()).isFalse();
        assertThat(m.approvedBy()).isEqualTo(LEADER.name());
        assertThat(m.approvedAt()).isEqualTo(Instant.parse("2026-09-26T02:00:00Z"));
        assertThat(c.getSteps().get(c.getSteps().size() - 1).kind()).isEqualTo(StepKind.MEASURE_APPROVED);
        assertThat(c.mayApproveMeasure(1, LEADER, Instant.parse("2026-09-26T03:00:00Z"), WINDOW).reason()).contains("不需要补办批准手续");
    }

    @Test
    void after_24_hours_the_approval_is_refused_with_the_article_and_the_measure_stays_pending() {
        PenaltyCase c = takenInEmergency();
        int steps = c.getSteps().size();
        assertThatThrownBy(() -> c.approveMeasure(1, LEADER, at("2026-09-26T02:00:01Z"), WINDOW))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("24小时内").hasMessageContaining("应当立即解除（行政强制法第十九条）");
        assertThat(c.measure(1).orElseThrow().pendingApproval()).isTrue();
        assertThat(c.getSteps()).hasSize(steps);
        // the head may (and must) release it
        c.endMeasure(1, MeasureEnding.RELEASED, LEADER, on("2026-09-26"), "未能在二十四小时内补办批准，立即解除");
        assertThat(c.measure(1).orElseThrow().pendingApproval()).isFalse();
    }

    @Test
    void a_measure_approved_beforehand_needs_no_later_approval() {
        PenaltyCase c = CoerciveMeasureTest.seizedOn("2026-09-25");
        assertThat(c.measure(1).orElseThrow().emergency()).isFalse();
        assertThat(c.mayApproveMeasure(1, LEADER, Instant.parse("2026-09-25T03:00:00Z"), WINDOW).allowed()).isFalse();
    }
}
