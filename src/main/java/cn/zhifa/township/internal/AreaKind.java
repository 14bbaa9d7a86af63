package cn.zhifa.township.internal;

/** The kind of area a 专职安全员 looks after. */
public enum AreaKind {
    VILLAGE("村"),
    COMMUNITY("社区"),
    PARK("园区");

    private final String label;

    AreaKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
