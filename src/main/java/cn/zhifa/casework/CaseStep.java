package cn.zhifa.casework;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One recorded procedural step: what, who (and in which role), on which day, with what opinion. {@code organizationId} is the case's, given by {@link PenaltyCase#keyChildren} before each save (none before).
 */
public record CaseStep(StepKind kind, Long actorId, String actorName, String actorRole, LocalDate occurredOn,
                       Instant recordedAt, String opinion, @JsonIgnore Long organizationId) {

    public CaseStep(StepKind kind, Long actorId, String actorName, String actorRole, LocalDate occurredOn,
                    Instant recordedAt, String opinion) {
        this(kind, actorId, actorName, actorRole, occurredOn, recordedAt, opinion, null);
    }

    CaseStep keyed(long organizationId) {
        return new CaseStep(kind, actorId, actorName, actorRole, occurredOn, recordedAt, opinion, organizationId);
    }

    public String label() {
        return kind.label();
    }
}
