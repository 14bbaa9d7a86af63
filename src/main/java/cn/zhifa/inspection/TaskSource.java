package cn.zhifa.inspection;

/** Where an inspection task comes from. */
public enum TaskSource {
    PLAN("年度计划"),
    DRAW("双随机抽查"),
    CAMPAIGN("专项行动"),
    COMPLAINT("举报投诉"),
    ACCIDENT("事故调查"),
    AD_HOC("临时检查");

    private final String label;

    TaskSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
