package cn.zhifa.credit.internal;

import cn.zhifa.casework.CaseEvent;
import cn.zhifa.casework.CaseKind;
import cn.zhifa.law.AccidentGrade;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A decided case meeting a listing ground proposes a listing (部令第11号第六条第（一）、（二）项 are recognised from
 * the accident grade; the other grounds are proposed by a leader). A proposal is made once per case and ground.
 */
@Component
public class ListingProposals {

    private final Listings listings;
    private final CreditPolicy policy;
    private final EnterpriseManagement enterprises;
    private final OrganizationManagement organizations;
    private final JdbcClient jdbc;
    private final cn.zhifa.audit.AuditTrail audit;

    ListingProposals(Listings listings, CreditPolicy policy, EnterpriseManagement enterprises,
                     OrganizationManagement organizations, JdbcClient jdbc, cn.zhifa.audit.AuditTrail audit) {
        this.audit = audit;
        this.listings = listings;
        this.policy = policy;
        this.enterprises = enterprises;
        this.organizations = organizations;
        this.jdbc = jdbc;
    }

    /** The decided case as its event states it; {@code organizationId} the deciding unit. */
    void consider(CaseEvent.PenaltyDecided decided, long organizationId) {
        if (decided.kind() != CaseKind.ACCIDENT || decided.accidentGrade() == null) {
            return;
        }
        AccidentGrade grade = decided.accidentGrade();
        long enterpriseId = decided.enterpriseId();
        LocalDate decidedOn = decided.decidedOn();
        String reference = (decided.decisionNumber() == null ? decided.caseNumber() : decided.decisionNumber())
                + (decided.title() == null ? "" : "（" + decided.title() + "）");
        if (grade == AccidentGrade.MAJOR || grade == AccidentGrade.EXTRAORDINARY) {
            propose(enterpriseId, organizationId, "6-1", decided.caseId(), reference, decidedOn, false);
        } else if (grade == AccidentGrade.LARGER) {
            long larger = jdbc.sql("""
                    SELECT count(*) FROM credit_fact WHERE enterprise_id = ? AND kind = 'ACCIDENT' AND accident_grade = 'LARGER'
                      AND occurred_on > ? AND occurred_on <= ?""")
                    .params(enterpriseId, decidedOn.minusMonths(12), decidedOn).query(Long.class).single();
            if (larger >= 2) {
                propose(enterpriseId, organizationId, "6-2", decided.caseId(), reference, decidedOn, false);
            }
        }
    }

    /** Proposes a listing of the firm on a configured ground; empty when this case was already proposed on it. */
    public Optional<Long> propose(long enterpriseId, long organizationId, String groundCode, Long caseId, String caseReference,
                                  LocalDate on, boolean demo) {
        CreditPolicy.Ground ground = policy.ground(groundCode)
                .orElseThrow(() -> new cn.zhifa.shared.RuleViolation("列入情形不存在。"));
        EnterpriseSummary firm = enterprises.find(enterpriseId)
                .orElseThrow(() -> cn.zhifa.shared.RuleViolation.notFound("企业不存在。"));
        String authority = organizations.find(organizationId).map(OrganizationView::name).orElse("");
        Optional<Long> id = listings.propose(new Listing(null, enterpriseId, firm.name(), firm.uscc(), organizationId, authority,
                ground.code(), ground.label(), caseId, caseReference, Listing.Status.PROPOSED, on, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, 0), demo);
        id.ifPresent(n -> audit.record("提议列入严重失信主体名单", "严重失信主体名单", n, cn.zhifa.audit.AuditRecord.Outcome.SUCCESS,
                firm.name() + "：" + ground.article()));
        return id;
    }
}
