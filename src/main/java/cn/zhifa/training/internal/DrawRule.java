package cn.zhifa.training.internal;

/** 组卷规则: draw {@code count} questions on {@code law} of the given difficulty (1–3). */
public record DrawRule(String law, int difficulty, int count) {

    /** "law|difficulty|count", as stored on the paper. */
    String line() {
        return law + "|" + difficulty + "|" + count;
    }

    static DrawRule parse(String line) {
        String[] parts = line.split("\\|");
        return new DrawRule(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }
}
