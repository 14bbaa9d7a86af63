package cn.zhifa.casework.internal.filing;

import java.time.LocalDate;

/** One 备案 a decision owes, with the case it belongs to and, once sent, the day and the reference number. */
public record CaseFiling(long id, long caseId, String caseNumber, String decisionNumber, String partyName, String title,
                         String unitName, FilingKind kind, String body, LocalDate decidedOn, LocalDate dueOn, LocalDate sentOn,
                         String referenceNumber, String recordedBy, FilingStatus status) {

    public String kindLabel() {
        return kind.label();
    }

    public String statusLabel() {
        return status.label();
    }

    /** Sent after the due day. */
    public boolean late() {
        return sentOn != null && sentOn.isAfter(dueOn);
    }
}
