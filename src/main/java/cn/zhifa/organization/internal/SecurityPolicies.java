package cn.zhifa.organization.internal;

import cn.zhifa.organization.SecurityPolicy;
import java.time.Instant;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SecurityPolicies {

    private final JdbcClient jdbc;

    SecurityPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SecurityPolicy current() {
        return jdbc.sql("""
                SELECT password_min_length, password_min_classes, lockout_threshold, lockout_minutes,
                       session_idle_minutes, token_ttl_minutes, version
                  FROM security_policy WHERE id = 1""")
                .query((rs, n) -> new SecurityPolicy(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7)))
                .single();
    }

    public void save(SecurityPolicy policy, String by, Instant at) {
        int updated = jdbc.sql("""
                UPDATE security_policy SET password_min_length = ?, password_min_classes = ?, lockout_threshold = ?,
                       lockout_minutes = ?, session_idle_minutes = ?, token_ttl_minutes = ?, version = version + 1,
                       updated_at = ?, updated_by = ?
                 WHERE id = 1 AND version = ?""")
                .params(policy.passwordMinLength(), policy.passwordMinClasses(), policy.lockoutThreshold(),
                        policy.lockoutMinutes(), policy.sessionIdleMinutes(), policy.tokenTtlMinutes(),
                        java.sql.Timestamp.from(at), by, policy.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("security policy changed concurrently");
        }
    }
}
