package cn.zhifa.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.emergency.internal.EmergencyRules;
import cn.zhifa.emergency.internal.InsuranceStanding;
import cn.zhifa.emergency.internal.InsuranceStanding.Period;
import cn.zhifa.emergency.internal.PlanEvaluation;
import cn.zhifa.registry.EnterpriseStatus;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.Industry;
import cn.zhifa.registry.RiskFeature;
import cn.zhifa.registry.SupervisionLevel;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plan evaluation period and the 安责险 lapse flag, on a fixed day (2026-12-05). */
class EmergencyRulesTests {

    static final LocalDate TODAY = LocalDate.now(Clock.fixed(java.time.Instant.parse("2026-12-05T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
    static final EmergencyRules RULES = EmergencyRules.bundled();

    @Test
    void the_configured_period_is_three_years_with_its_source_and_due_soon_windows() {
        assertThat(RULES.planPeriodYears()).isEqualTo(3);
        assertThat(RULES.planSource()).contains("生产安全事故应急预案管理办法").contains("第三十五条");
        assertThat(RULES.governmentPlanConfirmed()).as("the 国办发 period is not confirmed").isFalse();
        assertThat(RULES.insuranceDueSoonDays()).isEqualTo(30);
        assertThat(RULES.insuranceSource()).contains("第五十一条").contains("安全生产责任保险实施办法");
    }

    @Test
    void a_plan_is_due_three_years_after_its_latest_approval_revision_or_evaluation() {
        PlanEvaluation overdue = PlanEvaluation.of(LocalDate.of(2021, 3, 1), null, LocalDate.of(2023, 12, 4), TODAY, 3, 90);
        assertThat(overdue.state()).isEqualTo(PlanEvaluation.State.OVERDUE);
        assertThat(overdue.dueOn()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(overdue.label()).isEqualTo("评估逾期（应于2026-12-04前评估）");

        assertThat(PlanEvaluation.of(LocalDate.of(2023, 12, 5), null, null, TODAY, 3, 90).state())
                .as("the due day itself is not overdue").isEqualTo(PlanEvaluation.State.DUE_SOON);
        assertThat(PlanEvaluation.of(LocalDate.of(2020, 1, 1), LocalDate.of(2024, 2, 20), null, TODAY, 3, 90).state())
                .as("a revision restarts the period; due 2027-02-20 is within 90 days").isEqualTo(PlanEvaluation.State.DUE_SOON);
        assertThat(PlanEvaluation.of(LocalDate.of(2024, 6, 1), null, null, TODAY, 3, 90).state())
                .isEqualTo(PlanEvaluation.State.CURRENT);
        assertThat(PlanEvaluation.of(null, null, null, TODAY, 3, 90).state()).isEqualTo(PlanEvaluation.State.UNKNOWN);
    }

    @Test
    void a_firm_is_covered_while_a_policy_runs_and_due_soon_when_it_ends_within_30_days() {
        InsuranceStanding covered = InsuranceStanding.of(List.of(new Period(LocalDate.of(2026, 6, 1), LocalDate.of(2027, 5, 31))), TODAY, 30);
        assertThat(covered.state()).isEqualTo(InsuranceStanding.State.COVERED);
        assertThat(covered.flagged()).isFalse();

        InsuranceStanding soon = InsuranceStanding.of(List.of(new Period(LocalDate.of(2026, 1, 4), LocalDate.of(2027, 1, 3))), TODAY, 30);
        assertThat(soon.state()).isEqualTo(InsuranceStanding.State.DUE_SOON);
        assertThat(soon.label()).isEqualTo("保单即将到期（保障至2027-01-03）");
        assertThat(InsuranceStanding.of(List.of(new Period(LocalDate.of(2026, 1, 6), LocalDate.of(2027, 1, 5))), TODAY, 30).state())
                .as("31 days left").isEqualTo(InsuranceStanding.State.COVERED);
        assertThat(InsuranceStanding.of(List.of(new Period(LocalDate.of(2026, 1, 5), LocalDate.of(2027, 1, 4))), TODAY, 30).state())
                .as("30 days left").isEqualTo(InsuranceStanding.State.DUE_SOON);
    }

    @Test
    void a_renewal_that_follows_without_a_gap_keeps_the_cover_going() {
        InsuranceStanding renewed = InsuranceStanding.of(List.of(
                new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
                new Period(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31))), TODAY, 30);
        assertThat(renewed.state()).isEqualTo(InsuranceStanding.State.COVERED);
        assertThat(renewed.coveredUntil()).isEqualTo(LocalDate.of(2027, 12, 31));

        InsuranceStanding gap = InsuranceStanding.of(List.of(
                new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
                new Period(LocalDate.of(2027, 1, 10), LocalDate.of(2027, 12, 31))), TODAY, 30);
        assertThat(gap.state()).as("a gap of nine days before the renewal").isEqualTo(InsuranceStanding.State.DUE_SOON);
    }

    @Test
    void a_firm_whose_policies_ended_has_lapsed_and_one_without_any_is_missing() {
        InsuranceStanding lapsed = InsuranceStanding.of(List.of(new Period(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 9, 30))), TODAY, 30);
        assertThat(lapsed.state()).isEqualTo(InsuranceStanding.State.LAPSED);
        assertThat(lapsed.label()).isEqualTo("已脱保（2026-09-30 到期）");
        assertThat(lapsed.flagged()).isTrue();
        assertThat(InsuranceStanding.of(List.of(new Period(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 12, 19))), TODAY, 30).state())
                .as("a policy not yet begun does not cover today").isEqualTo(InsuranceStanding.State.LAPSED);
        InsuranceStanding missing = InsuranceStanding.of(List.of(), TODAY, 30);
        assertThat(missing.state()).isEqualTo(InsuranceStanding.State.MISSING);
        assertThat(missing.label()).isEqualTo("未投保");
    }

    @Test
    void firms_of_the_high_risk_industries_must_be_insured_and_others_need_not() {
        assertThat(RULES.mandatoryIndustry(firm("B", "08", Set.of()))).contains("矿山");
        assertThat(RULES.mandatoryIndustry(firm("E", "48", Set.of()))).contains("建筑施工");
        assertThat(RULES.mandatoryIndustry(firm("C", "31", Set.of()))).contains("金属冶炼");
        assertThat(RULES.mandatoryIndustry(firm("F", "52", Set.of(RiskFeature.HAZCHEM_TRADING))))
                .as("a filling station trades hazardous chemicals").contains("危险化学品");
        assertThat(RULES.mandatoryIndustry(firm("F", "52", Set.of(RiskFeature.FIREWORKS)))).contains("烟花爆竹");
        assertThat(RULES.mandatoryIndustry(firm("G", "54", Set.of()))).contains("交通运输");
        assertThat(RULES.mandatoryIndustry(firm("A", "04", Set.of()))).contains("渔业");
        assertThat(RULES.mandatoryIndustry(firm("C", "18", Set.of(RiskFeature.LABOUR_INTENSIVE)))).isEmpty();
        assertThat(RULES.mandatoryIndustry(firm("G", "59", Set.of()))).as("仓储 is not 交通运输").isEmpty();
    }

    private static EnterpriseSummary firm(String section, String division, Set<RiskFeature> features) {
        return new EnterpriseSummary(1, "测试企业", "91120000MA05000001", "张三", "天津市", "120104001",
                new Industry(section, "门类", division, "大类"), features, null, EnterpriseStatus.values()[0],
                SupervisionLevel.values()[0], 1, false, 10);
    }
}
