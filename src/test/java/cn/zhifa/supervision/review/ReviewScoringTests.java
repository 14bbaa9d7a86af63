package cn.zhifa.supervision.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.shared.RuleViolation;
import cn.zhifa.supervision.review.ReviewScoring.Grade;
import cn.zhifa.supervision.review.ReviewScoring.Item;
import cn.zhifa.supervision.review.ReviewScoring.Mark;
import cn.zhifa.supervision.review.ReviewScoring.Result;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewScoringTests {

    static final List<Item> ITEMS = List.of(
            new Item(1, ReviewGroup.SUBJECT, "执法主体不合法", BigDecimal.ZERO, true),
            new Item(2, ReviewGroup.EVIDENCE, "证据链完整", new BigDecimal("40"), false),
            new Item(3, ReviewGroup.PROCEDURE, "程序完备", new BigDecimal("40"), false),
            new Item(4, ReviewGroup.DOCUMENTS, "文书规范", new BigDecimal("20"), false));
    static final ReviewScoring.Thresholds T = new ReviewScoring.Thresholds(new BigDecimal("90"), new BigDecimal("75"));

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void a_file_without_findings_keeps_the_full_points_and_is_excellent() {
        Result r = ReviewScoring.score(ITEMS, List.of(), T);
        assertThat(r.score()).isEqualByComparingTo("100");
        assertThat(r.grade()).isEqualTo(Grade.EXCELLENT);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void the_grade_follows_the_thresholds_at_their_edges() {
        assertThat(ReviewScoring.score(ITEMS, List.of(new Mark(2, d("10"), false, "询问笔录未签名")), T).grade())
                .isEqualTo(Grade.EXCELLENT);
        assertThat(ReviewScoring.score(ITEMS, List.of(new Mark(2, d("10.5"), false, "询问笔录未签名")), T).grade())
                .isEqualTo(Grade.PASS);
        Result pass = ReviewScoring.score(ITEMS, List.of(new Mark(2, d("15"), false, "a"), new Mark(3, d("10"), false, "b")), T);
        assertThat(pass.score()).isEqualByComparingTo("75");
        assertThat(pass.grade()).isEqualTo(Grade.PASS);
        Result fail = ReviewScoring.score(ITEMS, List.of(new Mark(2, d("15.5"), false, "a"), new Mark(3, d("10"), false, "b")), T);
        assertThat(fail.grade()).isEqualTo(Grade.FAIL);
        assertThat(fail.problems()).extracting(ReviewScoring.Problem::group)
                .containsExactly(ReviewGroup.EVIDENCE, ReviewGroup.PROCEDURE);
    }

    @Test
    void a_veto_fails_the_file_whatever_its_score() {
        Result r = ReviewScoring.score(ITEMS, List.of(new Mark(1, BigDecimal.ZERO, true, "委托组织无执法资格")), T);
        assertThat(r.score()).isEqualByComparingTo("100");
        assertThat(r.vetoed()).isTrue();
        assertThat(r.grade()).isEqualTo(Grade.FAIL);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.group()).isEqualTo(ReviewGroup.SUBJECT);
            assertThat(p.text()).contains("委托组织无执法资格");
        });
    }

    @Test
    void deductions_stay_within_the_item_and_findings_need_a_comment() {
        assertThatThrownBy(() -> ReviewScoring.score(ITEMS, List.of(new Mark(4, d("21"), false, "x")), T))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("0 至 20 分");
        assertThatThrownBy(() -> ReviewScoring.score(ITEMS, List.of(new Mark(4, d("-1"), false, "x")), T))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> ReviewScoring.score(ITEMS, List.of(new Mark(4, d("2"), false, " ")), T))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("评查意见");
        assertThatThrownBy(() -> ReviewScoring.score(ITEMS, List.of(new Mark(4, BigDecimal.ZERO, true, "x")), T))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不是否决项");
        assertThatThrownBy(() -> ReviewScoring.score(ITEMS, List.of(new Mark(9, d("1"), false, "x")), T))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不属于");
        assertThatThrownBy(() -> ReviewScoring.score(ITEMS,
                List.of(new Mark(2, d("1"), false, "x"), new Mark(2, d("1"), false, "y")), T))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("只能评一次");
    }
}
