package cn.zhifa.publicity.internal;

/** The kinds of power a 权责清单 lists, in the order the list is printed. */
public enum PowerKind {
    PENALTY("行政处罚"),
    INSPECTION("行政检查"),
    COERCION("行政强制"),
    REWARD("行政奖励"),
    OTHER("其他行政权力");

    private final String label;

    PowerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
