package cn.zhifa.registry;

import cn.zhifa.audit.Audit;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.organization.OrganizationKind;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.registry.internal.Certificates;
import cn.zhifa.registry.internal.Jurisdiction;
import cn.zhifa.registry.internal.Jurisdictions;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Officers with their 行政执法证 (issue, renewal, suspension, revocation, township, expiry warnings), training
 * records, and the officer statistics of the annual report.
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
    private final Jurisdictions jurisdictions;
    private final int warningDays;

    OfficerManagement(Certificates certificates, CertificatePolicy policy, UserManagement users, DataScope scope,
                      JdbcClient jdbc, Clock clock, Jurisdictions jurisdictions,
                      @Value("${zhifa.registry.certificate-warning-days}") int warningDays) {
        this.certificates = certificates;
        this.policy = policy;
        this.users = users;
        this.scope = scope;
        this.jdbc = jdbc;
        this.clock = clock;
        this.jurisdictions = jurisdictions;
        this.warningDays = warningDays;
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
        return validOn(organizationIds, on);
    }

    /**
     * The certificates valid on the day as summaries, read from their rows alone: loading the aggregates would read
     * each one's history ({@code certificate_event}) as well, one query per certificate (issue 18).
     */
    private List<OfficerSummary> validOn(Collection<Long> organizationIds, LocalDate on) {
        return jdbc.sql("SELECT user_id, officer_name, organization_id, certificate_no, expires_on, town_code"
                        + " FROM officer_certificate WHERE organization_id IN (:orgs) AND " + Certificates.VALID_ON
                        + " ORDER BY officer_name, id")
                .param("orgs", organizationIds).param("on", Date.valueOf(on))
                .query((rs, n) -> new OfficerSummary(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), rs.getString(6)))
                .list();
    }

    /**
     * The user ids of the certificates valid on {@code on}, per unit (one entry per certificate, as
     * {@link #certifiedOfficers} counts them), in one query; a unit without any is absent (not data-scoped).
     */
    @Transactional(readOnly = true)
    public Map<Long, List<Long>> certifiedUsersPerUnit(Collection<Long> organizationIds, LocalDate on) {
        Map<Long, List<Long>> result = new java.util.HashMap<>();
        if (organizationIds.isEmpty()) {
            return result;
        }
        for (OfficerSummary c : validOn(organizationIds, on)) {
            result.computeIfAbsent(c.organizationId(), k -> new java.util.ArrayList<>()).add(c.userId());
        }
        return result;
    }

    /** Of {@code userIds}, those who recorded an enforcement act in {@code year} (the participation rate's numerator). */
    @Transactional(readOnly = true)
    public java.util.Set<Long> participating(int year, Collection<Long> userIds) {
        List<Long> ids = userIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT user_id FROM enforcement_act "
                        + "WHERE user_id IN (:users) AND occurred_on BETWEEN :from AND :to")
                .param("users", ids).param("from", Date.valueOf(LocalDate.of(year, 1, 1)))
                .param("to", Date.valueOf(LocalDate.of(year, 12, 31))).query(Long.class).list());
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
        if (!demo) {
            policy.mayIssue(officer.id(), form.issuedOn() == null ? today() : form.issuedOn()).orThrow();
        }
        String number = form.certificateNo().strip().toUpperCase();
        if (certificates.findByCertificateNo(number).isPresent()) {
            throw RuleViolation.conflict("执法证号 " + number + " 已登记，不能重复登记。");
        }
        certificates.findByUser(officer.id()).stream().filter(c -> c.getStatus() != CertificateStatus.REVOKED).findFirst()
                .ifPresent(current -> {
                    throw RuleViolation.conflict(officer.displayName() + " 已持有执法证 " + current.getCertificateNo()
                            + "（" + current.getStatus().label() + "），请换证延期或先注销原证。");
                });
        String town = town(form.townCode(), officer.organizationId()).map(OrganizationView::divisionCode).orElse(null);
        OfficerCertificate certificate = OfficerCertificate.issue(officer.id(), officer.displayName(), officer.organizationId(),
                number, form.issuingAuthority().strip(), form.issuedOn(), form.expiresOn(), town, demo, clock.instant());
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

    /**
     * Assigns the certificate holder to another township of their unit's area (负责乡镇, used e.g. for recusal in
     * draws), or to none when {@code townCode} is blank; kept in the certificate's history.
     */
    @Transactional
    public OfficerCertificate changeTown(long certificateId, String townCode) {
        OfficerCertificate certificate = load(certificateId);
        Optional<OrganizationView> town = town(townCode, certificate.getOrganizationId());
        Map<String, String> names = jurisdictions.around(certificate.getOrganizationId()).townNames();
        String before = certificate.getTownCode() == null ? "未指定" : names.getOrDefault(certificate.getTownCode(), certificate.getTownCode());
        String after = town.map(t -> t.name() + "（" + t.divisionCode() + "）").orElse("未指定");
        certificate.changeTown(town.map(OrganizationView::divisionCode).orElse(null), before + " → " + after, today());
        return certificates.save(certificate);
    }

    /** The townships an officer of the unit may be assigned to: those of the unit's district (or city). */
    @Transactional(readOnly = true)
    public List<OrganizationView> townsFor(long organizationId) {
        Jurisdiction jurisdiction = jurisdictions.around(organizationId);
        String prefix = areaPrefix(jurisdiction, organizationId);
        return jurisdiction.towns().stream().filter(t -> t.divisionCode() != null && t.divisionCode().startsWith(prefix))
                .sorted(java.util.Comparator.comparing(OrganizationView::divisionCode)).toList();
    }

    private Optional<OrganizationView> town(String townCode, long organizationId) {
        if (townCode == null || townCode.isBlank()) {
            return Optional.empty();
        }
        String code = townCode.strip();
        if (!code.matches("^\\d{9}$|^\\d{12}$")) {
            throw new RuleViolation("负责的乡镇（街道）区划代码应为 9 位或 12 位数字。");
        }
        Jurisdiction jurisdiction = jurisdictions.around(organizationId);
        OrganizationView town = jurisdiction.town(code)
                .orElseThrow(() -> new RuleViolation("区划代码 " + code + " 不是本地登记的乡镇（街道）。"));
        String prefix = areaPrefix(jurisdiction, organizationId);
        if (!code.startsWith(prefix)) {
            throw new RuleViolation(town.name() + "不在" + jurisdiction.names().getOrDefault(organizationId, "该执法人员所在单位")
                    + "的辖区内。");
        }
        return Optional.of(town);
    }

    /** The division-code prefix of the unit's area: its nearest district (6 digits), city (4) or province (2). */
    private static String areaPrefix(Jurisdiction jurisdiction, long organizationId) {
        Map<Long, OrganizationView> units = jurisdiction.byId();
        OrganizationView unit = units.get(organizationId);
        while (unit != null) {
            String code = unit.divisionCode();
            if (code != null && code.length() >= 6) {
                if (unit.kind() == OrganizationKind.DISTRICT) {
                    return code.substring(0, 6);
                }
                if (unit.kind() == OrganizationKind.CITY) {
                    return code.substring(0, 4);
                }
                if (unit.kind() == OrganizationKind.PROVINCE) {
                    return code.substring(0, 2);
                }
            }
            unit = unit.parentId() == null ? null : units.get(unit.parentId());
        }
        return "";
    }

    @Transactional(readOnly = true)
    public OfficerCertificate certificate(long certificateId) {
        return load(certificateId);
    }

    /** The 亮证 check anyone may make without login: the certificate with this number, if there is one. */
    @Transactional(readOnly = true)
    public Optional<OfficerCertificate> byCertificateNo(String certificateNo) {
        return certificateNo == null || certificateNo.isBlank() ? Optional.empty()
                : certificates.findByCertificateNo(certificateNo.strip());
    }

    /** Certificates of the user's scope, valid first. */
    @Transactional(readOnly = true)
    public List<OfficerCertificate> certificates() {
        return certificates.findByOrganizations(scope.visibleOrganizationIds());
    }

    /**
     * Certificates of the user's scope matching a name or number fragment, a unit (its subtree) and a status as
     * seen on {@code on}: VALID (entitled), EXPIRING (entitled, expiring within the warning period), EXPIRED,
     * SUSPENDED, REVOKED; blank filters match all.
     */
    @Transactional(readOnly = true)
    public List<OfficerCertificate> certificates(String text, Long organizationId, String status, LocalDate on) {
        Collection<Long> orgs = scope.visibleOrganizationIds();
        if (organizationId != null) {
            scope.require(organizationId);
            orgs = scope.subtreeIds(organizationId);
        }
        String needle = text == null ? "" : text.strip().toUpperCase();
        return certificates.findByOrganizations(orgs).stream()
                .filter(c -> needle.isEmpty() || c.getOfficerName().toUpperCase().contains(needle) || c.getCertificateNo().contains(needle))
                .filter(c -> status == null || status.isBlank() || status.equals(standing(c, on))
                        || (status.equals("VALID") && standing(c, on).equals("EXPIRING")))
                .toList();
    }

    /** VALID, EXPIRING, EXPIRED, SUSPENDED or REVOKED on {@code on}. */
    public String standing(OfficerCertificate certificate, LocalDate on) {
        if (certificate.validOn(on)) {
            return certificate.getExpiresOn().isAfter(on.plusDays(warningDays)) ? "VALID" : "EXPIRING";
        }
        if (certificate.getStatus() != CertificateStatus.VALID && !on.isBefore(certificate.getStatusSince())) {
            return certificate.getStatus().name();
        }
        return on.isAfter(certificate.getExpiresOn()) ? "EXPIRED" : "NOT_YET";
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

    /** How many certificates {@link #expiring(Collection)} lists, counted in SQL (no certificate or event history loaded). */
    @Transactional(readOnly = true)
    public long countExpiring(Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return 0;
        }
        LocalDate today = today();
        return certificates.countExpiring(organizationIds, today, today.plusDays(warningDays));
    }

    @Transactional
    public void recordTraining(TrainingRecord training) {
        if (training.userId() <= 0) {
            throw new RuleViolation("请选择执法人员。");
        }
        UserView officer = users.get(training.userId());
        scope.require(officer.organizationId());
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
        jdbc.sql("INSERT INTO officer_training (user_id, course, hours, exam_score, completed_on, organization_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(officer.id(), training.course().strip(), training.hours(), training.examScore(),
                        Date.valueOf(training.completedOn()), officer.organizationId()).update();
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
        return statistics(year, year >= today.getYear() ? today : LocalDate.of(year, 12, 31), orgs);
    }

    /**
     * As {@link #statistics(int, Collection)} with the certified officers counted on {@code on}; the participation
     * rate relates those officers to the acts of {@code year}.
     */
    @Transactional(readOnly = true)
    public OfficerStatistics statistics(int year, LocalDate on, Collection<Long> orgs) {
        if (orgs.isEmpty()) {
            return new OfficerStatistics(on, year, 0, 0, 0, 0, BigDecimal.ZERO);
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        long issued = countEvents(CertificateEventKind.ISSUED, from, to, orgs);
        long revoked = countEvents(CertificateEventKind.REVOKED, from, to, orgs);
        // counted in the database: a province holds thousands of certificates and the annual figures ask for two years
        long[] counts = jdbc.sql("""
                        WITH certified AS (
                          SELECT DISTINCT user_id FROM officer_certificate WHERE organization_id IN (:orgs) AND %s)
                        SELECT (SELECT count(*) FROM certified),
                               (SELECT count(*) FROM certified c WHERE EXISTS (SELECT 1 FROM enforcement_act a
                                  WHERE a.user_id = c.user_id AND a.occurred_on BETWEEN :from AND :to))""".formatted(Certificates.VALID_ON))
                .param("orgs", orgs).param("on", Date.valueOf(on)).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long officers = counts[0];
        long participating = counts[1];
        BigDecimal rate = officers == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(participating * 100).divide(BigDecimal.valueOf(officers), 1, RoundingMode.HALF_UP);
        return new OfficerStatistics(on, year, officers, issued, revoked, participating, rate);
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
}
