package cn.zhifa.shared.scheduling;

import java.net.InetAddress;
import java.net.UnknownHostException;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With several nodes on one database every node runs the same {@code @Scheduled} methods; each daily sweep and
 * generator therefore names a lock ({@code @SchedulerLock}) that one node takes in the {@code shedlock} table (Flyway
 * V1_61) before it runs, on the database's clock. The lock is held at least a minute, so a node whose clock is a few
 * seconds late does not run the sweep again, and at most an hour (six for the audit archive), so a node that dies
 * mid-sweep does not block the next day's. Only the scheduler's calls are locked: a sweep called on demand runs.
 * A method that must run on every node (a per-node cache refresh) has no lock; {@code ScheduledOnceTests} lists them.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(interceptMode = EnableSchedulerLock.InterceptMode.PROXY_SCHEDULER,
        defaultLockAtMostFor = "PT1H", defaultLockAtLeastFor = "PT1M")
public class SchedulingLocks {

    @Bean
    LockProvider lockProvider(DataSource dataSource, @Value("${zhifa.scheduling.node-name:}") String nodeName) {
        return onDatabase(dataSource, nodeName.isBlank() ? hostName() : nodeName);
    }

    /** The locks of one node, named {@code node} in the table's {@code locked_by}. */
    public static LockProvider onDatabase(DataSource dataSource, String node) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .withLockedByValue(node)
                .usingDbTime()
                .build());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
        } catch (UnknownHostException e) {
            return "node-" + ProcessHandle.current().pid();
        }
    }
}
