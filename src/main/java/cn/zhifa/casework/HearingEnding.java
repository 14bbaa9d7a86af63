package cn.zhifa.casework;

/**
 * How a requested hearing ends without being held: the party withdraws the request, or does not appear or leaves
 * without permission (行政处罚法第六十四条第六项: 视为放弃听证权利，行政机关终止听证).
 */
public enum HearingEnding {
    WITHDRAWN("当事人撤回听证申请"),
    ABSENT("当事人无正当理由拒不出席听证"),
    LEFT("当事人未经许可中途退出听证");

    private final String label;

    HearingEnding(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
