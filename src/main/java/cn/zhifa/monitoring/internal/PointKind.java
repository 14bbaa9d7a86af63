package cn.zhifa.monitoring.internal;

/** 重大危险源 sensor (a measured quantity with alarm thresholds) or a video point. */
public enum PointKind {
    SENSOR("监测传感器"),
    VIDEO("视频监控点");

    private final String label;

    PointKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
