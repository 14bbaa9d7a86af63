package cn.zhifa.supervision;

import java.util.List;

/** The dashboard of a year: every unit in the caller's scope, and the month trend of the whole scope. */
public record Overview(int year, List<UnitFigures> units, MonthTrend trend) {

    /** Per month (index 0 = January): inspections, hazards found, cases filed. */
    public record MonthTrend(List<Long> inspections, List<Long> hazardsFound, List<Long> casesFiled) {
    }
}
