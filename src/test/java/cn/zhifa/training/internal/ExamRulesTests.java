package cn.zhifa.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.shared.RuleViolation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drawing a paper by rules, scoring and the time limit, on a fixed 题库 and fixed instants. */
class ExamRulesTests {

    private static final List<Question> BANK = bank();

    private static List<Question> bank() {
        List<Question> bank = new ArrayList<>();
        long id = 1;
        for (String law : List.of("安全生产法", "行政处罚法")) {
            for (int difficulty = 1; difficulty <= 3; difficulty++) {
                for (int i = 0; i < 6; i++) {
                    bank.add(new Question(id++, QuestionKind.SINGLE, law + "题" + id, List.of("甲", "乙", "丙", "丁"), "A", null,
                            law, null, "共性", null, difficulty));
                }
            }
        }
        return bank;
    }

    private static final List<DrawRule> RULES = List.of(new DrawRule("安全生产法", 1, 4), new DrawRule("安全生产法", 3, 2),
            new DrawRule("行政处罚法", 2, 5));

    @Test
    void the_same_bank_rules_and_seed_always_draw_the_same_paper() {
        assertThat(PaperDrawing.draw(BANK, RULES, 42L)).isEqualTo(PaperDrawing.draw(BANK, RULES, 42L));
        assertThat(PaperDrawing.draw(BANK, RULES, 42L)).isNotEqualTo(PaperDrawing.draw(BANK, RULES, 43L));
    }

    @Test
    void each_rule_draws_its_count_of_its_law_and_difficulty_and_no_question_twice() {
        for (long seed = 0; seed < 50; seed++) {
            List<Long> paper = PaperDrawing.draw(BANK, RULES, seed);
            assertThat(paper).hasSize(11);
            assertThat(new HashSet<>(paper)).hasSize(11);
            List<Question> drawn = paper.stream().map(id -> BANK.get((int) (id - 1))).toList();
            assertThat(drawn.subList(0, 4)).allMatch(q -> q.law().equals("安全生产法") && q.difficulty() == 1);
            assertThat(drawn.subList(4, 6)).allMatch(q -> q.law().equals("安全生产法") && q.difficulty() == 3);
            assertThat(drawn.subList(6, 11)).allMatch(q -> q.law().equals("行政处罚法") && q.difficulty() == 2);
        }
    }

    @Test
    void two_rules_on_the_same_pool_never_repeat_a_question_and_a_rule_asking_too_many_is_refused_with_the_reason() {
        List<Long> paper = PaperDrawing.draw(BANK, List.of(new DrawRule("安全生产法", 1, 3), new DrawRule("安全生产法", 1, 3)), 7L);
        assertThat(new HashSet<>(paper)).hasSize(6);
        assertThatThrownBy(() -> PaperDrawing.draw(BANK, List.of(new DrawRule("安全生产法", 1, 4), new DrawRule("安全生产法", 1, 3)), 7L))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("只有 2 道").hasMessageContaining("要求的 3 道");
        assertThatThrownBy(() -> PaperDrawing.draw(BANK, List.of(), 7L)).hasMessageContaining("至少填写一条组卷规则");
    }

    @Test
    void a_multiple_choice_scores_only_when_exactly_right_and_the_pass_mark_decides() {
        Question multi = new Question(1, QuestionKind.MULTIPLE, "多选", List.of("a", "b", "c", "d"), "ACD", null, "法", null, "共性", null, 2);
        Question single = new Question(2, QuestionKind.SINGLE, "单选", List.of("a", "b"), "B", null, "法", null, "共性", null, 1);
        List<Question> paper = List.of(multi, single);
        BigDecimal pass = new BigDecimal("60");

        assertThat(Scoring.score(paper, Map.of(1L, "DCA", 2L, "B"), pass).score()).isEqualByComparingTo("100");
        assertThat(Scoring.score(paper, Map.of(1L, "AC", 2L, "B"), pass)).satisfies(r -> {
            assertThat(r.score()).as("one option missing earns nothing").isEqualByComparingTo("50");
            assertThat(r.passed()).isFalse();
        });
        assertThat(Scoring.score(paper, Map.of(1L, "ABCD", 2L, "B"), pass).correct()).as("one option too many").isEqualTo(1);
        assertThat(Scoring.score(paper, Map.of(2L, "b"), pass).correct()).as("unanswered is wrong, case ignored").isEqualTo(1);
        assertThat(Scoring.score(List.of(multi, single, single), Map.of(1L, "ACD", 2L, "B"), pass))
                .satisfies(r -> assertThat(r.passed()).isTrue());
    }

    @Test
    void an_answer_after_the_time_limit_and_grace_is_refused_and_a_second_one_too() {
        ExamWindow window = new ExamWindow(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), Duration.ofMinutes(30), Duration.ofSeconds(30));
        Instant start = Instant.parse("2026-11-10T01:00:00Z");
        Instant deadline = window.deadline(start);
        assertThat(deadline).isEqualTo(Instant.parse("2026-11-10T01:30:00Z"));
        Duration grace = Duration.ofSeconds(30);

        assertThat(ExamWindow.maySubmit(deadline, deadline.plusSeconds(30), grace, false).allowed()).isTrue();
        assertThat(ExamWindow.maySubmit(deadline, deadline.plusSeconds(31), grace, false).reason()).contains("已超过考试时限");
        assertThat(ExamWindow.maySubmit(deadline, start.plusSeconds(60), grace, true).reason()).contains("不能再次提交");
        assertThat(window.mayStart(LocalDate.of(2026, 10, 31)).reason()).contains("尚未开始");
        assertThat(window.mayStart(LocalDate.of(2026, 12, 1)).reason()).contains("已于 2026-11-30 结束");
        assertThat(window.mayStart(LocalDate.of(2026, 11, 30)).allowed()).isTrue();
    }

    @Test
    void a_question_with_an_answer_outside_its_options_or_two_answers_to_a_single_choice_is_refused() {
        assertThat(QuestionBank.problem(new QuestionBank.NewQuestion(QuestionKind.SINGLE, "题", List.of("a", "b"), "C", null, "法", null,
                null, null, 1))).contains("不在选项之内");
        assertThat(QuestionBank.problem(new QuestionBank.NewQuestion(QuestionKind.SINGLE, "题", List.of("a", "b"), "AB", null, "法", null,
                null, null, 1))).contains("只能有一个正确答案");
        assertThat(QuestionBank.problem(new QuestionBank.NewQuestion(QuestionKind.MULTIPLE, "题", List.of("a", "b", "c"), "AB", null, "法",
                null, null, null, 2))).isNull();
        assertThat(QuestionBank.problem(new QuestionBank.NewQuestion(QuestionKind.TRUE_FALSE, "题", List.of("正确", "错误"), "A", null, "",
                null, null, null, 1))).contains("法律法规");
    }

    @Test
    void the_demo_bank_holds_sixty_well_formed_questions_on_the_three_laws() {
        List<QuestionBank.NewQuestion> demo = DemoQuestions.all();
        assertThat(demo).hasSizeGreaterThanOrEqualTo(60);
        assertThat(demo).allSatisfy(q -> assertThat(QuestionBank.problem(q)).as(q.stem()).isNull());
        assertThat(demo).extracting(QuestionBank.NewQuestion::law).containsOnly("安全生产法", "行政处罚法", "行政强制法");
    }
}
