package cn.zhifa.hazard;

/** The closed loop. */
public enum HazardStatus {
    REPORTED("企业自报待核实"),
    RECTIFYING("整改中"),
    RECTIFICATION_REPORTED("已报整改待复查"),
    REINSPECTED("复查合格待销号"),
    CLOSED("已销号");

    private final String label;

    HazardStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return this != CLOSED;
    }
}
