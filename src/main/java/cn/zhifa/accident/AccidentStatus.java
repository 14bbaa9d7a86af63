package cn.zhifa.accident;

/** Where an accident stands: 快报 → 调查 → 调查报告 → 批复 → 评估. */
public enum AccidentStatus {
    REPORTED("已快报"),
    INVESTIGATING("调查中"),
    REPORT_SUBMITTED("调查报告待批复"),
    APPROVED("已批复"),
    EVALUATED("已评估");

    private final String label;

    AccidentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
