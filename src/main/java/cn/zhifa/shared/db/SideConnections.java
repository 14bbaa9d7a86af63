package cn.zhifa.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A few connections of their own on the primary database (the main pool's URL, login and driver settings), for short
 * work that must commit in a transaction of its own while the calling thread may already hold a connection of the main
 * pool: the audit chain's append, which records a command whether or not the command's transaction commits.
 * <p>
 * Taken from the main pool, such work needs two of its connections at once. When every connection is held by a thread
 * that waits for its second (a burst of audited requests, or of module listeners: 8 + 2 threads against an external
 * database's pool of 10), none is ever returned: all wait out the pool's connection timeout (30 s) and fail. Work on
 * this pool holds one of its connections and never asks for another, so it always finishes and the main pool's
 * threads go on.
 */
@Component
public class SideConnections implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SideConnections.class);

    private final HikariDataSource pool;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SideConnections(DataSource main, @Value("${zhifa.db.side-pool-size}") int size) {
        if (size < 1) {
            throw new IllegalArgumentException("zhifa.db.side-pool-size must be at least 1, is " + size);
        }
        HikariDataSource mainPool = hikari(main);
        DataSource used;
        if (mainPool == null) {
            log.warn("The main DataSource is no Hikari pool ({}): work in transactions of its own uses it too, "
                    + "and needs a second of its connections.", main.getClass().getName());
            this.pool = null;
            used = main;
        } else {
            HikariConfig config = new HikariConfig();
            mainPool.copyStateTo(config);
            config.setPoolName((mainPool.getPoolName() == null ? "zhifa" : mainPool.getPoolName()) + "-side");
            config.setMaximumPoolSize(size);
            config.setMinimumIdle(Math.min(1, size));
            config.setReadOnly(false);
            // connect when first used, like the main pool: a database still starting is no startup failure here
            config.setInitializationFailTimeout(-1);
            this.pool = new HikariDataSource(config);
            used = pool;
        }
        this.jdbc = JdbcClient.create(used);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(used));
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private static HikariDataSource hikari(DataSource main) {
        if (main instanceof HikariDataSource pool) {
            return pool;
        }
        try {
            return main.isWrapperFor(HikariDataSource.class) ? main.unwrap(HikariDataSource.class) : null;
        } catch (SQLException notAWrapper) {
            return null;
        }
    }

    /** Runs the work in a transaction of its own on one of these connections; it commits unless the work throws. */
    public void inOwnTransaction(Consumer<JdbcClient> work) {
        transactions.executeWithoutResult(status -> work.accept(jdbc));
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
