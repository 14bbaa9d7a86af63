package cn.zhifa.casework;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A 查封 or 扣押 on a case (行政强制法第二十四条至第二十八条), part of the {@link PenaltyCase} aggregate; its objects
 * are the case's {@link SeizedObject}s with the same {@code number}. Its term is law's {@code SEIZURE} period from
 * {@code appliedOn}, {@code SEIZURE_EXTENDED} after the one extension ({@link CasePeriods#measureDue}).
 */
public record CoerciveMeasure(int number, MeasureKind kind, String decisionNumber, String reason, String legalBasis,
                              LocalDate appliedOn, String approvedBy, boolean extended, LocalDate extendedOn,
                              String extensionReason, MeasureEnding ending, LocalDate endedOn, String endReason,
                              boolean emergency, Instant takenAt, Instant approvedAt, @JsonIgnore Long organizationId) {

    public CoerciveMeasure(int number, MeasureKind kind, String decisionNumber, String reason, String legalBasis,
                           LocalDate appliedOn, String approvedBy, boolean extended, LocalDate extendedOn,
                           String extensionReason, MeasureEnding ending, LocalDate endedOn, String endReason,
                           boolean emergency, Instant takenAt, Instant approvedAt) {
        this(number, kind, decisionNumber, reason, legalBasis, appliedOn, approvedBy, extended, extendedOn, extensionReason,
                ending, endedOn, endReason, emergency, takenAt, approvedAt, null);
    }

    CoerciveMeasure keyed(long organizationId) {
        return new CoerciveMeasure(number, kind, decisionNumber, reason, legalBasis, appliedOn, approvedBy, extended,
                extendedOn, extensionReason, ending, endedOn, endReason, emergency, takenAt, approvedAt, organizationId);
    }

    /** Taken on the spot in an emergency and not yet approved by the head (行政强制法第十九条: 补办批准手续). */
    public boolean pendingApproval() {
        return emergency && approvedBy == null && active();
    }

    /** The last instant the head may still approve an emergency measure. */
    public Instant approvalDeadline(Duration window) {
        return takenAt.plus(window);
    }

    CoerciveMeasure approved(String by, Instant at) {
        return new CoerciveMeasure(number, kind, decisionNumber, reason, legalBasis, appliedOn, by, extended, extendedOn,
                extensionReason, ending, endedOn, endReason, emergency, takenAt, at, organizationId);
    }

    public boolean active() {
        return ending == null;
    }

    /** E.g. "扣押（第1号）". */
    public String title() {
        return kind.label() + "（第" + number + "号）";
    }

    CoerciveMeasure numbered(String number) {
        return new CoerciveMeasure(this.number, kind, number, reason, legalBasis, appliedOn, approvedBy, extended, extendedOn,
                extensionReason, ending, endedOn, endReason, emergency, takenAt, approvedAt, organizationId);
    }

    CoerciveMeasure extend(LocalDate on, String why) {
        return new CoerciveMeasure(number, kind, decisionNumber, reason, legalBasis, appliedOn, approvedBy, true, on, why,
                ending, endedOn, endReason, emergency, takenAt, approvedAt, organizationId);
    }

    CoerciveMeasure end(MeasureEnding how, LocalDate on, String why) {
        return new CoerciveMeasure(number, kind, decisionNumber, reason, legalBasis, appliedOn, approvedBy, extended, extendedOn,
                extensionReason, how, on, why, emergency, takenAt, approvedAt, organizationId);
    }
}
