package cn.zhifa.casework.internal;

import cn.zhifa.audit.AuditRecord.Outcome;
import cn.zhifa.audit.AuditTrail;
import cn.zhifa.casework.CaseManagement;
import cn.zhifa.casework.PartyKind;
import cn.zhifa.casework.PartySnapshot;
import cn.zhifa.casework.ProposedCase;
import cn.zhifa.hazard.HazardOverdue;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A hazard not rectified by its deadline proposes a penalty case (安全生产法第一百零二条 pre-selected);
 * one case per hazard, so a republished event adds nothing.
 */
@Component
class HazardCases {

    private final CaseManagement cases;
    private final AuditTrail audit;

    HazardCases(CaseManagement cases, AuditTrail audit) {
        this.cases = cases;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(HazardOverdue overdue) {
        PartySnapshot party = new PartySnapshot(PartyKind.UNIT, overdue.enterpriseName(), null, null, null);
        long caseId = cases.proposeFromUnrectifiedHazard(ProposedCase.unrectifiedHazard(overdue.organizationId(),
                overdue.enterpriseId(), party, overdue.hazardId(), overdue.description(), overdue.deadline().plusDays(1),
                overdue.campaignId()));
        audit.record("隐患逾期未整改，提出立案建议", "案件", caseId, Outcome.SUCCESS, "隐患#" + overdue.hazardId());
    }
}
