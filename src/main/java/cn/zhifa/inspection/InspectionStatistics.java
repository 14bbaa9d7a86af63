package cn.zhifa.inspection;

import java.util.List;
import java.util.Map;

/**
 * Visits (家次) and firms (家) of a year, by kind and mode, per officer and per unit. Corrected records
 * count once (only the submitted version).
 */
public record InspectionStatistics(int year, long visits, long firms, Map<InspectionKind, Long> visitsByKind,
                                   Map<InspectionMode, Long> visitsByMode, Map<InspectionKind, Long> firmsByKind,
                                   List<Row> perOfficer, List<Row> perUnit) {

    /** A named row: visits and firms. */
    public record Row(long id, String name, long visits, long firms) {
    }
}
