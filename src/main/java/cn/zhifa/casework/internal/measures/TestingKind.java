package cn.zhifa.casework.internal.measures;

/** What the seized or sealed goods are sent for (行政强制法第二十五条第三款). */
public enum TestingKind {
    DETECTION("检测"),
    INSPECTION("检验"),
    QUARANTINE("检疫"),
    APPRAISAL("技术鉴定");

    private final String label;

    TestingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
