package cn.zhifa.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.law.AccidentGrade;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DiscretionEngineTest {

    final DiscretionEngine engine = DiscretionEngine.bundled();
    final ViolationLibrary library = ViolationLibrary.bundled();

    DiscretionAssessment assess(String code, DiscretionInput input) {
        return engine.assess(library.get(code), input);
    }

    @Test
    void the_library_is_seeded_with_the_fined_rows_of_articles_93_to_114() {
        assertThat(library.ofArticle(102)).extracting(Violation::code).containsExactly("102-1", "102-2");
        assertThat(library.get("97-2").min()).isEqualByComparingTo("100000");
        assertThat(library.all()).extracting(Violation::article).contains(93, 95, 110, 114).doesNotContain(100, 107, 111, 113);
    }

    @Test
    void a_general_tier_proposal_shows_the_legal_range_the_tier_range_and_a_rounded_suggestion() {
        DiscretionAssessment a = assess("97-2", DiscretionInput.of(Tier.GENERAL, new BigDecimal("150000")));
        assertThat(a.legalRange().minYuan()).isEqualByComparingTo("100000");
        assertThat(a.legalRange().maxYuan()).isEqualByComparingTo("200000");
        assertThat(a.tierRange().minYuan()).isEqualByComparingTo("130000");
        assertThat(a.tierRange().maxYuan()).isEqualByComparingTo("170000");
        assertThat(a.suggestedYuan()).isEqualByComparingTo("150000");
        assertThat(a.outsideTier()).isFalse();
        assertThat(a.verdict().allowed()).isTrue();
    }

    @Test
    void an_amount_outside_its_tier_needs_a_written_reason_and_is_then_allowed_for_legal_review() {
        DiscretionAssessment without = assess("97-2", DiscretionInput.of(Tier.LIGHTER, new BigDecimal("150000")));
        assertThat(without.verdict().reason()).contains("不在从轻处罚阶次").contains("须书面说明理由");
        DiscretionAssessment with = assess("97-2", DiscretionInput.of(Tier.LIGHTER, new BigDecimal("150000")).withReason("主动整改但影响较大"));
        assertThat(with.verdict().allowed()).isTrue();
        assertThat(with.outsideTier()).isTrue();
    }

    @Test
    void an_amount_outside_the_legal_range_is_refused() {
        assertThat(assess("102-1", DiscretionInput.of(Tier.HEAVIER, new BigDecimal("50000.01"))).verdict().reason())
                .contains("超出法定幅度上限50000元");
        assertThat(assess("97-2", DiscretionInput.of(Tier.LIGHTER, new BigDecimal("90000")).withReason("x")).verdict().reason())
                .contains("低于法定幅度下限100000元");
    }

    @Test
    void mitigation_below_the_minimum_needs_an_article_32_ground() {
        DiscretionInput noGround = DiscretionInput.of(Tier.MITIGATED, new BigDecimal("80000"));
        assertThat(assess("97-2", noGround).verdict().reason()).contains("第三十二条");
        DiscretionInput ground = new DiscretionInput(Tier.MITIGATED, new BigDecimal("80000"), null,
                "主动消除或者减轻违法行为危害后果（行政处罚法第三十二条第一项）", null, null, null, false);
        assertThat(assess("97-2", ground).verdict().allowed()).isTrue();
        assertThat(assess("102-1", new DiscretionInput(Tier.MITIGATED, new BigDecimal("100"), null, "x", null, null, null, false))
                .verdict().reason()).contains("不适用减轻处罚");
    }

    @Test
    void an_accident_fine_follows_the_grade_and_the_two_to_five_fold_aggravation() {
        DiscretionInput larger = new DiscretionInput(Tier.GENERAL, new BigDecimal("1500000"), null, null, null, null,
                AccidentGrade.LARGER, false);
        DiscretionAssessment a = assess("114-2", larger);
        assertThat(a.legalRange().minYuan()).isEqualByComparingTo("1000000");
        assertThat(a.legalRange().maxYuan()).isEqualByComparingTo("2000000");
        assertThat(a.verdict().allowed()).isTrue();
        DiscretionInput aggravated = new DiscretionInput(Tier.GENERAL, new BigDecimal("6000000"), null, null, null, null,
                AccidentGrade.LARGER, true);
        DiscretionAssessment b = assess("114-2", aggravated);
        assertThat(b.legalRange().minYuan()).isEqualByComparingTo("2000000");
        assertThat(b.legalRange().maxYuan()).isEqualByComparingTo("10000000");
    }

    @Test
    void a_principals_fine_is_a_percentage_of_last_years_income() {
        DiscretionInput input = new DiscretionInput(Tier.GENERAL, new BigDecimal("120000"), null, null,
                new BigDecimal("300000"), null, null, false);
        DiscretionAssessment a = assess("95-2", input);
        assertThat(a.legalRange().minYuan()).isEqualByComparingTo("180000");
        assertThat(a.tierRange().maxYuan()).isEqualByComparingTo("180000");
        assertThat(a.verdict().reason()).contains("低于法定幅度下限180000元");
    }
}
