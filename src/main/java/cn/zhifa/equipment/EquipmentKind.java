package cn.zhifa.equipment;

/** The kinds of enforcement equipment a unit registers. */
public enum EquipmentKind {
    RECORDER("执法记录仪", "台"),
    TERMINAL("执法终端", "台"),
    PRINTER("便携打印机", "台"),
    VEHICLE("车辆", "辆"),
    INTERVIEW_ROOM("询问室", "间"),
    DETECTOR("检测仪器", "台");

    private final String label;
    private final String measure;

    EquipmentKind(String label, String measure) {
        this.label = label;
        this.measure = measure;
    }

    public String label() {
        return label;
    }

    /** The unit a count of this kind is printed with (台, 辆, 间). */
    public String measure() {
        return measure;
    }
}
