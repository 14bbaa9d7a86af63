package cn.zhifa.training.internal;

/** 题型: one right option, several (all-or-nothing), or 判断 (正确/错误). */
public enum QuestionKind {
    SINGLE("单选题"), MULTIPLE("多选题"), TRUE_FALSE("判断题");

    private final String label;

    QuestionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static QuestionKind ofLabel(String text) {
        for (QuestionKind kind : values()) {
            if (kind.label.equals(text) || kind.label.substring(0, 2).equals(text)) {
                return kind;
            }
        }
        return null;
    }
}
