package cn.zhifa.law;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class StatutoryPeriodsTest {

    private final LegalCalendar calendar = LegalCalendar.bundled();
    private final StatutoryPeriods periods = StatutoryPeriods.bundled(calendar);

    @Test
    void every_period_code_is_configured_with_a_source_and_an_effective_date() {
        for (PeriodCode code : PeriodCode.values()) {
            StatutoryPeriod period = periods.period(code);
            assertThat(period.source()).as(code.name()).isNotBlank();
            assertThat(period.effectiveFrom()).as(code.name()).isNotNull();
            assertThat(period.length()).as(code.name()).isPositive();
        }
    }

    @Test
    void the_periods_of_the_administrative_penalty_law_are_counted_as_it_says() {
        assertThat(periods.period(PeriodCode.STATEMENT_AND_DEFENCE).lengthLabel()).isEqualTo("3个工作日");
        assertThat(periods.period(PeriodCode.HEARING_REQUEST).lengthLabel()).isEqualTo("5个工作日");
        assertThat(periods.period(PeriodCode.SERVICE_OF_DECISION).lengthLabel()).isEqualTo("7个工作日");
        assertThat(periods.period(PeriodCode.PAYMENT).lengthLabel()).isEqualTo("15日");
        assertThat(periods.period(PeriodCode.DECISION).lengthLabel()).isEqualTo("90日");
        assertThat(periods.period(PeriodCode.DECISION_SAFETY_PRODUCTION).lengthLabel()).isEqualTo("30日");
        assertThat(periods.period(PeriodCode.ADMINISTRATIVE_RECONSIDERATION).lengthLabel()).isEqualTo("60日");
        assertThat(periods.period(PeriodCode.ADMINISTRATIVE_LITIGATION).lengthLabel()).isEqualTo("6个月");
        assertThat(periods.period(PeriodCode.COURT_ENFORCEMENT_APPLICATION).lengthLabel()).isEqualTo("3个月");
        assertThat(periods.period(PeriodCode.PUBLICITY_OF_DECISION).lengthLabel()).isEqualTo("7个工作日");
    }

    @Test
    void a_hearing_request_after_a_notice_received_on_12_february_2026_is_due_on_26_february() {
        Deadline deadline = periods.due(PeriodCode.HEARING_REQUEST, LocalDate.of(2026, 2, 12));

        assertThat(deadline.due()).isEqualTo(LocalDate.of(2026, 2, 26));
        assertThat(deadline.basis()).contains("听证申请期限").contains("第六十四条");
    }

    @Test
    void the_hearing_notice_runs_backwards_from_the_hearing_day() {
        Deadline deadline = periods.due(PeriodCode.HEARING_NOTICE, LocalDate.of(2026, 10, 12));

        assertThat(deadline.due()).isEqualTo(LocalDate.of(2026, 9, 24));
    }

    @Test
    void payment_within_15_days_ending_on_national_day_moves_to_8_october() {
        assertThat(periods.due(PeriodCode.PAYMENT, LocalDate.of(2026, 9, 16)).due()).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void litigation_within_6_months_reaching_2027_is_provisional_and_moves_off_sunday() {
        Deadline deadline = periods.due(PeriodCode.ADMINISTRATIVE_LITIGATION, LocalDate.of(2026, 8, 31));

        assertThat(deadline.due()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(deadline.provisional()).isTrue();
    }

    @Test
    void unconfirmed_local_values_say_so() {
        assertThat(periods.due(PeriodCode.DECISION_SAFETY_PRODUCTION, LocalDate.of(2026, 3, 2)).basis())
                .contains("按本地规定配置");
        assertThat(periods.due(PeriodCode.DECISION, LocalDate.of(2026, 3, 2)).basis())
                .doesNotContain("按本地规定配置");
    }

    @Test
    void every_period_says_whether_it_rolls_over_rest_days_and_only_a_partys_periods_to_act_do() {
        java.util.Set<PeriodCode> partyActs = java.util.EnumSet.of(PeriodCode.STATEMENT_AND_DEFENCE,
                PeriodCode.HEARING_REQUEST, PeriodCode.PAYMENT, PeriodCode.ADMINISTRATIVE_RECONSIDERATION,
                PeriodCode.ADMINISTRATIVE_LITIGATION, PeriodCode.ENFORCEMENT_AFTER_REMINDER);
        for (PeriodCode code : PeriodCode.values()) {
            assertThat(periods.period(code).rollsOverRestDays()).as(code.name()).isEqualTo(partyActs.contains(code));
        }
    }

    @Test
    void agency_terms_are_not_extended_by_rest_days_a_seizure_of_1_september_2025_ends_on_1_october() {
        Deadline seizure = periods.due(PeriodCode.SEIZURE, LocalDate.of(2025, 9, 1));

        assertThat(seizure.due()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(seizure.basis()).contains("不因节假日顺延").doesNotContain("顺延至");
        assertThat(periods.due(PeriodCode.SEIZURE_EXTENDED, LocalDate.of(2025, 9, 1)).due())
                .isEqualTo(LocalDate.of(2025, 10, 31));
    }

    @Test
    void agency_terms_are_not_extended_by_rest_days_decision_periods_and_limitation_end_on_the_day() {
        // 2026-01-03 is a rest day of the 2026 New Year holiday; 30 days from 2025-12-04
        assertThat(periods.due(PeriodCode.DECISION_SAFETY_PRODUCTION, LocalDate.of(2025, 12, 4)).due())
                .isEqualTo(LocalDate.of(2026, 1, 3));
        // 2026-10-03 is in the National Day holiday; two years from 2024-10-03
        assertThat(periods.due(PeriodCode.LIMITATION, LocalDate.of(2024, 10, 3)).due())
                .isEqualTo(LocalDate.of(2026, 10, 3));
    }

    @Test
    void a_partys_period_to_act_still_rolls_over_rest_days() {
        assertThat(periods.due(PeriodCode.PAYMENT, LocalDate.of(2025, 9, 16)).due()).isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(periods.due(PeriodCode.ADMINISTRATIVE_RECONSIDERATION, LocalDate.of(2025, 8, 2)).due())
                .isEqualTo(LocalDate.of(2025, 10, 9));
    }
}
