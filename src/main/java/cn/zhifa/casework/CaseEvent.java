package cn.zhifa.casework;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Past-tense events of the case lifecycle, registered by {@link PenaltyCase} and published on save. */
public sealed interface CaseEvent {

    long caseId();

    record CaseProposed(long caseId, CaseSource source, String sourceReference) implements CaseEvent { }

    record CaseFiled(long caseId, LocalDate filedOn) implements CaseEvent { }

    record PenaltyProposed(long caseId, BigDecimal fineYuan, Tier tier, boolean legalReviewRequired) implements CaseEvent { }

    record LegalReviewCompleted(long caseId, ReviewOpinion opinion) implements CaseEvent { }

    record PartyNotified(long caseId, LocalDate notifiedOn, boolean hearingRight) implements CaseEvent { }

    record HearingHeld(long caseId, LocalDate heldOn) implements CaseEvent { }

    record PenaltyDecided(long caseId, Long enterpriseId, String decisionNumber, BigDecimal fineYuan, LocalDate decidedOn)
            implements CaseEvent { }

    record DecisionServed(long caseId, LocalDate servedOn) implements CaseEvent { }

    record FinePaid(long caseId, BigDecimal amountYuan, LocalDate paidOn) implements CaseEvent { }

    record CaseEnded(long caseId, CaseStage stage, LocalDate endedOn) implements CaseEvent { }
}
