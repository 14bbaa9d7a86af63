package cn.zhifa.registry;

import cn.zhifa.registry.internal.Certificates;
import cn.zhifa.shared.Verdict;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 持证执法: only an officer holding a 行政执法证 valid on the day may be assigned to enforcement (inspections,
 * draws, cases). Later modules call {@link #mayEnforce(long, LocalDate)} and turn a refusal into a RuleViolation.
 */
@Component
public class CertificatePolicy {

    private final Certificates certificates;
    private final List<CertificateIssueCondition> issueConditions;

    CertificatePolicy(Certificates certificates, List<CertificateIssueCondition> issueConditions) {
        this.certificates = certificates;
        this.issueConditions = issueConditions;
    }

    /** Whether a 行政执法证 may be issued to the user on {@code on}: every condition other modules set must hold. */
    @Transactional(readOnly = true)
    public Verdict mayIssue(long userId, LocalDate on) {
        return Verdict.all(issueConditions.stream().map(c -> c.mayIssue(userId, on)).toArray(Verdict[]::new));
    }

    @Transactional(readOnly = true)
    public Verdict mayEnforce(long userId, LocalDate on) {
        List<OfficerCertificate> held = certificates.findByUser(userId);
        if (held.isEmpty()) {
            return Verdict.refuse("该人员未取得行政执法证，不能从事行政执法。");
        }
        if (held.stream().anyMatch(c -> c.validOn(on))) {
            return Verdict.allow();
        }
        return Verdict.refuse(held.get(0).getOfficerName() + "：" + held.get(0).reasonInvalidOn(on));
    }
}
