package cn.zhifa.planning;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FrequencyCapPolicyTests {

    static final PlanningRules RULES = new PlanningRules(Map.of(Grade.A, 4, Grade.B, 2, Grade.C, 1, Grade.D, 1), 1,
            "本地规定", 2, "行政处罚法第42条", new BigDecimal("5"), "本地规定", true, 3);
    final FrequencyCapPolicy policy = new FrequencyCapPolicy(RULES);

    @Test
    void a_firm_below_its_grade_cap_may_be_inspected() {
        assertThat(policy.mayInspect("甲公司", Grade.B, false, 1, null, null).allowed()).isTrue();
    }

    @Test
    void a_firm_at_its_cap_is_refused_with_the_cap_in_the_reason() {
        var verdict = policy.mayInspect("甲公司", Grade.B, false, 2, null, null);
        assertThat(verdict.refused()).isTrue();
        assertThat(verdict.reason()).contains("年度上限 2 次").contains("例外情形");
    }

    @Test
    void a_whitelisted_firm_has_the_lower_cap() {
        assertThat(policy.mayInspect("甲公司", Grade.A, true, 1, null, null).reason()).contains("白名单企业年度上限 1 次");
    }

    @Test
    void a_recorded_legal_exception_allows_an_inspection_beyond_the_cap_but_needs_its_basis() {
        assertThat(policy.mayInspect("甲公司", Grade.C, false, 5, CapException.COMPLAINT, "12345 投诉 2026-031").allowed()).isTrue();
        assertThat(policy.mayInspect("甲公司", Grade.C, false, 5, CapException.ACCIDENT, " ").reason()).contains("具体依据");
    }
}
