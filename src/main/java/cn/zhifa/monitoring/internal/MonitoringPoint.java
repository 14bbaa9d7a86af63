package cn.zhifa.monitoring.internal;

import java.math.BigDecimal;

/**
 * A monitoring point of a firm. A sensor has its measured quantity (液位、温度、压力、可燃气体浓度 …), its unit and the
 * 一级 and 二级 alarm thresholds (二级 the more severe); a video point its name and location.
 */
public record MonitoringPoint(long id, long enterpriseId, long organizationId, PointKind kind, String tag, String name,
                              String location, String quantity, String unitOfMeasure, BigDecimal level1,
                              BigDecimal level2, boolean active, int version) {

    public String thresholds() {
        if (kind != PointKind.SENSOR) {
            return "";
        }
        return "一级 " + level1.stripTrailingZeros().toPlainString() + unitOfMeasure + " / 二级 "
                + level2.stripTrailingZeros().toPlainString() + unitOfMeasure;
    }

    public String describe() {
        return kind == PointKind.SENSOR ? name + "（" + quantity + "，" + thresholds() + "）"
                : name + (location == null ? "" : "（" + location + "）");
    }
}
