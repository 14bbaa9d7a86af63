package cn.zhifa.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 首违不罚 (行政处罚法第三十三条第一款): counted back from the date of the act over earlier penalties, 警告 included. */
class FirstViolationPolicyTest {

    final CaseworkRules.FirstViolation rules = CaseworkRules.bundled().firstViolation();
    final FirstViolationPolicy policy = new FirstViolationPolicy(rules);
    final LocalDate act = LocalDate.of(2026, 3, 1);

    FirstViolationPolicy.EarlierPenalty penalty(String day, String fine) {
        return new FirstViolationPolicy.EarlierPenalty("（东城）应急立〔2025〕7号", "当罚〔2025〕3号", LocalDate.parse(day),
                new BigDecimal(fine));
    }

    @Test
    void a_party_never_penalised_before_the_act_is_a_first_violation() {
        assertThat(policy.firstViolation(act, List.of()).allowed()).isTrue();
    }

    @Test
    void an_earlier_warning_inside_the_look_back_before_the_act_ends_the_first_violation() {
        var verdict = policy.firstViolation(act, List.of(penalty("2025-06-30", "0")));
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.reason()).contains("警告", "当罚〔2025〕3号", "不属于初次违法", "第三十三条第一款");
    }

    @Test
    void the_look_back_counts_from_the_act_not_from_today() {
        LocalDate edge = act.minusMonths(rules.lookBackMonths());
        assertThat(policy.firstViolation(act, List.of(penalty(edge.minusDays(1).toString(), "2000"))).allowed()).isTrue();
        assertThat(policy.firstViolation(act, List.of(penalty(edge.toString(), "2000"))).allowed()).isFalse();
        // a penalty decided after the act (for another act) does not make this act a repeated one
        assertThat(policy.firstViolation(act, List.of(penalty("2026-03-02", "2000"))).allowed()).isTrue();
    }

    @Test
    void only_the_configured_first_violation_ground_is_checked() {
        assertThat(policy.appliesTo(rules.ground())).isTrue();
        assertThat(policy.appliesTo("当事人有证据足以证明没有主观过错（行政处罚法第三十三条第二款）")).isFalse();
        assertThat(CaseworkRules.bundled().discretion().noPenaltyGrounds()).contains(rules.ground());
    }
}
