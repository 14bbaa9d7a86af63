package cn.zhifa.registry;

import cn.zhifa.audit.Audit;
import cn.zhifa.law.Uscc;
import cn.zhifa.organization.DataScope;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Third-party agencies and the enterprises they serve, so an inspection of an enterprise can also check its
 * agencies (一企双查). Agencies belong to the unit that registered them; lists are data-scoped.
 */
@Service
public class AgencyManagement {

    private static final String SELECT = "SELECT a.*, (SELECT count(*) FROM agency_client c WHERE c.agency_id = a.id) AS clients FROM agency a ";

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final EnterpriseManagement enterprises;

    AgencyManagement(JdbcClient jdbc, DataScope scope, EnterpriseManagement enterprises) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.enterprises = enterprises;
    }

    @Transactional(readOnly = true)
    public List<Agency> agencies() {
        return jdbc.sql(SELECT + "WHERE a.organization_id IN (:orgs) ORDER BY a.kind, a.name")
                .param("orgs", scope.visibleOrganizationIds()).query((rs, n) -> agency(rs)).list();
    }

    @Transactional(readOnly = true)
    public Agency agency(long id) {
        Agency agency = jdbc.sql(SELECT + "WHERE a.id = ?").param(id).query((rs, n) -> agency(rs)).optional()
                .orElseThrow(() -> RuleViolation.notFound("机构不存在。"));
        scope.require(agency.organizationId());
        return agency;
    }

    /** The enterprises an agency serves: (enterprise id, name, service, since). */
    @Transactional(readOnly = true)
    public List<Client> clients(long agencyId) {
        agency(agencyId);
        return jdbc.sql("SELECT e.id, e.name, e.uscc, c.service, c.since FROM agency_client c JOIN enterprise e ON e.id = c.enterprise_id "
                        + "WHERE c.agency_id = ? ORDER BY c.since DESC")
                .param(agencyId).query((rs, n) -> new Client(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5).toLocalDate())).list();
    }

    public record Client(long enterpriseId, String enterpriseName, String uscc, String service, LocalDate since) {
    }

    @Transactional
    public long register(String name, String uscc, AgencyKind kind, String qualificationNo, String grade, LocalDate validUntil) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new RuleViolation("请填写机构名称（不超过 100 个字）。");
        }
        var check = Uscc.parse(uscc == null ? "" : uscc.strip());
        if (!check.valid()) {
            throw new RuleViolation("统一社会信用代码有误：" + check.reason() + "。");
        }
        if (kind == null) {
            throw new RuleViolation("请选择机构类别。");
        }
        if (qualificationNo == null || qualificationNo.isBlank() || grade == null || grade.isBlank()) {
            throw new RuleViolation("请填写资质证书编号和资质等级。");
        }
        if (jdbc.sql("SELECT count(*) FROM agency WHERE uscc = ?").param(check.value().value()).query(Long.class).single() > 0) {
            throw RuleViolation.conflict("该统一社会信用代码的机构已登记。");
        }
        long id = jdbc.sql("INSERT INTO agency (name, uscc, kind, qualification_no, grade, status, valid_until, organization_id) "
                        + "VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?) RETURNING id")
                .params(name.strip(), check.value().value(), kind.name(), qualificationNo.strip(), grade.strip(),
                        validUntil == null ? null : Date.valueOf(validUntil), Actors.require().organizationId())
                .query(Long.class).single();
        Audit.target("第三方机构", id);
        return id;
    }

    /** Records that an agency serves an enterprise (found by USCC in the user's scope). */
    @Transactional
    public void addClient(long agencyId, String enterpriseUscc, String service, LocalDate since) {
        agency(agencyId);
        EnterpriseSummary enterprise = enterprises.findByUscc(enterpriseUscc)
                .orElseThrow(() -> new RuleViolation("企业库中没有统一社会信用代码为“" + enterpriseUscc + "”的企业。"));
        scope.require(enterprise.organizationId());
        if (service == null || service.isBlank() || service.strip().length() > 60) {
            throw new RuleViolation("请填写服务内容（不超过 60 个字）。");
        }
        if (since == null) {
            throw new RuleViolation("请填写服务开始日期。");
        }
        jdbc.sql("INSERT INTO agency_client (agency_id, enterprise_id, service, since) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(agencyId, enterprise.id(), service.strip(), Date.valueOf(since)).update();
        Audit.target("第三方机构", agencyId);
    }

    private static Agency agency(java.sql.ResultSet rs) throws java.sql.SQLException {
        Date validUntil = rs.getDate("valid_until");
        return new Agency(rs.getLong("id"), rs.getString("name"), rs.getString("uscc"), AgencyKind.valueOf(rs.getString("kind")),
                rs.getString("qualification_no"), rs.getString("grade"), rs.getString("status"),
                validUntil == null ? null : validUntil.toLocalDate(), rs.getLong("organization_id"), rs.getInt("clients"));
    }
}
