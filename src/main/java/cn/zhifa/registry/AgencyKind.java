package cn.zhifa.registry;

/** Kinds of third-party safety agencies (第三方机构). */
public enum AgencyKind {
    EVALUATION("安全评价"),
    TESTING("检测检验"),
    TRAINING("安全培训"),
    CONSULTING("安全咨询");

    private final String label;

    AgencyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
