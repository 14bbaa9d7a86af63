package cn.zhifa.monitoring.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The monitoring point form (page): checked field by field, each message in Chinese under its field. */
public record PointForm(PointKind kind, String tag, String name, String location, String quantity, String unitOfMeasure,
                        BigDecimal level1, BigDecimal level2, Integer version) {

    public static PointForm empty() {
        return new PointForm(PointKind.SENSOR, "", "", "", "", "", null, null, null);
    }

    public static PointForm of(MonitoringPoint p) {
        return new PointForm(p.kind(), p.tag(), p.name(), p.location(), p.quantity(), p.unitOfMeasure(), p.level1(),
                p.level2(), p.version());
    }

    /** Field → message; empty when the form may be saved. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (kind == null) {
            errors.put("kind", "请选择监测点类别。");
        }
        if (blank(tag)) {
            errors.put("tag", "请填写位号或点位编号。");
        } else if (tag.strip().length() > 40 || !tag.strip().matches("[A-Za-z0-9_.\\-]+")) {
            errors.put("tag", "位号只能由字母、数字和 - _ . 组成，不超过40个字符。");
        }
        if (blank(name) || name.strip().length() > 100) {
            errors.put("name", "请填写监测点名称（不超过100字）。");
        }
        if (location != null && location.strip().length() > 200) {
            errors.put("location", "安装位置不超过200字。");
        }
        if (kind == PointKind.VIDEO && blank(location)) {
            errors.put("location", "请填写视频监控点的安装位置。");
        }
        if (kind == PointKind.SENSOR) {
            if (blank(quantity) || quantity.strip().length() > 20) {
                errors.put("quantity", "请填写监测参数（如液位、温度、压力、可燃气体浓度，不超过20字）。");
            }
            if (blank(unitOfMeasure) || unitOfMeasure.strip().length() > 20) {
                errors.put("unitOfMeasure", "请填写计量单位（如 m、℃、MPa、%LEL）。");
            }
            if (level1 == null) {
                errors.put("level1", "请填写一级报警阈值。");
            }
            if (level2 == null) {
                errors.put("level2", "请填写二级报警阈值。");
            } else if (level1 != null && level2.compareTo(level1) <= 0) {
                errors.put("level2", "二级报警阈值须高于一级报警阈值。");
            }
        }
        return errors;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
