package cn.zhifa.casework.internal.records;

/** Where an investigation record stands in its lifecycle (see {@link InvestigationRecord}). */
public enum RecordState {
    DRAFT("草稿"),
    AWAITING_APPROVAL("待负责人批准"),
    APPROVED("负责人已批准，待签发"),
    SIGNED("已签名"),
    SIGNATURE_REFUSED("当事人拒绝签名（已记录）"),
    ISSUED("已签发"),
    DECIDED("已作出处理决定");

    private final String label;

    RecordState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
