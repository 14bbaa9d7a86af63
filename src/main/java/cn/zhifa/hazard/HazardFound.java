package cn.zhifa.hazard;

import java.time.LocalDate;

/** Officers found a hazard and ordered its rectification (registered from a record, freely, or a confirmed self-report). */
public record HazardFound(long hazardId, long organizationId, long enterpriseId, String enterpriseName, HazardLevel level,
                          String description, LocalDate foundOn) {

    static HazardFound of(Hazard hazard) {
        return of(hazard.getId(), hazard);
    }

    /** A hazard just written under {@code id} (the aggregate as found, before it was given its id). */
    static HazardFound of(long id, Hazard hazard) {
        return new HazardFound(id, hazard.getOrganizationId(), hazard.getEnterpriseId(),
                hazard.getEnterpriseName(), hazard.getLevel(), hazard.getDescription(), hazard.getFoundOn());
    }
}
