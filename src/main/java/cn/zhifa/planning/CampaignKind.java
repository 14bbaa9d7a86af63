package cn.zhifa.planning;

/** 专项执法 campaigns seen in the seed reports, plus custom ones. */
public enum CampaignKind {
    CONFINED_SPACE("有限空间专项执法"), HOT_WORK("动火作业专项执法"), LIFE_EXITS("劳密企业“生命通道”专项执法"),
    RTO_SPRAYING("RTO设施及喷涂企业专项执法"), CUSTOM("自定义专项");

    private final String label;

    CampaignKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
