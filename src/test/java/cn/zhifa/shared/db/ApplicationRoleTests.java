package cn.zhifa.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.OwnerDatabase;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.audit.AuditTrail;
import cn.zhifa.audit.AuditRecord.Outcome;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14: the application's own connections (its DataSource) belong to a role that owns no table and may only
 * append to the audit log: PostgreSQL itself refuses UPDATE, DELETE, TRUNCATE and disabling a trigger, so a
 * compromised application cannot rewrite the log (only the owner can try, and the triggers stop that too).
 */
@ZhifaIntegrationTest
@Tag("external-db")
class ApplicationRoleTests {

    @Autowired
    DataSource dataSource;
    @Autowired
    AuditTrail trail;
    @Autowired
    ApplicationContext context;

    @Test
    void the_application_role_owns_no_table_and_is_not_the_migration_owner() {
        JdbcClient app = JdbcClient.create(dataSource);
        String role = app.sql("SELECT current_user").query(String.class).single();
        String owner = JdbcClient.create(OwnerDatabase.of(context).dataSource()).sql("SELECT current_user").query(String.class).single();
        assertThat(role).isNotEqualTo(owner);
        assertThat(app.sql("SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = current_user")
                .query(Boolean.class).single()).isFalse();
        assertThat(app.sql("SELECT count(*) FROM pg_tables WHERE tableowner = current_user").query(Long.class).single()).isZero();
        assertThat(app.sql("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()").query(Long.class).single())
                .isGreaterThan(50);
        assertThatThrownBy(() -> app.sql("SELECT count(*) FROM flyway_schema_history").query(Long.class).single())
                .satisfies(e -> assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).getMessage()).contains("permission denied"));
    }

    @Test
    void postgres_refuses_update_delete_truncate_and_disabling_triggers_of_the_audit_tables_through_the_application_connection() {
        trail.record("数据库角色测试", null, null, Outcome.SUCCESS, "应用角色只能追加");
        JdbcClient app = JdbcClient.create(dataSource);
        long rows = app.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
        assertThat(rows).isPositive();
        for (String statement : new String[] {
                "UPDATE audit_log SET detail = '改写' WHERE id = (SELECT max(id) FROM audit_log)",
                "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)",
                "TRUNCATE audit_log",
                "UPDATE audit_archive SET row_count = 0",
                "DELETE FROM audit_archive",
                "TRUNCATE audit_archive"}) {
            assertThatThrownBy(() -> app.sql(statement).update()).as(statement).satisfies(e -> assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).getMessage()).contains("permission denied"));
        }
        assertThatThrownBy(() -> app.sql("ALTER TABLE audit_log DISABLE TRIGGER USER").update())
                .satisfies(e -> assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).getMessage()).contains("must be owner"));
        assertThatThrownBy(() -> app.sql("SELECT setval('audit_log_id_seq', 1)").query(Long.class).single())
                .satisfies(e -> assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).getMessage()).contains("permission denied"));
        assertThat(app.sql("SELECT count(*) FROM audit_log").query(Long.class).single()).isEqualTo(rows);
        // and it still appends: the row above was written through this role
        assertThat(app.sql("SELECT count(*) FROM audit_log WHERE action = '数据库角色测试'").query(Long.class).single()).isPositive();
    }
}
