package cn.zhifa.supervision.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.supervision.ranking.Indicator.Direction;
import cn.zhifa.supervision.ranking.Indicator.Period;
import cn.zhifa.supervision.ranking.Scoring.GroupRanking;
import cn.zhifa.supervision.ranking.Scoring.RankedUnit;
import cn.zhifa.supervision.ranking.Scoring.UnitValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 效能考评 arithmetic: ratio to the best, penalties between worst and best, shared ranks, 流动红旗, 红黑榜. */
class ScoringTests {

    static final Indicator VISITS = new Indicator(1, "人均检查家次", RankingFigure.VISITS_PER_OFFICER, new BigDecimal("60.0"),
            Direction.HIGHER, Period.QUARTER, 1, 0);
    static final Indicator OVERDUE = new Indicator(2, "逾期件数", RankingFigure.OVERDUE, new BigDecimal("40.0"),
            Direction.LOWER, Period.QUARTER, 2, 0);

    static UnitValues unit(long id, String name, String visits, String overdue) {
        return new UnitValues(id, name, Map.of(1L, new BigDecimal(visits), 2L, new BigDecimal(overdue)));
    }

    @Test
    void points_are_the_weight_scaled_to_the_best_and_penalties_between_the_worst_and_the_best() {
        GroupRanking r = Scoring.rank(List.of(VISITS, OVERDUE),
                List.of(unit(10, "甲大队", "8", "0"), unit(11, "乙大队", "4", "2"), unit(12, "丙大队", "2", "4")), 1, 1);
        assertThat(r.units()).extracting(RankedUnit::name).containsExactly("甲大队", "乙大队", "丙大队");
        RankedUnit second = r.units().get(1);
        assertThat(second.indicators()).extracting(Scoring.IndicatorScore::points)
                .containsExactly(new BigDecimal("30.00"), new BigDecimal("20.00"));
        assertThat(second.indicators().get(0).value()).isEqualByComparingTo("4");
        assertThat(second.score()).isEqualByComparingTo("50.00");
        assertThat(r.units().get(0).score()).isEqualByComparingTo("100.00");
        assertThat(r.units().get(2).score()).as("2/8 of 60, and the most overdue keeps nothing").isEqualByComparingTo("15.00");
        assertThat(r.units()).extracting(RankedUnit::rank).containsExactly(1, 2, 3);
        assertThat(r.units()).extracting(RankedUnit::redFlag).containsExactly(true, false, false);
        assertThat(r.redList()).extracting(RankedUnit::name).containsExactly("甲大队");
        assertThat(r.blackList()).extracting(RankedUnit::name).containsExactly("丙大队");
    }

    @Test
    void equal_scores_share_a_rank_and_the_next_rank_is_skipped_and_all_share_the_flag() {
        GroupRanking r = Scoring.rank(List.of(VISITS, OVERDUE),
                List.of(unit(1, "乙镇", "5", "1"), unit(2, "甲镇", "5", "1"), unit(3, "丙镇", "1", "3")), 1, 3);
        assertThat(r.units()).extracting(RankedUnit::name).as("ties ordered by name").containsExactly("乙镇", "甲镇", "丙镇");
        assertThat(r.units()).extracting(RankedUnit::rank).containsExactly(1, 1, 3);
        assertThat(r.units()).extracting(RankedUnit::redFlag).containsExactly(true, true, false);
        assertThat(r.redList()).hasSize(3);
        assertThat(r.blackList()).as("a unit is never on both lists").isEmpty();
    }

    @Test
    void nobody_scores_a_figure_that_is_zero_everywhere_and_everybody_keeps_an_equal_penalty() {
        GroupRanking r = Scoring.rank(List.of(VISITS, OVERDUE),
                List.of(unit(1, "甲镇", "0", "2"), unit(2, "乙镇", "0", "2")), 1, 1);
        assertThat(r.units()).allSatisfy(u -> {
            assertThat(u.indicators().get(0).points()).isEqualByComparingTo("0");
            assertThat(u.indicators().get(1).points()).isEqualByComparingTo("40");
        });
        assertThat(Scoring.rank(List.of(VISITS), List.of(unit(1, "甲镇", "0", "0")), 1, 1).units().get(0).redFlag())
                .as("a unit that scored nothing earns no flag").isFalse();
    }

    @Test
    void a_quarter_is_parsed_from_its_code_and_a_bad_code_is_refused_in_chinese() {
        Rankings.Quarter q = Rankings.Quarter.parse("2026q3");
        assertThat(q.from()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(q.to()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(q.label()).isEqualTo("2026年第三季度");
        assertThat(Rankings.Quarter.parse("2026-Q1").previous().code()).isEqualTo("2025Q4");
        assertThat(Rankings.Quarter.of(LocalDate.of(2026, 12, 5)).code()).isEqualTo("2026Q4");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rankings.Quarter.parse("2026Q5"))
                .hasMessage("考评期间应为季度，如 2026Q3。");
        assertThat(Rankings.percent(3, 4)).isEqualByComparingTo("75.0");
        assertThat(Rankings.percent(0, 0)).as("nothing to do counts as done").isEqualByComparingTo("100.0");
    }
}
