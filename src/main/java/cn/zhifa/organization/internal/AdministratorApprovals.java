package cn.zhifa.organization.internal;

import cn.zhifa.organization.AdministratorApproval;
import cn.zhifa.shared.security.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests that wait for the other 三员 administrator (table administrator_approval). */
@Repository
public class AdministratorApprovals {

    private static final String COLUMNS = "id, kind, target_user, requested_by, requested_as, roles, password_hash, requested_at, status";

    private final JdbcClient jdbc;

    AdministratorApprovals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long request(AdministratorApproval.Kind kind, long targetUser, long requestedBy, Role requestedAs,
                        Set<Role> roles, String passwordHash, Instant at) {
        jdbc.sql("UPDATE administrator_approval SET status = 'SUPERSEDED', decided_at = ? "
                        + "WHERE target_user = ? AND kind = ? AND status = 'PENDING'")
                .params(Timestamp.from(at), targetUser, kind.name()).update();
        return jdbc.sql("INSERT INTO administrator_approval (kind, target_user, requested_by, requested_as, roles, "
                        + "password_hash, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
                .params(kind.name(), targetUser, requestedBy, requestedAs.name(),
                        roles == null ? null : roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")),
                        passwordHash, Timestamp.from(at))
                .query(Long.class).single();
    }

    public Optional<AdministratorApproval> findPending(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM administrator_approval WHERE id = ? AND status = 'PENDING'")
                .param(id).query(AdministratorApprovals::map).optional();
    }

    public List<AdministratorApproval> pending(List<Long> targetUsers) {
        if (targetUsers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM administrator_approval WHERE status = 'PENDING' "
                        + "AND target_user IN (:users) ORDER BY requested_at, id")
                .param("users", targetUsers).query(AdministratorApprovals::map).list();
    }

    public void decide(long id, boolean approved, long by, Instant at) {
        jdbc.sql("UPDATE administrator_approval SET status = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'PENDING'")
                .params(approved ? "APPROVED" : "REJECTED", by, Timestamp.from(at), id).update();
    }

    private static AdministratorApproval map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String roles = rs.getString("roles");
        Set<Role> roleSet = EnumSet.noneOf(Role.class);
        if (roles != null && !roles.isBlank()) {
            Arrays.stream(roles.split(",")).map(Role::valueOf).forEach(roleSet::add);
        }
        return new AdministratorApproval(rs.getLong("id"), AdministratorApproval.Kind.valueOf(rs.getString("kind")),
                rs.getLong("target_user"), rs.getLong("requested_by"), Role.valueOf(rs.getString("requested_as")),
                roleSet, rs.getString("password_hash"), rs.getTimestamp("requested_at").toInstant());
    }
}
