package cn.zhifa.credit.internal;

import cn.zhifa.casework.CaseKind;
import cn.zhifa.casework.PenaltyCase;
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

    void consider(PenaltyCase c, long enterpriseId, LocalDate decidedOn) {
        if (c.getKind() != CaseKind.ACCIDENT || c.getAccidentGrade() == null) {
            return;
        }
        AccidentGrade grade = c.getAccidentGrade();
        String reference = (c.getDecisionNumber() == null ? c.getCaseNumber() : c.getDecisionNumber())
                + (c.getTitle() == null ? "" : "（" + c.getTitle() + "）");
        if (grade == AccidentGrade.MAJOR || grade == AccidentGrade.EXTRAORDINARY) {
            propose(enterpriseId, c.getOrganizationId(), "6-1", c.getId(), reference, decidedOn, false);
        } else if (grade == AccidentGrade.LARGER) {
            long larger = jdbc.sql("""
                    SELECT count(*) FROM credit_fact WHERE enterprise_id = ? AND kind = 'ACCIDENT' AND accident_grade = 'LARGER'
                      AND occurred_on > ? AND occurred_on <= ?""")
                    .params(enterpriseId, decidedOn.minusMonths(12), decidedOn).query(Long.class).single();
            if (larger >= 2) {
                propose(enterpriseId, c.getOrganizationId(), "6-2", c.getId(), reference, decidedOn, false);
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
