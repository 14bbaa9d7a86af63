package cn.zhifa.registry;

import cn.zhifa.audit.Audit;
import cn.zhifa.law.IdNumber;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.registry.internal.Certificates;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Officers with their 行政执法证 (issue, renewal, suspension, revocation, expiry warnings), training records,
 * technical inspectors and social supervisors, and the officer statistics of the annual report.
 * Other modules call {@link #mayEnforce} and {@link #certifiedOfficers}.
 */
@Service
public class OfficerManagement {

    private final Certificates certificates;
    private final CertificatePolicy policy;
    private final UserManagement users;
    private final DataScope scope;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int warningDays;
    private final int socialSupervisorTermYears;

    OfficerManagement(Certificates certificates, CertificatePolicy policy, UserManagement users, DataScope scope,
                      JdbcClient jdbc, Clock clock,
                      @Value("${zhifa.registry.certificate-warning-days:30}") int warningDays,
                      @Value("${zhifa.registry.social-supervisor-term-years:3}") int socialSupervisorTermYears) {
        this.certificates = certificates;
        this.policy = policy;
        this.users = users;
        this.scope = scope;
        this.jdbc = jdbc;
        this.clock = clock;
        this.warningDays = warningDays;
        this.socialSupervisorTermYears = socialSupervisorTermYears;
    }

    /** Whether the user holds a 行政执法证 valid on {@code on} (see {@link CertificatePolicy}). */
    public Verdict mayEnforce(long userId, LocalDate on) {
        return policy.mayEnforce(userId, on);
    }

    /** Officers of the given units whose certificate is valid on {@code on}, by name (not data-scoped). */
    @Transactional(readOnly = true)
    public List<OfficerSummary> certifiedOfficers(Collection<Long> organizationIds, LocalDate on) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        return certificates.findValidOn(organizationIds, on).stream().map(OfficerCertificate::summary).toList();
    }

    public int warningDays() {
        return warningDays;
    }

    @Transactional
    public OfficerCertificate issue(CertificateForm form) {
        return issue(form, false);
    }

    @Transactional
    OfficerCertificate issue(CertificateForm form, boolean demo) {
        UserView officer = users.get(form.userId());
        String number = form.certificateNo().strip().toUpperCase();
        if (certificates.findByCertificateNo(number).isPresent()) {
            throw RuleViolation.conflict("执法证号 " + number + " 已登记，不能重复登记。");
        }
        certificates.findByUser(officer.id()).stream().filter(c -> c.getStatus() != CertificateStatus.REVOKED).findFirst()
                .ifPresent(current -> {
                    throw RuleViolation.conflict(officer.displayName() + " 已持有执法证 " + current.getCertificateNo()
                            + "（" + current.getStatus().label() + "），请换证延期或先注销原证。");
                });
        OfficerCertificate certificate = OfficerCertificate.issue(officer.id(), officer.displayName(), officer.organizationId(),
                number, form.issuingAuthority().strip(), form.issuedOn(), form.expiresOn(),
                form.townCode() == null || form.townCode().isBlank() ? null : form.townCode().strip(), demo, clock.instant());
        OfficerCertificate saved = certificates.save(certificate);
        Audit.target("执法证", saved.getId());
        return saved;
    }

    @Transactional
    public OfficerCertificate renew(long certificateId, LocalDate newExpiry) {
        OfficerCertificate certificate = load(certificateId);
        if (newExpiry == null) {
            throw new RuleViolation("请填写新的有效期截止日期。");
        }
        certificate.renew(newExpiry, today());
        return certificates.save(certificate);
    }

    @Transactional
    public OfficerCertificate suspend(long certificateId, String reason) {
        OfficerCertificate certificate = load(certificateId);
        certificate.suspend(reason, today());
        return certificates.save(certificate);
    }

    @Transactional
    public OfficerCertificate reinstate(long certificateId) {
        OfficerCertificate certificate = load(certificateId);
        certificate.reinstate(today());
        return certificates.save(certificate);
    }

    @Transactional
    public OfficerCertificate revoke(long certificateId, String reason) {
        OfficerCertificate certificate = load(certificateId);
        certificate.revoke(reason, today());
        return certificates.save(certificate);
    }

    @Transactional(readOnly = true)
    public OfficerCertificate certificate(long certificateId) {
        return load(certificateId);
    }

    /** Certificates of the user's scope, valid first. */
    @Transactional(readOnly = true)
    public List<OfficerCertificate> certificates() {
        return certificates.findByOrganizations(scope.visibleOrganizationIds());
    }

    /** Valid certificates of the user's scope expiring within the warning period. */
    @Transactional(readOnly = true)
    public List<OfficerCertificate> expiring() {
        return expiring(scope.visibleOrganizationIds());
    }

    @Transactional(readOnly = true)
    public List<OfficerCertificate> expiring(Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        LocalDate today = today();
        return certificates.findExpiring(organizationIds, today, today.plusDays(warningDays));
    }

    @Transactional
    public void recordTraining(TrainingRecord training) {
        UserView officer = users.get(training.userId());
        if (training.course() == null || training.course().isBlank() || training.course().strip().length() > 100) {
            throw new RuleViolation("请填写课程名称（不超过 100 个字）。");
        }
        if (training.hours() == null || training.hours().signum() <= 0 || training.hours().compareTo(new BigDecimal("1000")) >= 0) {
            throw new RuleViolation("学时应大于 0 且小于 1000。");
        }
        if (training.examScore() != null && (training.examScore().signum() < 0 || training.examScore().compareTo(new BigDecimal("100")) > 0)) {
            throw new RuleViolation("考试成绩应在 0 至 100 分之间。");
        }
        if (training.completedOn() == null || training.completedOn().isAfter(today())) {
            throw new RuleViolation("请填写完成日期（不能晚于今天）。");
        }
        jdbc.sql("INSERT INTO officer_training (user_id, course, hours, exam_score, completed_on) VALUES (?, ?, ?, ?, ?)")
                .params(officer.id(), training.course().strip(), training.hours(), training.examScore(),
                        Date.valueOf(training.completedOn())).update();
        Audit.target("执法人员培训", officer.id());
    }

    @Transactional(readOnly = true)
    public List<TrainingRecord> trainings(long userId) {
        users.get(userId);
        return jdbc.sql("SELECT user_id, course, hours, exam_score, completed_on FROM officer_training WHERE user_id = ? "
                        + "ORDER BY completed_on DESC, id DESC")
                .param(userId)
                .query((rs, n) -> new TrainingRecord(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getDate(5).toLocalDate())).list();
    }

    /**
     * Appoints a 技术检查员 or 社会监督员 in a unit of the user's scope; a social supervisor's term runs
     * {@code zhifa.registry.social-supervisor-term-years} years from its start.
     */
    @Transactional
    public long appoint(Supervisor.SupervisorKind kind, String name, String idNumber, String employer, String phone,
                        long organizationId, LocalDate termStart, LocalDate termEnd) {
        scope.require(organizationId);
        if (kind == null) {
            throw new RuleViolation("请选择人员类别。");
        }
        if (name == null || name.isBlank() || name.strip().length() > 30) {
            throw new RuleViolation("请填写姓名（不超过 30 个字）。");
        }
        String id = null;
        if (idNumber != null && !idNumber.isBlank()) {
            var check = IdNumber.parse(idNumber);
            if (!check.valid()) {
                throw new RuleViolation("身份证号码有误：" + check.reason() + "。");
            }
            id = check.value().value();
        }
        if (phone != null && !phone.isBlank() && !phone.strip().matches("^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$")) {
            throw new RuleViolation("联系电话格式不正确。");
        }
        if (termStart == null) {
            throw new RuleViolation("请填写任期开始日期。");
        }
        LocalDate end = kind == Supervisor.SupervisorKind.SOCIAL ? termStart.plusYears(socialSupervisorTermYears).minusDays(1) : termEnd;
        if (end == null || !end.isAfter(termStart)) {
            throw new RuleViolation("任期结束日期必须晚于开始日期。");
        }
        long created = jdbc.sql("INSERT INTO supervisor (kind, name, id_number, employer, phone, organization_id, term_start, term_end) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                .params(kind.name(), name.strip(), id, blankToNull(employer), blankToNull(phone), organizationId,
                        Date.valueOf(termStart), Date.valueOf(end)).query(Long.class).single();
        Audit.target(kind.label(), created);
        return created;
    }

    /** Supervisors and inspectors of the user's scope. */
    @Transactional(readOnly = true)
    public List<Supervisor> supervisors() {
        return supervisors("organization_id IN (:orgs)", scope.visibleOrganizationIds());
    }

    /** The public list: social supervisors serving today (ID numbers and phones masked by the page). */
    @Transactional(readOnly = true)
    public List<Supervisor> publicSocialSupervisors() {
        return jdbc.sql("SELECT * FROM supervisor WHERE kind = 'SOCIAL' AND term_start <= :today AND term_end >= :today "
                        + "ORDER BY organization_id, name")
                .param("today", Date.valueOf(today())).query((rs, n) -> supervisor(rs)).list();
    }

    private List<Supervisor> supervisors(String where, Collection<Long> orgs) {
        if (orgs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM supervisor WHERE " + where + " ORDER BY kind, term_end DESC, name")
                .param("orgs", orgs).query((rs, n) -> supervisor(rs)).list();
    }

    private static Supervisor supervisor(java.sql.ResultSet rs) throws java.sql.SQLException {
        String idNumber = rs.getString("id_number");
        return new Supervisor(rs.getLong("id"), Supervisor.SupervisorKind.valueOf(rs.getString("kind")), rs.getString("name"),
                idNumber == null ? null : new IdNumber(idNumber).masked(), rs.getString("employer"), rs.getString("phone"),
                rs.getLong("organization_id"), rs.getDate("term_start").toLocalDate(), rs.getDate("term_end").toLocalDate());
    }

    /**
     * Officer figures of {@code year} in the user's scope: certified at the year's end (or today in the
     * current year), issued and revoked in the year, and the participation rate from recorded enforcement acts.
     */
    @Transactional(readOnly = true)
    public OfficerStatistics statistics(int year) {
        return statistics(year, scope.visibleOrganizationIds());
    }

    @Transactional(readOnly = true)
    public OfficerStatistics statistics(int year, Collection<Long> orgs) {
        LocalDate today = today();
        LocalDate on = year >= today.getYear() ? today : LocalDate.of(year, 12, 31);
        if (orgs.isEmpty()) {
            return new OfficerStatistics(on, year, 0, 0, 0, 0, BigDecimal.ZERO);
        }
        List<OfficerCertificate> certified = certificates.findValidOn(orgs, on);
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        long issued = countEvents(CertificateEventKind.ISSUED, from, to, orgs);
        long revoked = countEvents(CertificateEventKind.REVOKED, from, to, orgs);
        List<Long> userIds = certified.stream().map(OfficerCertificate::getUserId).distinct().toList();
        long participating = userIds.isEmpty() ? 0 : jdbc.sql("SELECT count(DISTINCT user_id) FROM enforcement_act "
                        + "WHERE user_id IN (:users) AND occurred_on BETWEEN :from AND :to")
                .param("users", userIds).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(Long.class).single();
        BigDecimal rate = userIds.isEmpty() ? BigDecimal.ZERO
                : BigDecimal.valueOf(participating * 100).divide(BigDecimal.valueOf(userIds.size()), 1, RoundingMode.HALF_UP);
        return new OfficerStatistics(on, year, userIds.size(), issued, revoked, participating, rate);
    }

    private long countEvents(CertificateEventKind kind, LocalDate from, LocalDate to, Collection<Long> orgs) {
        return jdbc.sql("SELECT count(*) FROM certificate_event e JOIN officer_certificate c ON c.id = e.officer_certificate "
                        + "WHERE e.kind = :kind AND e.occurred_on BETWEEN :from AND :to AND c.organization_id IN (:orgs)")
                .param("kind", kind.name()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .param("orgs", orgs).query(Long.class).single();
    }

    private OfficerCertificate load(long certificateId) {
        OfficerCertificate certificate = certificates.findById(certificateId)
                .orElseThrow(() -> RuleViolation.notFound("执法证不存在。"));
        scope.require(certificate.getOrganizationId());
        Audit.target("执法证", certificateId);
        return certificate;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
