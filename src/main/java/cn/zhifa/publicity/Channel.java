package cn.zhifa.publicity;

/** Where a decision is made public: the authority's own portal and the exchange channels. */
public enum Channel {
    PORTAL("本机关门户网站"),
    CREDIT_CHINA("信用中国"),
    ENTERPRISE_CREDIT("国家企业信用信息公示系统"),
    SUPERVISION_PLATFORM("行政执法监督平台");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
