package cn.zhifa;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Issue 14: the application's pool logs in as {@code zhifa_app}, which may not change or empty the audit tables nor
 * disable a trigger. Tests that tamper with the database on purpose (to prove the chain or a signature catches it)
 * do it as the owner role, through this helper: the embedded database's {@code ownerDataSource}; on an external
 * database the {@code spring.flyway.user}/{@code password} Flyway migrates with (or the one configured role, when
 * the deployment has only one).
 */
public final class OwnerDatabase {

    private final DataSource application;
    private final DataSource owner;

    private OwnerDatabase(DataSource application, DataSource owner) {
        this.application = application;
        this.owner = owner;
    }

    public static OwnerDatabase of(ApplicationContext context) {
        DataSource application = context.getBean(DataSource.class);
        if (context.containsBean("ownerDataSource")) {
            return new OwnerDatabase(application, context.getBean("ownerDataSource", DataSource.class));
        }
        Environment environment = context.getEnvironment();
        String user = environment.getProperty("spring.flyway.user");
        if (user == null || user.isBlank()) {
            return new OwnerDatabase(application, application);
        }
        String url = environment.getProperty("spring.flyway.url", environment.getProperty("spring.datasource.url"));
        return new OwnerDatabase(application, new DriverManagerDataSource(url, user, environment.getProperty("spring.flyway.password", "")));
    }

    /** The owner's data source (a connection that is not the application's role). */
    public DataSource dataSource() {
        return owner;
    }

    /**
     * Runs {@code work} in one owner transaction that is rolled back afterwards. While it runs, that connection is
     * this thread's current transaction of the application's data source too, so the application's own code called
     * from {@code work} (a chain check, a verification) sees the tampered rows, and nothing of it stays.
     */
    public void inRolledBackTransaction(Consumer<JdbcClient> work) {
        try (Connection connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            ConnectionHolder holder = new ActiveHolder(connection);
            TransactionSynchronizationManager.bindResource(application, holder);
            try {
                work.accept(JdbcClient.create(application));
            } finally {
                TransactionSynchronizationManager.unbindResource(application);
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code work} on an owner connection, each statement committed. */
    public void committed(Consumer<JdbcClient> work) {
        work.accept(JdbcClient.create(owner));
    }

    private static final class ActiveHolder extends ConnectionHolder {
        ActiveHolder(Connection connection) {
            super(connection);
            setTransactionActive(true);
        }
    }
}
