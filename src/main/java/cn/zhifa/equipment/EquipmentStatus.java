package cn.zhifa.equipment;

/** 在用, 维修, 报废. */
public enum EquipmentStatus {
    IN_USE("在用"),
    REPAIR("维修"),
    SCRAPPED("报废");

    private final String label;

    EquipmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
