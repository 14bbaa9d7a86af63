package cn.zhifa.planning;

/** 起草 → 集体审议 → 分管领导批准 → 报上级备案 → 公开 (published plans are frozen). */
public enum PlanStatus {
    DRAFT("起草"), DELIBERATED("已集体审议"), APPROVED("分管领导已批准"), FILED("已报上级备案"), PUBLISHED("已公开");

    private final String label;

    PlanStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
