package cn.zhifa.supervision.fault;

/** How a 执法过错 came to light. */
public enum FaultFoundBy {
    CASE_REVIEW("案卷评查"),
    REVIEW_OUTCOME("行政复议、诉讼结果"),
    COMPLAINT("投诉举报"),
    SUPERVISION("执法监督检查"),
    OTHER("其他");

    private final String label;

    FaultFoundBy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
