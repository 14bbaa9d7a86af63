package cn.zhifa.planning;

/** 已冻结（候选名单与承诺已公布） → 已抽取（种子公开）; a draw may be voided only with an audited reason. */
public enum DrawStatus {
    FROZEN("已冻结待抽取"), DRAWN("已抽取"), VOIDED("已作废");

    private final String label;

    DrawStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
