package cn.zhifa.inspection;

/** The result of one checklist item. */
public enum ItemOutcome {
    CONFORMS("符合"),
    FAILS("不符合"),
    NOT_APPLICABLE("不涉及");

    private final String label;

    ItemOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
