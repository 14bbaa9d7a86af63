package cn.zhifa.law;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static cn.zhifa.law.ProcedureRules.PartyKind.CITIZEN;
import static cn.zhifa.law.ProcedureRules.PartyKind.ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;

class ProcedureRulesTest {

    private final ProcedureRules rules = ProcedureRules.bundled();

    @Test
    void summary_procedure_allows_up_to_200_yuan_for_citizens_and_3000_for_organisations() {
        assertThat(rules.summaryProcedureAllowed(CITIZEN, new BigDecimal("200"))).isTrue();
        assertThat(rules.summaryProcedureAllowed(CITIZEN, new BigDecimal("200.01"))).isFalse();
        assertThat(rules.summaryProcedureAllowed(ORGANIZATION, new BigDecimal("3000"))).isTrue();
        assertThat(rules.summaryProcedureAllowed(ORGANIZATION, new BigDecimal("3001"))).isFalse();
        assertThat(rules.summaryProcedureSource()).contains("第五十一条");
    }

    @Test
    void the_late_surcharge_is_3_percent_a_day_capped_at_the_fine() {
        BigDecimal fine = new BigDecimal("10000");

        assertThat(rules.lateSurcharge(fine, 0)).isEqualByComparingTo("0");
        assertThat(rules.lateSurcharge(fine, 1)).isEqualByComparingTo("300");
        assertThat(rules.lateSurcharge(fine, 33)).isEqualByComparingTo("9900");
        assertThat(rules.lateSurcharge(fine, 34)).isEqualByComparingTo("10000");
        assertThat(rules.lateSurcharge(fine, 365)).isEqualByComparingTo("10000");
    }

    @Test
    void on_the_spot_collection_is_for_100_yuan_or_less() {
        assertThat(rules.onTheSpotCollectionAllowed(new BigDecimal("100"))).isTrue();
        assertThat(rules.onTheSpotCollectionAllowed(new BigDecimal("101"))).isFalse();
    }

    @Test
    void the_local_hearing_threshold_includes_its_amount() {
        assertThat(rules.hearingRightByAmount(ORGANIZATION, new BigDecimal("50000"))).isTrue();
        assertThat(rules.hearingRightByAmount(ORGANIZATION, new BigDecimal("49999"))).isFalse();
        assertThat(rules.hearingRightByAmount(CITIZEN, new BigDecimal("20000"))).isTrue();
        assertThat(rules.minimumOfficers()).isEqualTo(2);
    }
}
