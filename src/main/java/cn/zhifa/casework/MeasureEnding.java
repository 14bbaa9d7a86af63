package cn.zhifa.casework;

/** How a 查封/扣押 ended: 解除 (行政强制法第二十八条) or a 处理决定 on the objects (e.g. 没收). */
public enum MeasureEnding {
    RELEASED("解除"),
    DISPOSED("作出处理决定");

    private final String label;

    MeasureEnding(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
