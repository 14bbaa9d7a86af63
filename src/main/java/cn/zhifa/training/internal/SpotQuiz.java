package cn.zhifa.training.internal;

import cn.zhifa.shared.RuleViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * 逢查必考: the officer draws questions of the 应知应会 set (audience {@link #AUDIENCE}, the firm's industry or no
 * industry = every industry) for the firm's principal or safety manager, records the answers, and the score follows
 * {@link Scoring}. The candidates are taken in id order and shuffled by a {@link Random} seeded with the stored seed,
 * so a quiz can be drawn again identically. The record prints {@link #line}.
 */
final class SpotQuiz {

    /** The 题库 "post" the 应知应会 questions are filed under: they are for firms' staff, not officers. */
    static final String AUDIENCE = "企业人员";

    private SpotQuiz() {
    }

    static List<Long> draw(List<Question> bank, String industry, int count, long seed, SpotQuizRules rules) {
        if (count < rules.minCount() || count > rules.maxCount()) {
            throw new RuleViolation("逢查必考每次抽取 " + rules.minCount() + "–" + rules.maxCount() + " 道题，不能是 " + count + " 道。");
        }
        List<Question> pool = new ArrayList<>(bank.stream()
                .filter(q -> AUDIENCE.equals(q.post()) && (q.industry() == null || q.industry().equals(industry)))
                .sorted(Comparator.comparingLong(Question::id)).toList());
        if (pool.size() < count) {
            throw new RuleViolation("“" + (industry == null ? "通用" : industry) + "”的应知应会题目只有 " + pool.size()
                    + " 道，少于要抽取的 " + count + " 道，请先补充题库。");
        }
        Collections.shuffle(pool, new Random(seed));
        return pool.subList(0, count).stream().map(Question::id).toList();
    }

    static Scoring.Result score(List<Question> questions, Map<Long, String> answers, SpotQuizRules rules) {
        for (Question q : questions) {
            if (Answers.normalize(answers.get(q.id())).isEmpty()) {
                throw new RuleViolation("还有题目未作答，请逐题记录被考人员的回答。");
            }
        }
        return Scoring.score(questions, answers, rules.passMark());
    }

    /** "逢查必考：张三（安全管理员）答题5道，得分80分（及格）", the line of the 现场检查记录. */
    static String line(String person, String post, int total, BigDecimal score, boolean passed) {
        return "逢查必考：" + person + "（" + post + "）答题" + total + "道，得分" + score.stripTrailingZeros().toPlainString()
                + "分（" + (passed ? "及格" : "不及格") + "）";
    }
}
