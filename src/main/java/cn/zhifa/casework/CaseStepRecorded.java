package cn.zhifa.casework;

import java.time.LocalDate;
import java.util.List;

/**
 * A procedural step was recorded on a case (立案, 询问, 勘验, 决定, 送达 …): the officers who took part in it, for the
 * registry's participation rate (执法参与率). Registered by {@link PenaltyCase} with every step.
 *
 * @param enterpriseId the firm the case is against, or null for a natural person
 * @param officerIds   the step's actor, and for steps the handling officers do together (investigation records,
 *                     on-site measures, service) the 承办人 and the second 承办人
 * @param organizationId the case's unit (issue 18: an act on a case against no registered firm is kept under it)
 */
public record CaseStepRecorded(Long enterpriseId, StepKind kind, LocalDate occurredOn, List<Long> officerIds,
                               Long organizationId) {

    public CaseStepRecorded(Long enterpriseId, StepKind kind, LocalDate occurredOn, List<Long> officerIds) {
        this(enterpriseId, kind, occurredOn, officerIds, null);
    }
}
