package cn.zhifa.registry;

import cn.zhifa.shared.Verdict;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 持证执法: only an officer holding a 行政执法证 valid on the day may be assigned to enforcement (inspections,
 * draws, cases). Later modules call {@link #mayEnforce(long, LocalDate)} and turn a refusal into a RuleViolation.
 */
@Component
public class CertificatePolicy {

    private final JdbcClient jdbc;
    private final List<CertificateIssueCondition> issueConditions;

    CertificatePolicy(JdbcClient jdbc, List<CertificateIssueCondition> issueConditions) {
        this.jdbc = jdbc;
        this.issueConditions = issueConditions;
    }

    /** Whether a 行政执法证 may be issued to the user on {@code on}: every condition other modules set must hold. */
    @Transactional(readOnly = true)
    public Verdict mayIssue(long userId, LocalDate on) {
        return Verdict.all(issueConditions.stream().map(c -> c.mayIssue(userId, on)).toArray(Verdict[]::new));
    }

    @Transactional(readOnly = true)
    public Verdict mayEnforce(long userId, LocalDate on) {
        return mayEnforce(List.of(userId), on);
    }

    /**
     * Whether every one of the users may enforce on {@code on}: the refusal of the first (in the given order) who may
     * not. Their certificates are read in one statement, from their rows alone: the rule needs none of a certificate's
     * history (issue 18: a team of two read each officer's certificates and each certificate's history, four queries).
     */
    @Transactional(readOnly = true)
    public Verdict mayEnforce(Collection<Long> userIds, LocalDate on) {
        List<Long> users = List.copyOf(new LinkedHashSet<>(userIds));
        if (users.isEmpty()) {
            return Verdict.allow();
        }
        Map<Long, List<CertificateTerm>> held = new HashMap<>();
        jdbc.sql("""
                        SELECT user_id, certificate_no, officer_name, issued_on, expires_on, status, status_reason, status_since
                        FROM officer_certificate WHERE user_id IN (:users) ORDER BY user_id, issued_on DESC, id DESC""")
                .param("users", users)
                .query((rs, n) -> held.computeIfAbsent(rs.getLong(1), u -> new ArrayList<>()).add(new CertificateTerm(
                        rs.getString(2), rs.getString(3), date(rs.getDate(4)), date(rs.getDate(5)),
                        CertificateStatus.valueOf(rs.getString(6)), rs.getString(7), date(rs.getDate(8)))))
                .list();
        for (Long user : users) {
            Verdict verdict = mayEnforce(held.getOrDefault(user, List.of()), on);
            if (verdict.refused()) {
                return verdict;
            }
        }
        return Verdict.allow();
    }

    /** The rule for one officer's certificates, newest first. */
    private static Verdict mayEnforce(List<CertificateTerm> held, LocalDate on) {
        if (held.isEmpty()) {
            return Verdict.refuse("该人员未取得行政执法证，不能从事行政执法。");
        }
        if (held.stream().anyMatch(c -> c.validOn(on))) {
            return Verdict.allow();
        }
        return Verdict.refuse(held.get(0).officerName() + "：" + held.get(0).reasonInvalidOn(on));
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
