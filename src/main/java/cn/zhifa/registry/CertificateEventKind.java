package cn.zhifa.registry;

/** What happened to a 行政执法证: 发证, 换证（延期）, 暂扣, 恢复, 注销, and the change of the holder's township. */
public enum CertificateEventKind {
    ISSUED("发证"),
    RENEWED("换证延期"),
    SUSPENDED("暂扣"),
    REINSTATED("恢复"),
    REVOKED("注销"),
    TOWN_CHANGED("调整负责乡镇");

    private final String label;

    CertificateEventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
