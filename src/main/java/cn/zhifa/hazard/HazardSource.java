package cn.zhifa.hazard;

public enum HazardSource {
    INSPECTION("检查发现"),
    FREE("执法人员登记"),
    SELF_REPORT("企业自报");

    private final String label;

    HazardSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
