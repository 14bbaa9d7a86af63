package cn.zhifa.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.law.Deadline;
import cn.zhifa.law.PeriodCode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The procedure rules of 《安全生产违法行为行政处罚办法》 apply by the case's 立案 date: the 2015 text before 2026-02-01,
 * 应急管理部令第18号 from that day (its values configured as unconfirmed).
 */
class RulesByFilingDateTest {

    static final CasePeriods PERIODS = CasePeriods.bundled();

    @Test
    void a_case_filed_on_2026_01_31_takes_the_2015_decision_period_and_its_extensions() {
        LocalDate filed = LocalDate.parse("2026-01-31");
        assertThat(PERIODS.decisionPeriod(0, filed)).isEqualTo(PeriodCode.DECISION_SAFETY_PRODUCTION);
        assertThat(PERIODS.decisionPeriod(1, filed)).isEqualTo(PeriodCode.DECISION_SAFETY_PRODUCTION_EXTENDED);
        Deadline due = PERIODS.decisionDue(filed, 0);
        assertThat(due.due()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(due.basis()).doesNotContain("第18号");
    }

    @Test
    void a_case_filed_on_2026_02_01_takes_the_rules_of_order_no_18_marked_unconfirmed() {
        LocalDate filed = LocalDate.parse("2026-02-01");
        assertThat(PERIODS.decisionPeriod(0, filed)).isEqualTo(PeriodCode.DECISION_SAFETY_PRODUCTION_2026);
        assertThat(PERIODS.decisionPeriod(1, filed)).isEqualTo(PeriodCode.DECISION_SAFETY_PRODUCTION_2026_EXTENDED);
        assertThat(PERIODS.decisionPeriod(2, filed)).isEqualTo(PeriodCode.DECISION_SAFETY_PRODUCTION_2026_FURTHER_EXTENDED);
        assertThat(PERIODS.decisionDue(filed, 0).basis()).contains("第18号");
        var version = PERIODS.rules().decisionPeriod().on(filed);
        assertThat(version.from()).isEqualTo(LocalDate.parse("2026-02-01"));
        assertThat(version.confirmed()).isFalse();
        assertThat(version.source()).contains("应急管理部令第18号");
    }

    @Test
    void without_a_filing_date_the_base_rules_apply() {
        assertThat(PERIODS.decisionPeriod(0)).isEqualTo(PeriodCode.DECISION_SAFETY_PRODUCTION);
    }
}
