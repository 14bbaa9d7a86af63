package cn.zhifa.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A submitted inspection record with its GPS position, for the dashboard's map. */
public record InspectionPoint(long recordId, String enterpriseName, String unitName, LocalDate on, BigDecimal latitude,
                              BigDecimal longitude) {
}
