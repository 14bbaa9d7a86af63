package cn.zhifa.hazard;

import java.util.List;

/** Hazards found in a year: major, rectified (销号), overdue now, rectification rate; per officer and unit. */
public record HazardStatistics(int year, long found, long major, long rectified, long majorRectified, long overdue,
                               List<Row> perOfficer, List<Row> perUnit) {

    /** 整改率 in percent, one decimal; 100 when nothing was found. */
    public double rectificationRate() {
        return found == 0 ? 100.0 : Math.round(rectified * 1000.0 / found) / 10.0;
    }

    public record Row(long id, String name, long found, long major, long rectified, long overdue) {
    }
}
