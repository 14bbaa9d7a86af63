package cn.zhifa.planning;

import cn.zhifa.shared.RuleViolation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GradingTests {

    static final List<GradingRule> RULES = List.of(
            new GradingRule(1L, 2026, 10, "一、二级重大危险源", Set.of(), 2, Set.of(), null, null, null, Grade.A, 4, EnforcementLevel.CITY),
            new GradingRule(2L, 2026, 20, "近年发生事故", Set.of(), null, Set.of(), 1, null, null, Grade.A, 3, EnforcementLevel.DISTRICT),
            new GradingRule(3L, 2026, 30, "危化、粉尘涉爆", Set.of("危险化学品", "粉尘涉爆"), null, Set.of(), null, null, false, Grade.B, 2, EnforcementLevel.DISTRICT),
            new GradingRule(4L, 2026, 40, "白名单企业", Set.of(), null, Set.of(), null, null, true, Grade.D, 1, EnforcementLevel.TOWNSHIP),
            new GradingRule(5L, 2026, 99, "其他企业", Set.of(), null, Set.of(), null, null, null, Grade.C, 1, EnforcementLevel.TOWNSHIP));

    static EnterpriseFeatures firm(Set<String> features, Integer hazard, int accidents, boolean whitelisted) {
        return new EnterpriseFeatures(1, "测试化工有限公司", 10, "139902001", "东华街道", "化工", features, hazard, null, accidents, 0, whitelisted);
    }

    @Test
    void a_first_grade_major_hazard_makes_a_key_firm_of_the_city_level() {
        Grading grading = Grading.of(firm(Set.of("危险化学品"), 1, 0, false), 2026, RULES);
        assertThat(grading.grade()).isEqualTo(Grade.A);
        assertThat(grading.level()).isEqualTo(EnforcementLevel.CITY);
        assertThat(grading.ruleName()).isEqualTo("一、二级重大危险源");
        assertThat(grading.reasons()).containsExactly("重大危险源等级为二级或更高");
    }

    @Test
    void a_third_grade_major_hazard_does_not_match_the_first_rule() {
        Grading grading = Grading.of(firm(Set.of("危险化学品"), 3, 0, false), 2026, RULES);
        assertThat(grading.ruleId()).isEqualTo(3L);
        assertThat(grading.annualFrequency()).isEqualTo(2);
    }

    @Test
    void rules_are_tried_in_priority_order_whatever_the_list_order() {
        List<GradingRule> reversed = new java.util.ArrayList<>(RULES);
        java.util.Collections.reverse(reversed);
        assertThat(Grading.of(firm(Set.of(), null, 2, false), 2026, reversed).ruleName()).isEqualTo("近年发生事故");
    }

    @Test
    void a_whitelisted_firm_without_risk_falls_to_the_whitelist_rule_and_unrated_credit_is_the_default() {
        EnterpriseFeatures whitelisted = firm(Set.of("危险化学品"), null, 0, true);
        assertThat(whitelisted.creditGrade()).isEqualTo("未评定");
        assertThat(Grading.of(whitelisted, 2026, RULES).grade()).isEqualTo(Grade.D);
    }

    @Test
    void a_table_without_a_fallback_rule_refuses_an_unmatched_firm() {
        assertThatThrownBy(() -> Grading.of(firm(Set.of(), null, 0, false), 2026, RULES.subList(0, 2)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("兜底规则");
    }

    @Test
    void visits_are_spread_over_the_year() {
        assertThat(PlanItem.spread(1)).isEqualTo("6");
        assertThat(PlanItem.spread(2)).isEqualTo("3,9");
        assertThat(PlanItem.spread(4)).isEqualTo("2,5,8,11");
        assertThat(PlanItem.spread(12)).startsWith("1,2,3").endsWith("11,12");
    }
}
