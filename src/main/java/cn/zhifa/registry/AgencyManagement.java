package cn.zhifa.registry;

import cn.zhifa.audit.Audit;
import cn.zhifa.law.Uscc;
import cn.zhifa.organization.DataScope;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Third-party agencies and the enterprises they serve, so an inspection of an enterprise can also check its
 * agencies (一企双查). Agencies belong to the unit that registered them; lists are data-scoped.
 * <p>
 * Lifecycle ({@link AgencyStatus}): registered 正常 → 暂停 (with a reason, optionally until a day) ⇄ 恢复 → 撤销
 * (final). The qualification (number, grade, expiry) may change; a service to an enterprise is ended, not
 * deleted. Every command keeps an {@link AgencyEvent} and names the agency as the audit target; a refused
 * command changes nothing.
 */
@Service
public class AgencyManagement {

    private static final String SELECT = "SELECT a.*, (SELECT count(*) FROM agency_client c WHERE c.agency_id = a.id "
            + "AND c.ended_on IS NULL) AS clients FROM agency a ";

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final EnterpriseManagement enterprises;
    private final Clock clock;
    private final int warningDays;

    AgencyManagement(JdbcClient jdbc, DataScope scope, EnterpriseManagement enterprises, Clock clock,
                     @Value("${zhifa.registry.agency-qualification-warning-days}") int warningDays) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.enterprises = enterprises;
        this.clock = clock;
        this.warningDays = warningDays;
    }

    /** Agencies of the user's scope, optionally of one kind and status. */
    @Transactional(readOnly = true)
    public List<Agency> agencies(AgencyKind kind, AgencyStatus status) {
        return jdbc.sql(SELECT + "WHERE a.organization_id IN (:orgs) AND (:kind = '' OR a.kind = :kind) "
                        + "AND (:status = '' OR a.status = :status) ORDER BY a.kind, a.name")
                .param("orgs", scope.visibleOrganizationIds()).param("kind", kind == null ? "" : kind.name())
                .param("status", status == null ? "" : status.name()).query((rs, n) -> agency(rs)).list();
    }

    @Transactional(readOnly = true)
    public List<Agency> agencies() {
        return agencies(null, null);
    }

    /** Agencies not revoked whose qualification lapses within the warning period or has lapsed (earliest first). */
    @Transactional(readOnly = true)
    public List<Agency> qualificationWarnings(Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + "WHERE a.organization_id IN (:orgs) AND a.status <> 'REVOKED' AND a.valid_until <= :until "
                        + "ORDER BY a.valid_until, a.name")
                .param("orgs", organizationIds).param("until", Date.valueOf(today().plusDays(warningDays)))
                .query((rs, n) -> agency(rs)).list();
    }

    /** How many agencies {@link #qualificationWarnings(Collection)} lists, counted in SQL. */
    @Transactional(readOnly = true)
    public long countQualificationWarnings(Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM agency a WHERE a.organization_id IN (:orgs) AND a.status <> 'REVOKED' AND a.valid_until <= :until")
                .param("orgs", organizationIds).param("until", Date.valueOf(today().plusDays(warningDays)))
                .query(Long.class).single();
    }

    public int warningDays() {
        return warningDays;
    }

    @Transactional(readOnly = true)
    public Agency agency(long id) {
        Agency agency = jdbc.sql(SELECT + "WHERE a.id = ?").param(id).query((rs, n) -> agency(rs)).optional()
                .orElseThrow(() -> RuleViolation.notFound("机构不存在。"));
        scope.require(agency.organizationId());
        return agency;
    }

    /** The enterprises an agency serves or served (ended services last). */
    @Transactional(readOnly = true)
    public List<Client> clients(long agencyId) {
        agency(agencyId);
        return jdbc.sql("SELECT e.id, e.name, e.uscc, c.service, c.since, c.ended_on FROM agency_client c "
                        + "JOIN enterprise e ON e.id = c.enterprise_id WHERE c.agency_id = ? "
                        + "ORDER BY c.ended_on IS NOT NULL, c.since DESC, e.id")
                .param(agencyId).query((rs, n) -> {
                    Date ended = rs.getDate(6);
                    return new Client(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getDate(5).toLocalDate(), ended == null ? null : ended.toLocalDate());
                }).list();
    }

    /** A service of the agency to an enterprise; {@code endedOn} is null while it lasts. */
    public record Client(long enterpriseId, String enterpriseName, String uscc, String service, LocalDate since,
                         LocalDate endedOn) {

        public boolean current() {
            return endedOn == null;
        }
    }

    /**
     * The agencies currently serving an enterprise, with their status (for 一企双查: an inspection of the enterprise
     * also checks them). Not data-scoped: the caller has already checked access to the enterprise.
     */
    @Transactional(readOnly = true)
    public List<EnterpriseProfile.AgencyService> servingAgencies(long enterpriseId) {
        return jdbc.sql("SELECT a.id, a.name, a.kind, c.service, c.since, a.status FROM agency_client c JOIN agency a ON a.id = c.agency_id "
                        + "WHERE c.enterprise_id = ? AND c.ended_on IS NULL ORDER BY c.since DESC, a.id")
                .param(enterpriseId)
                .query((rs, n) -> new EnterpriseProfile.AgencyService(rs.getLong(1), rs.getString(2),
                        AgencyKind.valueOf(rs.getString(3)).label(), rs.getString(4), rs.getDate(5).toLocalDate(),
                        AgencyStatus.valueOf(rs.getString(6)))).list();
    }

    /** The agency's history, newest first. */
    @Transactional(readOnly = true)
    public List<AgencyEvent> history(long agencyId) {
        agency(agencyId);
        return jdbc.sql("SELECT kind, occurred_on, detail, changed_by, changed_at FROM agency_event WHERE agency_id = ? ORDER BY id DESC")
                .param(agencyId)
                .query((rs, n) -> new AgencyEvent(AgencyEvent.Kind.valueOf(rs.getString(1)), rs.getDate(2).toLocalDate(),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant())).list();
    }

    @Transactional
    public long register(String name, String uscc, AgencyKind kind, String qualificationNo, String grade, LocalDate validUntil) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new RuleViolation("请填写机构名称（不超过 100 个字）。");
        }
        var check = Uscc.parse(uscc == null ? "" : uscc.strip().toUpperCase());
        if (!check.valid()) {
            throw new RuleViolation("统一社会信用代码有误：" + check.reason() + "。");
        }
        if (kind == null) {
            throw new RuleViolation("请选择机构类别。");
        }
        requireQualification(qualificationNo, grade, validUntil);
        if (jdbc.sql("SELECT count(*) FROM agency WHERE uscc = ?").param(check.value().value()).query(Long.class).single() > 0) {
            throw RuleViolation.conflict("该统一社会信用代码的机构已登记。");
        }
        long id = jdbc.sql("INSERT INTO agency (name, uscc, kind, qualification_no, grade, status, valid_until, organization_id) "
                        + "VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?) RETURNING id")
                .params(name.strip(), check.value().value(), kind.name(), qualificationNo.strip(), grade.strip(),
                        validUntil == null ? null : Date.valueOf(validUntil), Actors.require().organizationId())
                .query(Long.class).single();
        Audit.target("第三方机构", id);
        happened(id, AgencyEvent.Kind.REGISTERED, kind.label() + "，资质 " + qualificationNo.strip() + "（" + grade.strip() + "）");
        return id;
    }

    /** 资质变更: a new qualification certificate, grade or expiry (e.g. after renewal or a grade cut). */
    @Transactional
    public void changeQualification(long agencyId, String qualificationNo, String grade, LocalDate validUntil, String reason) {
        Agency agency = target(agencyId);
        if (agency.status() == AgencyStatus.REVOKED) {
            throw new RuleViolation("已撤销的机构不能变更资质。");
        }
        requireQualification(qualificationNo, grade, validUntil);
        String why = requireReason(reason, "资质变更");
        if (qualificationNo.strip().equals(agency.qualificationNo()) && grade.strip().equals(agency.grade())
                && java.util.Objects.equals(validUntil, agency.validUntil())) {
            throw new RuleViolation("资质信息没有变化。");
        }
        jdbc.sql("UPDATE agency SET qualification_no = ?, grade = ?, valid_until = ?, version = version + 1 WHERE id = ?")
                .params(qualificationNo.strip(), grade.strip(), validUntil == null ? null : Date.valueOf(validUntil), agencyId)
                .update();
        happened(agencyId, AgencyEvent.Kind.QUALIFICATION_CHANGED, "资质 " + agency.qualificationNo() + "（" + agency.grade()
                + "，至 " + text(agency.validUntil()) + "）→ " + qualificationNo.strip() + "（" + grade.strip() + "，至 "
                + text(validUntil) + "）：" + why);
    }

    /** 暂停: e.g. 责令暂停培训; {@code until} (optional) is the last day of the suspension. */
    @Transactional
    public void suspend(long agencyId, String reason, LocalDate until) {
        Agency agency = target(agencyId);
        AgencyStatus next = agency.status().suspend();
        String why = requireReason(reason, "暂停");
        if (until != null && !until.isAfter(today())) {
            throw new RuleViolation("暂停截止日期应晚于今天。");
        }
        changeStatus(agencyId, next, why, until);
        happened(agencyId, AgencyEvent.Kind.SUSPENDED, why + (until == null ? "" : "（暂停至 " + until + "）"));
    }

    @Transactional
    public void restore(long agencyId, String reason) {
        Agency agency = target(agencyId);
        AgencyStatus next = agency.status().restore();
        String why = requireReason(reason, "恢复");
        changeStatus(agencyId, next, why, null);
        happened(agencyId, AgencyEvent.Kind.RESTORED, why);
    }

    /** 撤销 (取消资质/等级): final; the agency's current services end today. */
    @Transactional
    public void revoke(long agencyId, String reason) {
        Agency agency = target(agencyId);
        AgencyStatus next = agency.status().revoke();
        String why = requireReason(reason, "撤销");
        changeStatus(agencyId, next, why, null);
        int ended = jdbc.sql("UPDATE agency_client SET ended_on = ? WHERE agency_id = ? AND ended_on IS NULL")
                .params(Date.valueOf(today()), agencyId).update();
        happened(agencyId, AgencyEvent.Kind.REVOKED, why + (ended == 0 ? "" : "（同时结束对 " + ended + " 家企业的服务）"));
    }

    /** Records that an agency serves an enterprise (found by USCC in the user's scope). */
    @Transactional
    public void addClient(long agencyId, String enterpriseUscc, String service, LocalDate since) {
        Agency agency = target(agencyId);
        if (!agency.status().mayServe()) {
            throw new RuleViolation("该机构处于“" + agency.statusLabel() + "”状态，不能登记新的服务企业。");
        }
        if (agency.qualificationExpiredOn(today())) {
            throw new RuleViolation("该机构的资质已于 " + agency.validUntil() + " 到期，请先变更资质。");
        }
        String uscc = enterpriseUscc == null ? "" : enterpriseUscc.strip().toUpperCase();
        if (uscc.isEmpty()) {
            throw new RuleViolation("请填写企业的统一社会信用代码。");
        }
        EnterpriseSummary enterprise = enterprises.findByUscc(uscc)
                .orElseThrow(() -> new RuleViolation("企业库中没有统一社会信用代码为“" + uscc + "”的企业。"));
        scope.require(enterprise.organizationId());
        if (service == null || service.isBlank() || service.strip().length() > 60) {
            throw new RuleViolation("请填写服务内容（不超过 60 个字）。");
        }
        if (since == null || since.isAfter(today())) {
            throw new RuleViolation("请填写服务开始日期（不能晚于今天）。");
        }
        Boolean current = jdbc.sql("SELECT ended_on IS NULL FROM agency_client WHERE agency_id = ? AND enterprise_id = ? AND service = ?")
                .params(agencyId, enterprise.id(), service.strip()).query(Boolean.class).optional().orElse(null);
        if (Boolean.TRUE.equals(current)) {
            throw RuleViolation.conflict("该机构已在为“" + enterprise.name() + "”提供“" + service.strip() + "”服务。");
        }
        if (current == null) {
            jdbc.sql("INSERT INTO agency_client (agency_id, enterprise_id, service, since) VALUES (?, ?, ?, ?)")
                    .params(agencyId, enterprise.id(), service.strip(), Date.valueOf(since)).update();
        } else {
            jdbc.sql("UPDATE agency_client SET since = ?, ended_on = NULL WHERE agency_id = ? AND enterprise_id = ? AND service = ?")
                    .params(Date.valueOf(since), agencyId, enterprise.id(), service.strip()).update();
        }
        happened(agencyId, AgencyEvent.Kind.CLIENT_ADDED, enterprise.name() + "：" + service.strip() + "（" + since + " 起）");
    }

    /** Ends a current service on {@code endedOn} (not before it began, not after today); the record stays. */
    @Transactional
    public void endClient(long agencyId, long enterpriseId, String service, LocalDate endedOn) {
        target(agencyId);
        Client client = clients(agencyId).stream()
                .filter(c -> c.enterpriseId() == enterpriseId && c.service().equals(service) && c.current()).findFirst()
                .orElseThrow(() -> new RuleViolation("没有找到该机构正在提供的这项服务。"));
        if (endedOn == null || endedOn.isBefore(client.since()) || endedOn.isAfter(today())) {
            throw new RuleViolation("请填写服务结束日期（不早于开始日期 " + client.since() + "，不晚于今天）。");
        }
        jdbc.sql("UPDATE agency_client SET ended_on = ? WHERE agency_id = ? AND enterprise_id = ? AND service = ?")
                .params(Date.valueOf(endedOn), agencyId, enterpriseId, service).update();
        happened(agencyId, AgencyEvent.Kind.CLIENT_ENDED, client.enterpriseName() + "：" + service + "（" + endedOn + " 结束）");
    }

    private Agency target(long agencyId) {
        Agency agency = agency(agencyId);
        Audit.target("第三方机构", agencyId);
        return agency;
    }

    private void changeStatus(long agencyId, AgencyStatus status, String reason, LocalDate until) {
        jdbc.sql("UPDATE agency SET status = ?, status_reason = ?, suspended_until = ?, version = version + 1 WHERE id = ?")
                .params(status.name(), reason, until == null ? null : Date.valueOf(until), agencyId).update();
    }

    private void happened(long agencyId, AgencyEvent.Kind kind, String detail) {
        jdbc.sql("INSERT INTO agency_event (agency_id, kind, occurred_on, detail, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(agencyId, kind.name(), Date.valueOf(today()), detail.length() > 300 ? detail.substring(0, 300) : detail,
                        Actors.current().map(a -> a.username()).orElse("system"), Timestamp.from(clock.instant()))
                .update();
        Audit.detail(kind.label() + "：" + (detail.length() > 200 ? detail.substring(0, 200) : detail));
    }

    private void requireQualification(String qualificationNo, String grade, LocalDate validUntil) {
        if (qualificationNo == null || qualificationNo.isBlank() || grade == null || grade.isBlank()) {
            throw new RuleViolation("请填写资质证书编号和资质等级。");
        }
        if (qualificationNo.strip().length() > 50 || grade.strip().length() > 10) {
            throw new RuleViolation("资质证书编号不能超过 50 个字，资质等级不能超过 10 个字。");
        }
        if (validUntil != null && validUntil.isBefore(today())) {
            throw new RuleViolation("资质有效期至 " + validUntil + " 已过，请核实资质证书。");
        }
    }

    private static String requireReason(String reason, String action) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation(action + "须填写原因或依据。");
        }
        if (reason.strip().length() > 200) {
            throw new RuleViolation(action + "原因不能超过 200 个字。");
        }
        return reason.strip();
    }

    private static String text(LocalDate date) {
        return date == null ? "长期" : date.toString();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Agency agency(java.sql.ResultSet rs) throws java.sql.SQLException {
        Date validUntil = rs.getDate("valid_until");
        Date suspendedUntil = rs.getDate("suspended_until");
        return new Agency(rs.getLong("id"), rs.getString("name"), rs.getString("uscc"), AgencyKind.valueOf(rs.getString("kind")),
                rs.getString("qualification_no"), rs.getString("grade"), AgencyStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"), suspendedUntil == null ? null : suspendedUntil.toLocalDate(),
                validUntil == null ? null : validUntil.toLocalDate(), rs.getLong("organization_id"), rs.getInt("clients"));
    }
}
