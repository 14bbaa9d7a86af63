package cn.zhifa.hazard;

import java.time.LocalDate;

/**
 * A hazard was not rectified by its deadline. Casework listens and proposes a case with
 * {@code suggestedArticle} (安全生产法第一百零二条) pre-selected. Published once per deadline.
 */
public record HazardOverdue(long hazardId, long organizationId, long enterpriseId, String enterpriseName,
                            String description, HazardLevel level, LocalDate deadline, LocalDate detectedOn,
                            String legalBasis, String suggestedArticle, Long foundBy, Long campaignId) {

    /** A hazard found outside any 专项. */
    public HazardOverdue(long hazardId, long organizationId, long enterpriseId, String enterpriseName, String description,
                         HazardLevel level, LocalDate deadline, LocalDate detectedOn, String legalBasis,
                         String suggestedArticle, Long foundBy) {
        this(hazardId, organizationId, enterpriseId, enterpriseName, description, level, deadline, detectedOn, legalBasis,
                suggestedArticle, foundBy, null);
    }
}
