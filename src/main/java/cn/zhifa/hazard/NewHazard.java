package cn.zhifa.hazard;

import java.time.LocalDate;
import java.util.List;

/** A hazard registered outside a checklist (free finding). */
public record NewHazard(Long organizationId, long enterpriseId, String enterpriseName, Long recordId, HazardLevel level,
                       String criterion, String location, String description, String legalBasis, LocalDate deadline,
                       boolean confirmNonWorkingDeadline, String immediateMeasure, List<Long> evidenceIds) {
}
