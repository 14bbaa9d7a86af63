package cn.zhifa.hazard;

import java.time.LocalDate;

/**
 * A leader flagged a hazard 曝光 (for the public 隐患曝光台) or took the flag back ({@code exposed} false).
 *
 * @param status the hazard's state label when flagged (e.g. 整改中)
 * @param demo   a demo hazard (removed with the demo data)
 */
public record HazardExposed(long hazardId, long organizationId, long enterpriseId, String enterpriseName, HazardLevel level,
                            String description, LocalDate foundOn, String status, boolean exposed, LocalDate on,
                            boolean demo) {
}
