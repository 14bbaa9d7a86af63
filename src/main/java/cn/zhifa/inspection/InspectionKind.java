package cn.zhifa.inspection;

/** 检查类别 as the annual reports count them. */
public enum InspectionKind {
    KEY("重点检查"),
    GENERAL("一般检查"),
    OTHER("其他检查");

    private final String label;

    InspectionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
