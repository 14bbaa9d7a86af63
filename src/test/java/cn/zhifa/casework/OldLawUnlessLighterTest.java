package cn.zhifa.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.law.AccidentGrade;
import cn.zhifa.law.FineRange;
import cn.zhifa.law.LighterLaw;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * 从旧兼从轻 (行政处罚法第三十七条) and the accident fine sub-ranges of 《生产安全事故罚款处罚规定》(应急管理部令第14号, from
 * 2024-03-01): the penalty amounts follow the rules in force at the act unless the later ones are lighter.
 */
class OldLawUnlessLighterTest {

    static final LocalDate BEFORE_ORDER_14 = LocalDate.of(2023, 11, 20);
    static final LocalDate AFTER_ORDER_14 = LocalDate.of(2024, 6, 3);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    final DiscretionEngine engine = DiscretionEngine.bundled();
    final ViolationLibrary library = ViolationLibrary.bundled();

    FineRange range(int deaths, int injuries, String loss, LocalDate actOn) {
        DiscretionInput input = new DiscretionInput(Tier.GENERAL, new BigDecimal("600000"), null, null, null, null,
                AccidentGrade.GENERAL, false)
                .withAccident(new AccidentFacts(deaths, injuries, new BigDecimal(loss)), actOn, TODAY);
        return engine.assess(library.get("114-1"), input).legalRange();
    }

    @Test
    void an_accident_after_order_14_took_effect_is_fined_inside_the_sub_range_its_deaths_reach() {
        FineRange oneDeath = range(1, 0, "800000", AFTER_ORDER_14);
        assertThat(oneDeath.minYuan()).isEqualByComparingTo("500000");
        assertThat(oneDeath.maxYuan()).isEqualByComparingTo("700000");
        assertThat(oneDeath.basis()).contains("应急管理部令第14号");
        assertThat(oneDeath.explanation()).contains("造成1人死亡");
    }

    @Test
    void the_highest_band_any_one_figure_reaches_decides_the_sub_range() {
        FineRange byLoss = range(0, 0, "6000000", AFTER_ORDER_14);
        assertThat(byLoss.minYuan()).isEqualByComparingTo("700000");
        assertThat(byLoss.maxYuan()).isEqualByComparingTo("1000000");
        FineRange minor = range(0, 2, "1000000", AFTER_ORDER_14);
        assertThat(minor.minYuan()).isEqualByComparingTo("300000");
        assertThat(minor.maxYuan()).isEqualByComparingTo("500000");
    }

    @Test
    void an_act_before_order_14_takes_the_later_sub_range_where_it_is_lighter() {
        FineRange oneDeath = range(1, 0, "800000", BEFORE_ORDER_14);
        assertThat(oneDeath.minYuan()).isEqualByComparingTo("500000");
        assertThat(oneDeath.maxYuan()).isEqualByComparingTo("700000");
        assertThat(oneDeath.explanation()).contains("适用现行规定").contains("第三十七条");
    }

    @Test
    void an_act_before_order_14_keeps_the_law_of_its_time_where_the_later_sub_range_is_not_lighter() {
        FineRange twoDeaths = range(2, 0, "800000", BEFORE_ORDER_14);
        assertThat(twoDeaths.minYuan()).isEqualByComparingTo("300000");
        assertThat(twoDeaths.maxYuan()).isEqualByComparingTo("1000000");
        assertThat(twoDeaths.basis()).contains("第一百一十四条");
        assertThat(twoDeaths.explanation()).contains("适用违法行为发生时的规定").contains("第三十七条");
    }

    @Test
    void a_fine_outside_the_sub_range_in_force_is_refused() {
        DiscretionInput input = new DiscretionInput(Tier.GENERAL, new BigDecimal("900000"), null, null, null, null,
                AccidentGrade.GENERAL, false)
                .withAccident(new AccidentFacts(1, 0, new BigDecimal("800000")), AFTER_ORDER_14, TODAY);
        assertThat(engine.assess(library.get("114-1"), input).verdict().reason()).contains("超出法定幅度上限700000元");
    }

    @Test
    void the_lighter_of_two_ranges_has_the_lower_maximum_and_at_an_equal_maximum_the_lower_minimum() {
        FineRange old = new FineRange(new BigDecimal("300000"), new BigDecimal("1000000"), "旧", "");
        FineRange lowerMax = new FineRange(new BigDecimal("500000"), new BigDecimal("700000"), "新", "");
        FineRange sameMaxHigherMin = new FineRange(new BigDecimal("700000"), new BigDecimal("1000000"), "新", "");
        assertThat(LighterLaw.lighter(lowerMax, old)).isTrue();
        assertThat(LighterLaw.lighter(sameMaxHigherMin, old)).isFalse();
        assertThat(LighterLaw.applicable(old, sameMaxHigherMin).basis()).isEqualTo("旧");
        assertThat(LighterLaw.applicable(old, lowerMax).basis()).isEqualTo("新");
    }
}
