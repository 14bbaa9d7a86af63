package cn.zhifa.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Starts PostgreSQL 17 inside the application when no external database is configured
 * ({@code spring.datasource.url} unset). The data directory lives under {@code zhifa.data-dir}/pg and
 * survives restarts; fsync and synchronous commit stay on because this is the system of record.
 * <p>
 * Issue 14: the server is not open locally. Every connection, over the socket or TCP, authenticates with
 * scram-sha-256 ({@code pg_hba.conf} is rewritten on every start); the passwords are generated once
 * ({@link DatabaseSecrets}, owner-only files under {@code zhifa.data-dir}/db-secret). Flyway migrates as the owner
 * role {@code postgres}; the application's pool connects as {@code zhifa_app}, which migration V1_30 creates and
 * grants (it owns no table; the audit tables are insert-only for it).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    /** The role the application's connection pool logs in as (created by migration V1_30). */
    public static final String APP_ROLE = "zhifa_app";
    /** The owner role: the schema's objects belong to it; Flyway and the backup tools use it. */
    public static final String OWNER_ROLE = "postgres";

    static final String PG_HBA = """
            # Zhifa (issue 14): no trust, no peer. Every local and loopback connection proves its password with SCRAM.
            # This file is rewritten at every start of the application.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean
    DatabaseDirectory databaseDirectory(@Value("${zhifa.data-dir}") Path dataDir,
                                        @Value("${zhifa.embedded-db.ephemeral:false}") boolean ephemeral) throws IOException {
        return DatabaseDirectory.of(dataDir, ephemeral);
    }

    @Bean
    DatabaseSecrets databaseSecrets(DatabaseDirectory directory) throws IOException {
        return DatabaseSecrets.loadOrCreate(directory.path());
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DatabaseSecrets secrets,
                                      @Value("${zhifa.embedded-db.port:0}") int port,
                                      @Value("${zhifa.embedded-db.ephemeral:false}") boolean ephemeral) throws IOException {
        Path pgDir = secrets.directory().getParent().resolve("pg");
        Files.createDirectories(pgDir);
        StalePostmaster.stopIfRunning(pgDir);
        boolean fresh = !Files.exists(pgDir.resolve("PG_VERSION"));
        if (!fresh && secrets.ownerNew()) {
            setOwnerPasswordOnce(pgDir, port, secrets);
        }
        log.info("{} embedded PostgreSQL in {}", fresh ? "Initialising" : "Starting", pgDir);
        EmbeddedPostgres postgres;
        try {
            postgres = builder(pgDir, port, ephemeral, true, secrets).start();
        } catch (IOException utf8LocaleMissing) {
            if (!fresh) {
                throw utf8LocaleMissing;
            }
            log.warn("initdb with locale C.UTF-8 failed ({}); retrying with the default locale", utf8LocaleMissing.getMessage());
            postgres = builder(pgDir, port, ephemeral, false, secrets).start();
        }
        SpringApplication.getShutdownHandlers().add(new StopAfterContexts(postgres));
        return postgres;
    }

    /**
     * Stops the server when the JVM ends, after Spring Boot's shutdown hook has closed every application context: a
     * context that closes stops the server itself (this bean's destroy method, after the pools and everything else
     * that uses it), so this is a no-op then; it matters only for a context nobody closed. zonky's own shutdown hook is
     * off ({@link EmbeddedPostgres.Builder#setRegisterShutdownHook}): the JVM runs shutdown hooks concurrently, and
     * that one stopped the server while the context was still closing (listeners and schedulers finishing their work,
     * the pools closing), which then waited on dead connections until the test JVM was killed.
     */
    private record StopAfterContexts(EmbeddedPostgres postgres) implements Runnable {
        @Override
        public void run() {
            try {
                postgres.close();
            } catch (IOException | RuntimeException e) {
                log.warn("could not stop the embedded PostgreSQL: {}", e.toString());
            }
        }
    }

    /**
     * A data directory from before issue 14 trusts local connections and its superuser has no password: start it
     * once as it is, give the owner role its generated password, stop it; the real start then enforces SCRAM.
     */
    private static void setOwnerPasswordOnce(Path pgDir, int port, DatabaseSecrets secrets) throws IOException {
        log.warn("The embedded PostgreSQL in {} has no password yet; setting the generated one (SCRAM from now on)", pgDir);
        EmbeddedPostgres.Builder open = EmbeddedPostgres.builder().setDataDirectory(pgDir).setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60)).setServerConfig("password_encryption", "scram-sha-256");
        if (port > 0) {
            open.setPort(port);
        }
        try (EmbeddedPostgres postgres = open.start();
             Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE " + OWNER_ROLE + " WITH PASSWORD " + literal(secrets.owner()));
        } catch (SQLException e) {
            throw new IOException("could not set the password of the embedded PostgreSQL owner role", e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path pgDir, int port, boolean ephemeral, boolean utf8Locale,
                                                    DatabaseSecrets secrets) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgDir)
                .setCleanDataDirectory(ephemeral)
                .setPGStartupWait(Duration.ofSeconds(60))
                // stopped after the application context (destroy method, or StopAfterContexts), not beside it
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", ephemeral ? "off" : "on")
                .setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
                .setServerConfig("full_page_writes", ephemeral ? "off" : "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("password_encryption", "scram-sha-256")
                // initdb (first start only) sets the owner's password from the owner-only file ...
                .setLocaleConfig("pwfile", secrets.ownerFile().toString())
                // ... the readiness check logs in with it ...
                .setConnectConfig("password", secrets.owner())
                // ... and before every start pg_hba.conf demands SCRAM for every connection.
                .setDataDirectoryCustomizer(EmbeddedPostgresConfiguration::requireScram);
        if (port > 0) {
            builder.setPort(port);
        }
        if (utf8Locale) {
            builder.setLocaleConfig("locale", "C.UTF-8");
        }
        return builder;
    }

    static void requireScram(File dataDirectory) {
        Path hba = dataDirectory.toPath().resolve("pg_hba.conf");
        try {
            Files.writeString(hba, PG_HBA, StandardCharsets.UTF_8);
            if (hba.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(hba, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + hba, e);
        }
    }

    /** The application's pool: the restricted role. */
    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres, DatabaseSecrets secrets,
                          @Value("${spring.datasource.hikari.maximum-pool-size}") int size) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl(APP_ROLE, "postgres"));
        dataSource.setUsername(APP_ROLE);
        dataSource.setPassword(secrets.app());
        dataSource.setMaximumPoolSize(size);
        dataSource.setPoolName("zhifa-embedded");
        return dataSource;
    }

    /** The owner's connections: Flyway only (and tests that must tamper with the audit chain on purpose). */
    @Bean(destroyMethod = "close", defaultCandidate = false)
    @FlywayDataSource
    DataSource ownerDataSource(EmbeddedPostgres postgres, DatabaseSecrets secrets) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl(OWNER_ROLE, "postgres"));
        dataSource.setUsername(OWNER_ROLE);
        dataSource.setPassword(secrets.owner());
        dataSource.setMaximumPoolSize(5); // Flyway holds several at once (its lock, the schema history, the migration)
        dataSource.setMinimumIdle(0);
        dataSource.setIdleTimeout(Duration.ofSeconds(30).toMillis());
        dataSource.setPoolName("zhifa-embedded-owner");
        return dataSource;
    }

    /** After every migrate: the application role may log in, with its generated password. */
    @Bean
    Callback applicationRoleLogin(DatabaseSecrets secrets) {
        return new Callback() {
            @Override
            public boolean supports(Event event, Context context) {
                return event == Event.AFTER_MIGRATE;
            }

            @Override
            public boolean canHandleInTransaction(Event event, Context context) {
                return true;
            }

            @Override
            public void handle(Event event, Context context) {
                try (Statement statement = context.getConnection().createStatement()) {
                    statement.execute("ALTER ROLE " + APP_ROLE + " WITH LOGIN PASSWORD " + literal(secrets.app()));
                } catch (SQLException e) {
                    throw new IllegalStateException("could not enable the application role " + APP_ROLE, e);
                }
            }

            @Override
            public String getCallbackName() {
                return "zhifa-application-role-login";
            }
        };
    }

    private static String literal(String generated) {
        if (!generated.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("unexpected characters in a generated password");
        }
        return "'" + generated + "'";
    }
}
