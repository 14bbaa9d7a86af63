package cn.zhifa.casework;

import java.time.LocalDate;

/**
 * A 先行登记保存 record with its decision period: preserved on {@code preservedOn}, the decision due on {@code due}
 * (law's configured period on the legal calendar) and, once made, the decision, its date and reason; {@code late}
 * when it was dated after the due day (逾期作出).
 */
public record PreservedEvidence(long recordId, long caseId, LocalDate preservedOn, LocalDate due, PreservationDecision decision,
                                LocalDate decidedOn, String reason, boolean late, String decidedBy) {

    public boolean decided() {
        return decision != null;
    }
}
