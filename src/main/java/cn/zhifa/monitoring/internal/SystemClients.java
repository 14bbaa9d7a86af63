package cn.zhifa.monitoring.internal;

import cn.zhifa.audit.Audit;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.shared.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monitoring systems allowed to push alarms and patrol results: a name, the unit they report for, a random secret
 * shown once at creation (only its SHA-256 is kept) and whether they are active. Created and switched off by ADMIN.
 */
@Component
public class SystemClients {

    static final String PREFIX = "zfm_";

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final OrganizationManagement organizations;
    private final Clock clock;

    SystemClients(JdbcClient jdbc, OrganizationManagement organizations, Clock clock) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.clock = clock;
    }

    public record Client(long id, String name, long organizationId, String organizationName, boolean active, Instant createdAt) {
    }

    /** The new client and its secret, which is shown this once. */
    public record Created(long id, String secret) {
    }

    @Transactional
    public Created create(String name, Long organizationId) {
        return create(name, organizationId, false);
    }

    @Transactional
    public Created create(String name, Long organizationId, boolean demo) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new RuleViolation("请填写接入系统名称（不超过100字）。");
        }
        if (organizationId == null || organizations.find(organizationId).isEmpty()) {
            throw new RuleViolation("请选择该系统报送数据所属的单位。");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("""
                        INSERT INTO monitoring_client (name, organization_id, secret_hash, active, created_at, demo)
                        VALUES (?, ?, ?, TRUE, ?, ?) RETURNING id""")
                .params(clean, organizationId, hash(secret), Timestamp.from(clock.instant()), demo).query(Long.class).single();
        Audit.target("监测系统接入客户端", id);
        return new Created(id, secret);
    }

    @Transactional
    public void setActive(long id, boolean active) {
        Audit.target("监测系统接入客户端", id);
        if (jdbc.sql("UPDATE monitoring_client SET active = ? WHERE id = ?").params(active, id).update() == 0) {
            throw RuleViolation.notFound("接入客户端不存在。");
        }
    }

    @Transactional(readOnly = true)
    public List<Client> list() {
        List<Client> rows = jdbc.sql("SELECT id, name, organization_id, active, created_at FROM monitoring_client ORDER BY id")
                .query((rs, n) -> new Client(rs.getLong(1), rs.getString(2), rs.getLong(3), "", rs.getBoolean(4),
                        rs.getTimestamp(5).toInstant())).list();
        return rows.stream().map(c -> new Client(c.id(), c.name(), c.organizationId(),
                organizations.find(c.organizationId()).map(OrganizationView::name).orElse(""), c.active(), c.createdAt())).toList();
    }

    /** The active client a bearer secret belongs to; empty for anything else (a user's token, a revoked client). */
    @Transactional(readOnly = true)
    public Optional<ClientPrincipal> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, name, organization_id FROM monitoring_client WHERE secret_hash = ? AND active")
                .param(hash(secret))
                .query((rs, n) -> new ClientPrincipal(rs.getLong(1), rs.getString(2), rs.getLong(3))).optional();
    }

    @Transactional
    public void purgeDemo() {
        jdbc.sql("DELETE FROM monitoring_client WHERE demo").update();
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
