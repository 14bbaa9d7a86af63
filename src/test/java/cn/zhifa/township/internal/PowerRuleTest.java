package cn.zhifa.township.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.organization.DelegatedPowers.Matter;
import cn.zhifa.shared.Verdict;
import cn.zhifa.township.PowerMode;
import cn.zhifa.township.TownshipPowerView;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PowerRuleTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    static TownshipPowerView power(String kind, PowerMode mode, LocalDate from, LocalDate to) {
        return new TownshipPowerView(1, 9, "东华街道", 3, kind, kind.equals("PENALTY") ? "行政处罚" : "行政检查",
                "对生产经营单位执行安全生产法律法规情况的监督检查", mode, mode == PowerMode.GRANTED ? "东华" : null,
                "示例市东城区人民政府关于向街道赋予部分安全生产行政执法权的决定", "东城政发〔2026〕3号", from, to);
    }

    @Test
    void a_unit_that_is_no_township_or_a_township_without_powers_recorded_works_as_before() {
        assertThat(PowerRule.check(false, "执法大队", List.of(), Matter.PENALTY, TODAY).allowed()).isTrue();
        assertThat(PowerRule.check(true, "东华街道", List.of(), Matter.PENALTY, TODAY).allowed()).isTrue();
    }

    @Test
    void a_township_is_refused_a_matter_it_holds_no_power_of() {
        Verdict v = PowerRule.check(true, "东华街道",
                List.of(power("INSPECTION", PowerMode.ENTRUSTED, LocalDate.of(2026, 1, 1), null)), Matter.PENALTY, TODAY);
        assertThat(v.refused()).isTrue();
        assertThat(v.reason()).isEqualTo("东华街道未经赋权或委托行使行政处罚职权（权责清单中没有此类事项），不能办理，请由区应急管理局办理。");
    }

    @Test
    void a_township_is_refused_outside_the_period_of_its_power_with_the_period_and_the_instrument() {
        List<TownshipPowerView> powers = List.of(power("INSPECTION", PowerMode.GRANTED, LocalDate.of(2026, 7, 1),
                LocalDate.of(2028, 6, 30)));
        Verdict before = PowerRule.check(true, "东华街道", powers, Matter.INSPECTION, TODAY);
        assertThat(before.reason()).isEqualTo("东华街道行政检查职权的赋权期限为2026年7月1日至2028年6月30日（东城政发〔2026〕3号），"
                + "2026年6月15日不在期限内，不能办理。");
        assertThat(PowerRule.check(true, "东华街道", powers, Matter.INSPECTION, LocalDate.of(2028, 7, 1)).refused()).isTrue();
    }

    @Test
    void a_township_is_allowed_inside_its_powers_on_the_first_and_last_day() {
        List<TownshipPowerView> powers = List.of(power("INSPECTION", PowerMode.GRANTED, LocalDate.of(2026, 6, 15),
                LocalDate.of(2026, 12, 31)));
        assertThat(PowerRule.check(true, "东华街道", powers, Matter.INSPECTION, TODAY).allowed()).isTrue();
        assertThat(PowerRule.check(true, "东华街道", powers, Matter.INSPECTION, LocalDate.of(2026, 12, 31)).allowed()).isTrue();
    }

    @Test
    void a_township_issues_in_its_own_name_while_it_holds_a_power_by_grant_and_in_the_bureaus_by_entrustment() {
        List<TownshipPowerView> granted = List.of(power("PENALTY", PowerMode.GRANTED, LocalDate.of(2026, 1, 1), null));
        assertThat(PowerRule.ownShortName(granted, TODAY)).contains("东华");
        assertThat(PowerRule.entrusted(granted, TODAY)).isFalse();
        assertThat(PowerRule.ownShortName(granted, LocalDate.of(2025, 12, 31))).isEmpty();

        List<TownshipPowerView> entrusted = List.of(power("INSPECTION", PowerMode.ENTRUSTED, LocalDate.of(2026, 1, 1), null));
        assertThat(PowerRule.ownShortName(entrusted, TODAY)).isEmpty();
        assertThat(PowerRule.entrusted(entrusted, TODAY)).isTrue();
    }
}
