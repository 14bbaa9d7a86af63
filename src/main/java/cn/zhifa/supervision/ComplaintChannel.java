package cn.zhifa.supervision;

/** Where a complaint or report came in. */
public enum ComplaintChannel {
    HOTLINE_12350("12350 举报电话"),
    HOTLINE_12345("12345 热线"),
    MINISTRY_PLATFORM("应急管理部举报平台"),
    LETTER("来信"),
    VISIT("来访"),
    PHONE("电话"),
    OTHER("其他");

    private final String label;

    ComplaintChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
