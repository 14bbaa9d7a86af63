package cn.zhifa.registry;

/** 行政执法证 status: 有效 / 暂扣 / 注销. */
public enum CertificateStatus {
    VALID("有效"),
    SUSPENDED("暂扣"),
    REVOKED("注销");

    private final String label;

    CertificateStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
