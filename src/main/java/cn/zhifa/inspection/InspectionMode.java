package cn.zhifa.inspection;

/** 现场 on the premises, or 线上 (monitoring data, video, documents), counted as its own kind. */
public enum InspectionMode {
    ON_SITE("现场检查"),
    ONLINE("线上检查");

    private final String label;

    InspectionMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
