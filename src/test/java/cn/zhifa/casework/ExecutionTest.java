package cn.zhifa.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.law.ProcedureRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The execution part of a case on its own, on fixed days: what the party owes, and when the agency may act. */
class ExecutionTest {

    static final CasePeriods PERIODS = CasePeriods.bundled();
    static final ProcedureRules RULES = PERIODS.procedure();
    static final BigDecimal FINE = new BigDecimal("20000.00");
    static final LocalDate SERVED = LocalDate.parse("2026-03-03");
    static final LocalDate DUE = LocalDate.parse("2026-03-18");

    static Execution started() {
        Execution e = new Execution();
        e.start(DUE, FINE);
        return e;
    }

    static Execution.Decision served(boolean paymentChanged) {
        return new Execution.Decision(FINE, SERVED, false, paymentChanged);
    }

    static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void nothing_is_owed_beyond_the_fine_until_the_due_day_has_passed() {
        Execution e = started();
        assertThat(e.outstandingOn(DUE, RULES, FINE)).isEqualByComparingTo("20000");
        assertThat(e.outstandingOn(DUE.plusDays(1), RULES, FINE)).isEqualByComparingTo("20600"); // 3 % a day
    }

    @Test
    void no_surcharge_accrues_while_a_review_runs() {
        Execution e = started();
        e.startChallenge(day("2026-03-19"), "当事人申请行政复议");
        assertThat(e.surchargeOn(day("2026-03-25"), RULES, FINE)).isEqualByComparingTo("0");
        e.endChallenge(day("2026-03-26"), "复议维持");
        assertThat(e.surchargeOn(day("2026-03-27"), RULES, FINE)).isEqualByComparingTo("1200");
    }

    @Test
    void a_second_review_is_refused_while_one_is_pending_and_none_can_end_that_never_started() {
        Execution e = started();
        assertThatThrownBy(() -> e.endChallenge(day("2026-03-20"), "维持")).hasMessageContaining("没有尚未终结的复议或诉讼");
        e.startChallenge(day("2026-03-19"), "当事人申请行政复议");
        assertThatThrownBy(() -> e.startChallenge(day("2026-03-20"), "当事人提起行政诉讼")).hasMessageContaining("已有尚未终结");
    }

    @Test
    void instalments_are_refused_unless_they_add_up_to_the_fine_and_fall_due_in_order() {
        Execution e = started();
        assertThatThrownBy(() -> e.approveInstalments(day("2026-03-05"), List.of(
                new Instalment(day("2026-03-31"), new BigDecimal("10000")),
                new Instalment(day("2026-04-30"), new BigDecimal("5000"))), "经营困难", FINE)).hasMessageContaining("与罚款20000元不符");
        assertThatThrownBy(() -> e.approveInstalments(day("2026-03-05"), List.of(
                new Instalment(day("2026-04-30"), new BigDecimal("10000")),
                new Instalment(day("2026-03-31"), new BigDecimal("10000"))), "经营困难", FINE)).hasMessageContaining("依次后延");
        assertThat(e.instalments()).containsExactly(new Instalment(DUE, FINE));
    }

    @Test
    void instalments_are_refused_once_a_payment_was_recorded() {
        Execution e = started();
        e.pay(day("2026-03-10"), new BigDecimal("1000"), RULES, FINE);
        assertThatThrownBy(() -> e.approveInstalments(day("2026-03-11"), List.of(
                new Instalment(day("2026-03-31"), new BigDecimal("10000")),
                new Instalment(day("2026-04-30"), new BigDecimal("10000"))), "经营困难", FINE)).hasMessageContaining("请使用延期缴纳");
    }

    @Test
    void a_deferral_is_refused_unless_the_new_day_is_later_than_today() {
        Execution e = started();
        assertThatThrownBy(() -> e.approveDeferral(day("2026-03-10"), day("2026-03-10"), "经营困难", FINE))
                .hasMessageContaining("应晚于今天");
        e.approveDeferral(day("2026-03-10"), day("2026-05-31"), "经营困难", FINE);
        assertThat(e.surchargeOn(day("2026-05-31"), RULES, FINE)).isEqualByComparingTo("0");
    }

    @Test
    void a_payment_above_what_is_owed_is_refused() {
        Execution e = started();
        assertThatThrownBy(() -> e.pay(day("2026-03-10"), new BigDecimal("20000.01"), RULES, FINE))
                .hasMessageContaining("超过应缴金额20000");
        assertThat(e.payments()).isEmpty();
    }

    @Test
    void a_reminder_is_refused_before_the_party_is_late_and_after_the_fine_is_paid() {
        Execution e = started();
        assertThat(e.mayRemind(DUE, FINE).reason()).contains("尚未逾期");
        assertThat(e.mayRemind(DUE.plusDays(1), FINE).allowed()).isTrue();
        e.pay(DUE, FINE, RULES, FINE);
        assertThat(e.mayRemind(DUE.plusDays(1), FINE).allowed()).isFalse();
    }

    @Test
    void court_enforcement_is_refused_before_the_challenge_periods_lapse_and_without_a_reminder() {
        Execution e = started();
        assertThat(e.mayApplyForEnforcement(day("2026-04-07"), served(false), PERIODS).reason())
                .contains("提起行政诉讼的期限至2026-09-03", "行政强制法第五十三条");
        assertThat(e.mayApplyForEnforcement(day("2026-09-04"), served(false), PERIODS).reason()).contains("事先催告", "第五十四条");
        e.remind(day("2026-03-20"));
        assertThat(e.mayApplyForEnforcement(day("2026-09-04"), served(false), PERIODS).allowed()).isTrue();
    }

    @Test
    void court_enforcement_after_a_deferral_counts_from_its_last_day() {
        Execution e = started();
        e.approveDeferral(day("2026-03-10"), day("2026-10-30"), "经营困难", FINE);
        assertThat(e.enforceableFrom(served(true), PERIODS)).isEqualTo(day("2026-10-30"));
        e.remind(day("2026-11-02"));
        assertThat(e.mayApplyForEnforcement(day("2026-10-30"), served(true), PERIODS).reason()).contains("第七十二条第二款");
    }
}
