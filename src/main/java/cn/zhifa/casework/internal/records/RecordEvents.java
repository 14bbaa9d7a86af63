package cn.zhifa.casework.internal.records;

import cn.zhifa.casework.OnsiteKind;
import cn.zhifa.casework.PreservationDecision;
import java.time.Instant;
import java.time.LocalDate;

/** What happened to an {@link InvestigationRecord}, registered by its transitions. */
public final class RecordEvents {

    private RecordEvents() {
    }

    public record PreservationApprovalRequested(long caseId, String reason, Instant at) {
    }

    public record PreservationApproved(long caseId, Long recordId, String approvedBy, boolean afterwards, Instant at) {
    }

    public record RecordSigned(long caseId, OnsiteKind kind, boolean refusalRecorded) {
    }

    public record RecordIssued(long caseId, Long recordId, OnsiteKind kind, String documentNumber, Instant at) {
    }

    public record PreservationDecided(long caseId, Long recordId, PreservationDecision decision, LocalDate decidedOn,
                                      boolean late) {
    }
}
