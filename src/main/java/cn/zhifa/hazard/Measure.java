package cn.zhifa.hazard;

/** 责令限期整改 (with a deadline, 责令限期整改指令书) or 现场处理措施 (现场处理措施决定书). */
public enum Measure {
    ORDER("责令限期整改"),
    IMMEDIATE("现场处理措施");

    private final String label;

    Measure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
