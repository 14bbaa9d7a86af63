package cn.zhifa.township;

/** How a township holds a power: 赋权 (its own name) or 委托 (the bureau's name). */
public enum PowerMode {
    GRANTED("赋权"),
    ENTRUSTED("委托");

    private final String label;

    PowerMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
