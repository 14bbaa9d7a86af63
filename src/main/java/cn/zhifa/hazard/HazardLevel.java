package cn.zhifa.hazard;

/** 一般事故隐患 or 重大事故隐患 (matches a criterion of the 判定标准). */
public enum HazardLevel {
    GENERAL("一般隐患"),
    MAJOR("重大隐患");

    private final String label;

    HazardLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
