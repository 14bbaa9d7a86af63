package cn.zhifa.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Issue 18 (Production): the asynchronous read replica the statistics are read from, when one is configured
 * ({@code zhifa.replica.url}); none: everything reads the primary. Deliberately not a {@link DataSource} bean, so
 * it never becomes the application's data source, Flyway's, or a health indicator's (a replica that is down must not
 * take a node out of the load balancer). Its connections are read-only in every mode: a write through it fails even
 * when the URL points at the primary by mistake.
 */
public final class ReadReplica implements AutoCloseable {

    private static final ReadReplica NONE = new ReadReplica(null);

    private final DataSource dataSource;

    private ReadReplica(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** No replica: the statistics read the primary. */
    public static ReadReplica none() {
        return NONE;
    }

    /** The statistics read through {@code dataSource} (a test's, or a pool built elsewhere). */
    public static ReadReplica of(DataSource dataSource) {
        return new ReadReplica(dataSource);
    }

    /**
     * A read-only pool on {@code settings.url()} (none when it is blank). The pool starts without a connection, so a
     * replica that is down at start does not stop the application; it waits at most {@code connectionTimeout} for one.
     */
    public static ReadReplica connect(Settings settings) {
        if (settings.url() == null || settings.url().isBlank()) {
            return NONE;
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("zhifa-replica");
        pool.setJdbcUrl(settings.url());
        pool.setUsername(blankAsNull(settings.username()));
        pool.setPassword(blankAsNull(settings.password()));
        pool.setReadOnly(true);
        // pgjdbc applies read-only to autocommit statements too (its default, "transaction", only to explicit ones)
        pool.addDataSourceProperty("readOnlyMode", "always");
        pool.addDataSourceProperty("ApplicationName", settings.applicationName());
        pool.setMaximumPoolSize(settings.maximumPoolSize());
        pool.setMinimumIdle(Math.min(settings.minimumIdle(), settings.maximumPoolSize()));
        pool.setConnectionTimeout(settings.connectionTimeout().toMillis());
        pool.setInitializationFailTimeout(-1);
        return new ReadReplica(pool);
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public boolean configured() {
        return dataSource != null;
    }

    /** The replica's read-only connections, when one is configured. */
    public Optional<DataSource> dataSource() {
        return Optional.ofNullable(dataSource);
    }

    @Override
    public void close() {
        if (dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
    }

    /**
     * {@code zhifa.replica.*}: the replica's JDBC URL (blank: none), its login (default: the primary's), the name its
     * connections carry in {@code pg_stat_activity}, the pool, how long a read waits for a connection before it falls
     * back to the primary, how long the primary is used after the replica failed, and how long the figures' freshness
     * ({@code 数据截至}) is cached.
     */
    @ConfigurationProperties("zhifa.replica")
    public record Settings(@DefaultValue("") String url, String username, String password,
                           @DefaultValue("zhifa-statistics") String applicationName,
                           @DefaultValue("10") int maximumPoolSize, @DefaultValue("2") int minimumIdle,
                           @DefaultValue("2s") Duration connectionTimeout, @DefaultValue("30s") Duration retryAfter,
                           @DefaultValue("5s") Duration freshnessCache) {
    }
}
