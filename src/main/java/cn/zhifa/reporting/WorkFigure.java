package cn.zhifa.reporting;

import java.math.BigDecimal;

/**
 * A figure of the bureau's other work in a year (learning and exams, 普法, emergency registers, accidents, online
 * patrols …) that its module reports through {@link FigureSource#workFigures}; the annual report prints each section
 * as a paragraph of "label value unit" clauses, the dashboard and the workbook as rows.
 *
 * @param section the report's heading for the group, e.g. {@code 执法能力建设}, {@code 普法宣传}, {@code 应急管理}
 * @param label   what is counted, in the report's words, e.g. {@code 组织执法人员培训}
 * @param value   the figure (a count, or money in 万元 with two decimals)
 * @param unit    its unit as printed, e.g. {@code 期}, {@code 人次}, {@code 万元}
 */
public record WorkFigure(String section, String label, BigDecimal value, String unit) {

    public static WorkFigure count(String section, String label, long value, String unit) {
        return new WorkFigure(section, label, BigDecimal.valueOf(value), unit);
    }

    /** "label value unit", as a clause of the report's sentence. */
    public String clause() {
        return label + value.stripTrailingZeros().toPlainString() + unit;
    }
}
