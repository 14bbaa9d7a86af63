package cn.zhifa.credit.internal;

import cn.zhifa.casework.CaseEvent;
import cn.zhifa.casework.CaseKind;
import cn.zhifa.hazard.HazardFound;
import cn.zhifa.hazard.HazardLevel;
import cn.zhifa.hazard.HazardOverdue;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseTimelineEntry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Credit facts from other modules' events: a decided penalty case (with its fine; an accident case also as an
 * accident of its grade; all read from the event, never from the case), a major hazard found and a major hazard overdue.
 * Each listener is idempotent (a fact is stored once per kind and source).
 */
@Component
class CreditFeed {

    private final CreditFacts facts;
    private final EnterpriseManagement enterprises;
    private final ListingProposals proposals;
    private final ApplicationEventPublisher events;

    CreditFeed(CreditFacts facts, EnterpriseManagement enterprises, ListingProposals proposals, ApplicationEventPublisher events) {
        this.facts = facts;
        this.enterprises = enterprises;
        this.proposals = proposals;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(CaseEvent.PenaltyDecided decided) {
        if (decided.enterpriseId() == null) {
            return;
        }
        long org = decided.organizationId() != null ? decided.organizationId()
                : enterprises.find(decided.enterpriseId()).map(e -> e.organizationId()).orElse(0L);
        BigDecimal fine = decided.fineYuan();
        String number = decided.decisionNumber() == null ? decided.caseNumber() : decided.decisionNumber();
        String title = number + (fine != null && fine.signum() > 0 ? "，罚款 " + fine.setScale(2) + " 元" : "")
                + (decided.title() == null ? "" : "（" + decided.title() + "）");
        boolean added = facts.record(new CreditFact(decided.enterpriseId(), CreditFact.Kind.PENALTY, "case:" + decided.caseId(),
                decided.decidedOn(), fine, null, title), false);
        if (decided.kind() == CaseKind.ACCIDENT) {
            String grade = decided.accidentGrade() == null ? "未定级" : decided.accidentGrade().label();
            facts.record(new CreditFact(decided.enterpriseId(), CreditFact.Kind.ACCIDENT, "case:" + decided.caseId(),
                    decided.decidedOn(), null, decided.accidentGrade() == null ? null : decided.accidentGrade().name(),
                    grade + "（" + number + "）"), false);
        }
        if (added) {
            timeline(decided.enterpriseId(), decided.decidedOn(), "行政处罚记入信用记录：" + number);
        }
        proposals.consider(decided, org);
    }

    /** A major hazard found is a credit fact from the day it was found (one per hazard). */
    @ApplicationModuleListener
    void on(HazardFound found) {
        if (found.level() != HazardLevel.MAJOR) {
            return;
        }
        if (facts.record(new CreditFact(found.enterpriseId(), CreditFact.Kind.MAJOR_HAZARD, "hazard:" + found.hazardId(),
                found.foundOn(), null, null, found.description()), false)) {
            timeline(found.enterpriseId(), found.foundOn(), "发现重大事故隐患记入信用记录");
        }
    }

    /**
     * The hazards of one submitted record (issue 18: one delivery for all of them), each as {@link #on(HazardFound)}; a
     * record without a major hazard is not delivered at all (its publication did nothing).
     */
    @ApplicationModuleListener(condition = "#found.hazards().?[level().name() == 'MAJOR'].size() > 0")
    void on(cn.zhifa.hazard.HazardsFound found) {
        found.hazards().forEach(this::on);
    }

    @ApplicationModuleListener
    void on(HazardOverdue overdue) {
        if (overdue.level() != HazardLevel.MAJOR) {
            return;
        }
        if (facts.record(new CreditFact(overdue.enterpriseId(), CreditFact.Kind.MAJOR_HAZARD_OVERDUE,
                "hazard:" + overdue.hazardId() + ":" + overdue.deadline(), overdue.detectedOn(), null, null,
                overdue.description() + "（整改期限 " + overdue.deadline() + "）"), false)) {
            timeline(overdue.enterpriseId(), overdue.detectedOn(), "重大事故隐患逾期未整改记入信用记录");
        }
    }

    private void timeline(long enterpriseId, LocalDate on, String title) {
        events.publishEvent(new EnterpriseTimelineEntry(enterpriseId, on, "信用", title, ""));
    }
}
