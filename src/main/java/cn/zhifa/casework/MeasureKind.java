package cn.zhifa.casework;

/** 行政强制措施 on a case (行政强制法第九条第二、三项). */
public enum MeasureKind {
    SEAL("查封"),
    SEIZE("扣押");

    private final String label;

    MeasureKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
