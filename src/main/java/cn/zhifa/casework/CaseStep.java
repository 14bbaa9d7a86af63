package cn.zhifa.casework;

import java.time.Instant;
import java.time.LocalDate;

/** One recorded procedural step: what, who (and in which role), on which day, with what opinion. */
public record CaseStep(StepKind kind, Long actorId, String actorName, String actorRole, LocalDate occurredOn,
                       Instant recordedAt, String opinion) {

    public String label() {
        return kind.label();
    }
}
