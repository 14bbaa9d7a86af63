package cn.zhifa.training.internal;

import java.util.TreeSet;

/** Answers as the sorted, distinct upper-case letters of the chosen options ("ca" and "A C" read "AC"). */
final class Answers {

    private Answers() {
    }

    static String normalize(String given) {
        if (given == null) {
            return "";
        }
        TreeSet<Character> letters = new TreeSet<>();
        for (char c : given.toUpperCase().toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                letters.add(c);
            }
        }
        StringBuilder out = new StringBuilder();
        letters.forEach(out::append);
        return out.toString();
    }
}
