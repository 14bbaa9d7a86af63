package cn.zhifa.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL 17 inside the application when no external database is configured
 * ({@code spring.datasource.url} unset). The data directory lives under {@code zhifa.data-dir}/pg and
 * survives restarts; fsync and synchronous commit stay on because this is the system of record.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${zhifa.data-dir}") Path dataDir,
                                      @Value("${zhifa.embedded-db.port:0}") int port,
                                      @Value("${zhifa.embedded-db.ephemeral:false}") boolean ephemeral) throws IOException {
        Path pgDir = ephemeral ? Files.createTempDirectory("zhifa-pg-") : dataDir.resolve("pg").toAbsolutePath();
        Files.createDirectories(pgDir);
        StalePostmaster.stopIfRunning(pgDir);
        boolean fresh = !Files.exists(pgDir.resolve("PG_VERSION"));
        log.info("{} embedded PostgreSQL in {}", fresh ? "Initialising" : "Starting", pgDir);
        try {
            return builder(pgDir, port, ephemeral, true).start();
        } catch (IOException utf8LocaleMissing) {
            if (!fresh) {
                throw utf8LocaleMissing;
            }
            log.warn("initdb with locale C.UTF-8 failed ({}); retrying with the default locale", utf8LocaleMissing.getMessage());
            return builder(pgDir, port, ephemeral, false).start();
        }
    }

    private static EmbeddedPostgres.Builder builder(Path pgDir, int port, boolean ephemeral, boolean utf8Locale) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgDir)
                .setCleanDataDirectory(ephemeral)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", ephemeral ? "off" : "on")
                .setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
                .setServerConfig("full_page_writes", ephemeral ? "off" : "on")
                .setServerConfig("max_connections", "200");
        if (port > 0) {
            builder.setPort(port);
        }
        if (utf8Locale) {
            builder.setLocaleConfig("locale", "C.UTF-8");
        }
        return builder;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("zhifa-embedded");
        return dataSource;
    }
}
