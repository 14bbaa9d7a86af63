package cn.zhifa.accident;

/**
 * 事故类别 (GB 6441 的常用类别, with 道路交通 and 火灾 apart: their 续报 period is shorter, 条例第十三条).
 */
public enum AccidentKind {
    OBJECT_STRIKE("物体打击"),
    VEHICLE("车辆伤害"),
    MACHINERY("机械伤害"),
    LIFTING("起重伤害"),
    ELECTRIC_SHOCK("触电"),
    DROWNING("淹溺"),
    SCALD("灼烫"),
    FIRE("火灾"),
    FALL("高处坠落"),
    COLLAPSE("坍塌"),
    POISONING("中毒和窒息"),
    EXPLOSION("爆炸"),
    ROAD_TRAFFIC("道路交通事故"),
    OTHER("其他伤害");

    private final String label;

    AccidentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** 道路交通事故、火灾事故: 续报 within the shorter period. */
    public boolean roadOrFire() {
        return this == ROAD_TRAFFIC || this == FIRE;
    }
}
