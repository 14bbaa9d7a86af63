package cn.zhifa.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.shared.RuleViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 逢查必考: drawing from the 应知应会 set of an industry, scoring and the record's line, without Spring. */
class SpotQuizTests {

    private static final SpotQuizRules RULES = new SpotQuizRules(5, 10, 5, new BigDecimal("60"), null, null, "测试");
    private static final List<Question> BANK = bank();

    private static List<Question> bank() {
        List<Question> bank = new ArrayList<>();
        long id = 1;
        for (String industry : new String[] {"危化", "工贸", null}) {
            for (int i = 0; i < 6; i++) {
                bank.add(new Question(id++, QuestionKind.SINGLE, "题" + id, List.of("甲", "乙"), "A", null, "安全生产法", null,
                        SpotQuiz.AUDIENCE, industry, 1));
            }
        }
        for (int i = 0; i < 6; i++) { // officers' questions never go to a firm
            bank.add(new Question(id++, QuestionKind.SINGLE, "执法题" + id, List.of("甲", "乙"), "A", null, "安全生产法", null,
                    "共性", "危化", 1));
        }
        return bank;
    }

    private static Question byId(long id) {
        return BANK.stream().filter(q -> q.id() == id).findFirst().orElseThrow();
    }

    @Test
    void draws_only_the_firms_industry_and_the_common_questions_for_firms_staff() {
        for (long seed = 0; seed < 20; seed++) {
            List<Long> drawn = SpotQuiz.draw(BANK, "危化", 10, seed, RULES);
            assertThat(drawn).hasSize(10).doesNotHaveDuplicates();
            assertThat(drawn).allSatisfy(id -> {
                Question q = byId(id);
                assertThat(q.post()).isEqualTo(SpotQuiz.AUDIENCE);
                assertThat(q.industry()).isIn("危化", null);
            });
        }
    }

    @Test
    void the_same_seed_draws_the_same_questions_and_seeds_differ() {
        assertThat(SpotQuiz.draw(BANK, "工贸", 5, 42, RULES)).isEqualTo(SpotQuiz.draw(BANK, "工贸", 5, 42, RULES));
        var papers = new HashSet<List<Long>>();
        for (long seed = 0; seed < 10; seed++) {
            papers.add(SpotQuiz.draw(BANK, "工贸", 5, seed, RULES));
        }
        assertThat(papers).hasSizeGreaterThan(1);
    }

    @Test
    void the_count_must_lie_within_the_configured_range_and_the_set_must_be_large_enough() {
        assertThatThrownBy(() -> SpotQuiz.draw(BANK, "危化", 4, 1, RULES)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("5–10");
        assertThatThrownBy(() -> SpotQuiz.draw(BANK, "危化", 11, 1, RULES)).isInstanceOf(RuleViolation.class);
        // 有限空间 has only the 6 common questions
        assertThatThrownBy(() -> SpotQuiz.draw(BANK, "有限空间", 7, 1, RULES)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("只有 6 道");
        assertThat(SpotQuiz.draw(BANK, "有限空间", 6, 1, RULES)).hasSize(6);
    }

    @Test
    void scores_out_of_100_with_the_configured_pass_mark_and_refuses_unanswered_questions() {
        List<Question> questions = SpotQuiz.draw(BANK, "危化", 5, 7, RULES).stream().map(SpotQuizTests::byId).toList();
        Map<Long, String> answers = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            answers.put(questions.get(i).id(), i < 3 ? "a" : "B");
        }
        Scoring.Result result = SpotQuiz.score(questions, answers, RULES);
        assertThat(result.correct()).isEqualTo(3);
        assertThat(result.score()).isEqualByComparingTo("60");
        assertThat(result.passed()).isTrue();

        answers.put(questions.get(0).id(), "B");
        Scoring.Result failed = SpotQuiz.score(questions, answers, RULES);
        assertThat(failed.score()).isEqualByComparingTo("40");
        assertThat(failed.passed()).isFalse();

        answers.remove(questions.get(4).id());
        assertThatThrownBy(() -> SpotQuiz.score(questions, answers, RULES)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("未作答");
    }

    @Test
    void the_record_line_names_person_post_count_score_and_verdict() {
        assertThat(SpotQuiz.line("张三", "安全管理员", 5, new BigDecimal("80.0"), true))
                .isEqualTo("逢查必考：张三（安全管理员）答题5道，得分80分（及格）");
        assertThat(SpotQuiz.line("李四", "主要负责人", 6, new BigDecimal("33.3"), false))
                .isEqualTo("逢查必考：李四（主要负责人）答题6道，得分33.3分（不及格）");
    }

    @Test
    void configuration_defaults_follow_the_issue() {
        SpotQuizRules defaults = new SpotQuizRules(0, 0, 0, null, null, null, null);
        assertThat(defaults.minCount()).isEqualTo(5);
        assertThat(defaults.maxCount()).isEqualTo(10);
        assertThat(defaults.findingTitle()).isEqualTo("安全生产教育和培训不到位");
        assertThat(defaults.findingBasis()).contains("第二十八条");
    }

    @Test
    void the_demo_set_is_valid_and_covers_each_industry_with_enough_questions() {
        List<QuestionBank.NewQuestion> demo = DemoSpotQuestions.all();
        assertThat(demo).hasSizeGreaterThanOrEqualTo(30);
        assertThat(demo).allSatisfy(q -> {
            assertThat(QuestionBank.problem(q)).as(q.stem()).isNull();
            assertThat(q.post()).isEqualTo(SpotQuiz.AUDIENCE);
        });
        List<Question> bank = new ArrayList<>();
        for (int i = 0; i < demo.size(); i++) {
            QuestionBank.NewQuestion q = demo.get(i);
            bank.add(new Question(i + 1, q.kind(), q.stem(), q.options(), q.answer(), q.explanation(), q.law(), q.article(),
                    q.post(), q.industry(), q.difficulty()));
        }
        for (String industry : List.of("危化", "工贸", "有限空间", "粉尘涉爆")) {
            assertThat(SpotQuiz.draw(bank, industry, RULES.maxCount(), 1, RULES)).as(industry).hasSize(RULES.maxCount());
        }
    }

    @Test
    void officers_exam_papers_never_draw_the_questions_for_firms_staff() {
        // BANK: 18 firm-staff questions and 6 officers' questions on 安全生产法, difficulty 1
        assertThat(PaperDrawing.draw(BANK, List.of(new DrawRule("安全生产法", 1, 6)), 3))
                .allSatisfy(id -> assertThat(byId(id).post()).isEqualTo("共性"));
        assertThatThrownBy(() -> PaperDrawing.draw(BANK, List.of(new DrawRule("安全生产法", 1, 7)), 3))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("只有 6 道");
    }
}
