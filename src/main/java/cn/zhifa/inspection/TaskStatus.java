package cn.zhifa.inspection;

/** ASSIGNED → IN_PROGRESS (a record was started) → DONE (the record was submitted); or CANCELLED. */
public enum TaskStatus {
    ASSIGNED("待检查"),
    IN_PROGRESS("检查中"),
    DONE("已完成"),
    CANCELLED("已取消");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
