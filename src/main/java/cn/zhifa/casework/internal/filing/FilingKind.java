package cn.zhifa.casework.internal.filing;

/** Why a decision is filed: 当场处罚 reported to the agency, or 重大行政处罚 filed with a body. */
public enum FilingKind {
    ON_THE_SPOT("当场处罚备案"),
    MAJOR("重大行政处罚备案");

    private final String label;

    FilingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
