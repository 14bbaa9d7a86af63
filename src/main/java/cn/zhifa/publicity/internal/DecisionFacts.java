package cn.zhifa.publicity.internal;

import cn.zhifa.casework.PartyKind;
import cn.zhifa.casework.PenaltyDecisionRecorded;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What a publication copies from the decision. */
record DecisionFacts(Long caseId, String caseNumber, long organizationId, String decisionNumber, boolean person,
                     String partyName, String partyCode, String legalRepresentative, String partyAddress, String violation,
                     String facts, String basis, String penalty, String otherMeasures, BigDecimal fineYuan,
                     LocalDate decidedOn) {

    static DecisionFacts of(PenaltyDecisionRecorded d) {
        var party = d.party();
        return new DecisionFacts(d.caseId(), d.caseNumber(), d.organizationId(), d.decisionNumber(),
                party.kind() == PartyKind.PERSON, party.name(), party.code(), party.legalRepresentative(), party.address(),
                d.violation(), d.facts(), d.basis(), d.penalty(), d.otherMeasures(), d.fineYuan(), d.decidedOn());
    }
}
