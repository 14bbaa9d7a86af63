package cn.zhifa.hazard;

import cn.zhifa.audit.AuditRecord;
import cn.zhifa.audit.AuditTrail;
import cn.zhifa.evidence.EvidenceManagement;
import cn.zhifa.evidence.Upload;
import cn.zhifa.hazard.internal.Hazards;
import cn.zhifa.organization.DataScope;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Role;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enterprises report their own (major) hazards through a link an officer gives them: the link allows only
 * creating hazards of that one enterprise, which wait as REPORTED until officers confirm them.
 */
@Service
public class SelfReporting {

    private static final Duration VALID_FOR = Duration.ofDays(90);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Hazards hazards;
    private final EvidenceManagement evidence;
    private final EnterpriseManagement enterprises;
    private final DataScope scope;
    private final AuditTrail audit;
    private final Clock clock;

    SelfReporting(JdbcClient jdbc, Hazards hazards, EvidenceManagement evidence, EnterpriseManagement enterprises,
                  DataScope scope, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.hazards = hazards;
        this.evidence = evidence;
        this.enterprises = enterprises;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** A link of one enterprise. */
    public record Link(String token, long enterpriseId, String enterpriseName, long organizationId, Instant expiresAt) {

        public String path() {
            return "/hazard-report/" + token;
        }
    }

    /** An officer creates a link for an enterprise (valid 90 days). */
    @Transactional
    public Link createLink(long enterpriseId) {
        Actor actor = Actors.require();
        if (!actor.has(Role.OFFICER) && !actor.has(Role.LEADER)) {
            throw new RuleViolation("只有执法人员可以生成企业自报链接。");
        }
        EnterpriseSummary enterprise = enterprises.find(enterpriseId)
                .orElseThrow(() -> new RuleViolation("企业不存在，请从企业库中选择。"));
        scope.require(enterprise.organizationId());
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO hazard_report_link (token, enterprise_id, enterprise_name, organization_id, created_by,
                            created_at, expires_at) VALUES (:token, :e, :name, :org, :by, :now, :expires)""")
                .param("token", token).param("e", enterpriseId).param("name", enterprise.name())
                .param("org", actor.organizationId()).param("by", actor.userId()).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(VALID_FOR))).update();
        cn.zhifa.audit.Audit.target("企业自报链接", enterpriseId);
        return new Link(token, enterpriseId, enterprise.name(), actor.organizationId(), now.plus(VALID_FOR));
    }

    /** The link if it exists, is not revoked and has not expired. */
    @Transactional(readOnly = true)
    public Optional<Link> link(String token) {
        if (token == null || !token.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM hazard_report_link WHERE token = :t AND NOT revoked AND expires_at > :now")
                .param("t", token).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Link(rs.getString("token"), rs.getLong("enterprise_id"), rs.getString("enterprise_name"),
                        rs.getLong("organization_id"), rs.getTimestamp("expires_at").toInstant())).optional();
    }

    /** The enterprise reports a hazard through its link; photos optional. Nothing is kept on refusal. */
    @Transactional
    public Hazard report(String token, String description, String location, boolean major, String reporter,
                         List<Upload> photos) {
        Link link = link(token).orElseThrow(() -> new RuleViolation("链接无效或已过期，请联系执法人员重新获取。"));
        if (description == null || description.isBlank()) {
            throw new RuleViolation("请填写隐患描述。");
        }
        if (reporter == null || reporter.isBlank()) {
            throw new RuleViolation("请填写报告人姓名和联系方式。");
        }
        Actor enterprise = new EnterpriseActor(link);
        List<Long> ids = new ArrayList<>();
        for (Upload photo : photos) {
            ids.add(evidence.store(photo, enterprise, false).id());
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        Hazard hazard = hazards.save(Hazard.selfReported(new Hazard.Finding(link.organizationId(), link.enterpriseId(),
                link.enterpriseName(), null, null, null, HazardSource.SELF_REPORT,
                major ? HazardLevel.MAJOR : HazardLevel.GENERAL, null, location, description.strip()
                + "（报告人：" + reporter.strip() + "）", null, null, today), ids, clock.instant()));
        audit.record("企业自报隐患", "隐患", hazard.getId(), AuditRecord.Outcome.SUCCESS, link.enterpriseName());
        return hazard;
    }

    /** The enterprise acting through its link: no user, no roles. */
    private record EnterpriseActor(Link link) implements Actor {
        public long userId() {
            return 0;
        }

        public String username() {
            return "企业自报";
        }

        public String displayName() {
            return link.enterpriseName();
        }

        public long organizationId() {
            return link.organizationId();
        }

        public Set<Role> roles() {
            return Set.of();
        }
    }
}
