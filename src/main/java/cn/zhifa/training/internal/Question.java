package cn.zhifa.training.internal;

import java.util.List;

/**
 * A question of the 题库: its options in order (A, B, C …), the letters of the right ones, the explanation and the
 * law and article it tests, the post (共性 or a post) and industry it is for, and its difficulty (1 基础, 2 中等, 3 较难).
 */
public record Question(long id, QuestionKind kind, String stem, List<String> options, String answer, String explanation,
                       String law, String article, String post, String industry, int difficulty) {

    public static final List<String> DIFFICULTIES = List.of("基础", "中等", "较难");

    public Question {
        options = List.copyOf(options);
        answer = Answers.normalize(answer);
    }

    public String difficultyLabel() {
        return DIFFICULTIES.get(difficulty - 1);
    }

    public boolean answeredBy(String given) {
        return answer.equals(Answers.normalize(given));
    }

    /** Option letter → text, for the page. */
    public List<Option> lettered() {
        return java.util.stream.IntStream.range(0, options.size())
                .mapToObj(i -> new Option(String.valueOf((char) ('A' + i)), options.get(i))).toList();
    }

    public record Option(String letter, String text) {
    }
}
