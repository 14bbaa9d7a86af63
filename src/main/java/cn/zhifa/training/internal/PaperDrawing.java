package cn.zhifa.training.internal;

import cn.zhifa.shared.RuleViolation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * 按规则组卷: each rule draws its count from the questions of its law and difficulty (never the 逢查必考 questions for
 * firms' staff), never one drawn before; the
 * candidates are taken in id order and shuffled by one {@link Random} seeded with the paper's seed, rule after rule,
 * so the same 题库, rules and seed always give the same paper (the seed is stored on it).
 */
final class PaperDrawing {

    private PaperDrawing() {
    }

    static List<Long> draw(List<Question> bank, List<DrawRule> rules, long seed) {
        if (rules.isEmpty()) {
            throw new RuleViolation("请至少填写一条组卷规则。");
        }
        Random random = new Random(seed);
        Set<Long> chosen = new HashSet<>();
        List<Long> paper = new ArrayList<>();
        for (DrawRule rule : rules) {
            if (rule.count() < 1) {
                throw new RuleViolation("组卷规则的题数应大于 0。");
            }
            List<Question> pool = new ArrayList<>(bank.stream()
                    .filter(q -> !SpotQuiz.AUDIENCE.equals(q.post()) && q.law().equals(rule.law()) && q.difficulty() == rule.difficulty()
                            && !chosen.contains(q.id()))
                    .sorted(Comparator.comparingLong(Question::id)).toList());
            if (pool.size() < rule.count()) {
                throw new RuleViolation("《" + rule.law() + "》难度“" + Question.DIFFICULTIES.get(rule.difficulty() - 1)
                        + "”的题目只有 " + pool.size() + " 道，少于规则要求的 " + rule.count() + " 道。");
            }
            java.util.Collections.shuffle(pool, random);
            for (Question q : pool.subList(0, rule.count())) {
                chosen.add(q.id());
                paper.add(q.id());
            }
        }
        return List.copyOf(paper);
    }
}
