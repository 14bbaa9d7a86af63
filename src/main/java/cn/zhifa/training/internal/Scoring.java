package cn.zhifa.training.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * 自动评分: every question weighs the same and earns its points only when the answer is exactly right (a multiple
 * choice with one option missing or one too many earns nothing); the score is out of 100, one decimal.
 */
final class Scoring {

    private Scoring() {
    }

    record Result(int correct, int total, BigDecimal score, boolean passed) {
    }

    static Result score(List<Question> questions, Map<Long, String> answers, BigDecimal passMark) {
        if (questions.isEmpty()) {
            return new Result(0, 0, BigDecimal.ZERO.setScale(1), false);
        }
        int correct = (int) questions.stream().filter(q -> q.answeredBy(answers.get(q.id()))).count();
        BigDecimal score = BigDecimal.valueOf(correct * 100L).divide(BigDecimal.valueOf(questions.size()), 1, RoundingMode.HALF_UP);
        return new Result(correct, questions.size(), score, score.compareTo(passMark) >= 0);
    }
}
