package cn.zhifa.casework;

/** Where a case comes from (案件来源). */
public enum CaseSource {
    INSPECTION("监督检查发现"),
    HAZARD("隐患逾期未整改"),
    COMPLAINT("投诉举报"),
    ACCIDENT("事故调查"),
    TRANSFER("其他机关移送");

    private final String label;

    CaseSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
