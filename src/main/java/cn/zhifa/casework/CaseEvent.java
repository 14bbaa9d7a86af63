package cn.zhifa.casework;

import cn.zhifa.law.AccidentGrade;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Past-tense events of the case lifecycle, registered by {@link PenaltyCase} and published on save. */
public sealed interface CaseEvent {

    Long caseId();

    record CaseProposed(Long caseId, CaseSource source, String sourceReference) implements CaseEvent { }

    /** 立案; {@code enterpriseId} the firm the case is against (null for a natural person). */
    record CaseFiled(Long caseId, LocalDate filedOn, Long enterpriseId) implements CaseEvent { }

    record PenaltyProposed(Long caseId, BigDecimal fineYuan, Tier tier, boolean legalReviewRequired) implements CaseEvent { }

    record LegalReviewCompleted(Long caseId, ReviewOpinion opinion) implements CaseEvent { }

    record PartyNotified(Long caseId, LocalDate notifiedOn, boolean hearingRight) implements CaseEvent { }

    record HearingHeld(Long caseId, LocalDate heldOn) implements CaseEvent { }

    /**
     * 作出行政处罚决定; carries what listeners (credit) need without reading the case back: the deciding unit, the case
     * number, its kind and accident grade (null when not an accident case or not graded) and title.
     */
    record PenaltyDecided(Long caseId, Long enterpriseId, String decisionNumber, BigDecimal fineYuan, LocalDate decidedOn,
                          Long organizationId, String caseNumber, CaseKind kind, AccidentGrade accidentGrade, String title)
            implements CaseEvent {

        /** The decision alone (the case's unit, kind, grade and title unknown). */
        public PenaltyDecided(Long caseId, Long enterpriseId, String decisionNumber, BigDecimal fineYuan, LocalDate decidedOn) {
            this(caseId, enterpriseId, decisionNumber, fineYuan, decidedOn, null, null, null, null, null);
        }
    }

    record DecisionServed(Long caseId, LocalDate servedOn) implements CaseEvent { }

    record FinePaid(Long caseId, BigDecimal amountYuan, LocalDate paidOn) implements CaseEvent { }

    record CaseEnded(Long caseId, CaseStage stage, LocalDate endedOn) implements CaseEvent { }

    record CoerciveMeasureApplied(Long caseId, int number, MeasureKind kind, LocalDate appliedOn, LocalDate dueOn)
            implements CaseEvent { }

    record CoerciveMeasureExtended(Long caseId, int number, LocalDate dueOn) implements CaseEvent { }

    record CoerciveMeasureEnded(Long caseId, int number, MeasureEnding ending, LocalDate endedOn) implements CaseEvent { }
}
