package cn.zhifa.supervision.fault;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.shared.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 执法过错 rules on a fixed day: configured wording only, no future dates, a decision not before the finding. */
class FaultChecksTests {

    static final LocalDate TODAY = LocalDate.of(2026, 9, 15);
    static final FaultRules RULES = new FaultRules(List.of("事实认定错误", "违反法定程序"), List.of("批评教育", "通报批评"),
            "本地办法", false);

    @Test
    void a_fault_kind_outside_the_configured_list_is_refused() {
        assertThatThrownBy(() -> FaultChecks.record(RULES, "态度不好", TODAY, TODAY))
                .isInstanceOf(RuleViolation.class).hasMessage("请从列表中选择过错情形。");
        assertThatCode(() -> FaultChecks.record(RULES, "违反法定程序", TODAY, TODAY)).doesNotThrowAnyException();
    }

    @Test
    void a_finding_dated_tomorrow_is_refused() {
        assertThatThrownBy(() -> FaultChecks.record(RULES, "事实认定错误", TODAY.plusDays(1), TODAY))
                .isInstanceOf(RuleViolation.class).hasMessage("认定日期不能晚于今天。");
    }

    @Test
    void a_decision_needs_a_configured_form_and_a_day_between_the_finding_and_today() {
        LocalDate found = TODAY.minusDays(10);
        assertThatThrownBy(() -> FaultChecks.decide(RULES, "罚酒三杯", found, TODAY, TODAY))
                .isInstanceOf(RuleViolation.class).hasMessage("请从列表中选择责任形式。");
        assertThatThrownBy(() -> FaultChecks.decide(RULES, "通报批评", found, found.minusDays(1), TODAY))
                .isInstanceOf(RuleViolation.class).hasMessage("追究决定日期不能早于过错认定日期。");
        assertThatThrownBy(() -> FaultChecks.decide(RULES, "通报批评", found, TODAY.plusDays(1), TODAY))
                .isInstanceOf(RuleViolation.class).hasMessage("追究决定日期不能晚于今天。");
        assertThatCode(() -> FaultChecks.decide(RULES, "通报批评", found, found, TODAY)).doesNotThrowAnyException();
    }

    @Test
    void without_configuration_the_common_wording_is_used() {
        FaultRules defaults = new FaultRules(null, null, null, false);
        org.assertj.core.api.Assertions.assertThat(defaults.kinds()).contains("超越职权", "滥用职权", "不履行法定职责");
        org.assertj.core.api.Assertions.assertThat(defaults.source()).contains("待确认");
    }
}
