package cn.zhifa.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.audit.AuditRecord.Outcome;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An audit entry is written in a transaction of its own, on connections of its own ({@code shared.db.SideConnections}):
 * a thread that holds a connection of the main pool never waits for a second one to audit. When the entries took the
 * main pool's, a burst of audited work that held every connection waited out the pool's timeout (30 s) and failed (CI
 * on the external database, 8 + 2 listener threads against a pool of 10).
 */
@ZhifaIntegrationTest
@Tag("external-db")
class AuditConnectionsTests {

    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;

    @Test
    void a_change_is_audited_while_every_connection_of_the_main_pool_is_held() throws Exception {
        HikariDataSource main = dataSource.unwrap(HikariDataSource.class);
        String action = "测试：连接池占满时审计 " + UUID.randomUUID().toString().substring(0, 8);
        List<Connection> held = new ArrayList<>();
        int[] activeWhileRecording = new int[1];
        try {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                jdbc.sql("SELECT 1").query(Integer.class).single(); // the caller's own connection of the main pool
                HikariPoolMXBean pool = main.getHikariPoolMXBean();
                try {
                    while (pool.getTotalConnections() < main.getMaximumPoolSize() || pool.getIdleConnections() > 0) {
                        held.add(main.getConnection());
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                activeWhileRecording[0] = pool.getActiveConnections();
                audit.record(action, "测试", 1, Outcome.SUCCESS, null);
            });
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        assertThat(activeWhileRecording[0]).as("every connection of the main pool in use").isEqualTo(main.getMaximumPoolSize());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = ?").param(action).query(Long.class).single())
                .isEqualTo(1);
    }
}
