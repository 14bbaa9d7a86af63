package cn.zhifa.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

class EmbeddedPostgresPersistenceTests {

    @TempDir
    Path dataDir;

    private final EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();

    /**
     * One data directory started twice (each start costs about a second, so the checks share them): the first start
     * commits durably and, issue 14, trusts no local connection — without the generated password it is refused and the
     * password files are owner-only; the second start keeps the data.
     */
    @Test
    void a_second_start_keeps_the_data_commits_durably_and_refuses_connections_without_the_generated_password() throws Exception {
        DatabaseSecrets secrets = configuration.databaseSecrets(DatabaseDirectory.of(dataDir, false));
        try (EmbeddedPostgres first = configuration.embeddedPostgres(secrets, 0, false)) {
            JdbcClient jdbc = JdbcClient.create(first.getPostgresDatabase());
            jdbc.sql("CREATE TABLE kept (name text)").update();
            jdbc.sql("INSERT INTO kept VALUES ('东华街道')").update();
            assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("SHOW server_encoding").query(String.class).single()).isEqualTo("UTF8");

            assertRefusedWithoutPassword(first.getPort(), secrets);
            assertThat(jdbc.sql("SHOW password_encryption").query(String.class).single()).isEqualTo("scram-sha-256");
            assertThat(jdbc.sql("SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = 'postgres'")
                    .query(Boolean.class).single()).isTrue();
            assertThat(jdbc.sql("SELECT count(*) FROM pg_hba_file_rules WHERE auth_method <> 'scram-sha-256'")
                    .query(Long.class).single()).isZero();
        }
        assertThat(Files.getPosixFilePermissions(secrets.ownerFile())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(secrets.directory().resolve(DatabaseSecrets.APP_FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(secrets.directory())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(secrets.owner()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(secrets.app());

        assertThat(Files.exists(dataDir.resolve("pg").resolve("PG_VERSION"))).isTrue();
        try (EmbeddedPostgres second = configuration.embeddedPostgres(configuration.databaseSecrets(DatabaseDirectory.of(dataDir, false)), 0, false)) {
            DataSource dataSource = second.getPostgresDatabase();
            assertThat(JdbcClient.create(dataSource).sql("SELECT name FROM kept").query(String.class).single())
                    .isEqualTo("东华街道");
            assertRefusedWithoutPassword(second.getPort(), secrets);
        }
    }

    /** A data directory from before issue 14 (trust, no password) gets its password on the first start and is closed from then on. */
    @Test
    void a_data_directory_that_trusted_local_connections_is_closed_on_its_next_start() throws Exception {
        Path pgDir = dataDir.resolve("pg");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgDir).setCleanDataDirectory(false).start()) {
            JdbcClient.create(old.getPostgresDatabase()).sql("CREATE TABLE kept (name text)").update();
        }
        DatabaseSecrets secrets = configuration.databaseSecrets(DatabaseDirectory.of(dataDir, false));
        assertThat(secrets.ownerNew()).isTrue();
        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(secrets, 0, false)) {
            assertRefusedWithoutPassword(postgres.getPort(), secrets);
            assertThat(JdbcClient.create(postgres.getPostgresDatabase()).sql("SELECT count(*) FROM kept").query(Long.class).single())
                    .isZero();
        }
    }

    @Test
    void an_ephemeral_database_directory_goes_away_secrets_and_all_when_closed_and_a_data_directory_stays() throws Exception {
        DatabaseDirectory ephemeral = configuration.databaseDirectory(dataDir, true);
        DatabaseSecrets secrets = configuration.databaseSecrets(ephemeral);
        assertThat(ephemeral.path()).isNotEqualTo(dataDir.toAbsolutePath()).startsWith(Path.of(System.getProperty("java.io.tmpdir")));
        assertThat(secrets.ownerFile()).exists().startsWith(ephemeral.path());
        Files.createDirectories(ephemeral.path().resolve("pg"));

        ephemeral.close();

        assertThat(ephemeral.path()).doesNotExist();

        DatabaseDirectory kept = configuration.databaseDirectory(dataDir, false);
        DatabaseSecrets keptSecrets = configuration.databaseSecrets(kept);
        kept.close();
        assertThat(keptSecrets.ownerFile()).as("a real data directory keeps its secrets").exists();
    }

    private static void assertRefusedWithoutPassword(int port, DatabaseSecrets secrets) throws Exception {
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        Properties none = new Properties();
        none.setProperty("user", "postgres");
        assertThatThrownBy(() -> DriverManager.getConnection(url, none).close())
                .hasMessageContaining("password");
        Properties wrong = new Properties();
        wrong.setProperty("user", "postgres");
        wrong.setProperty("password", secrets.app());
        assertThatThrownBy(() -> DriverManager.getConnection(url, wrong).close())
                .hasMessageContaining("password authentication failed");
        Properties right = new Properties();
        right.setProperty("user", "postgres");
        right.setProperty("password", secrets.owner());
        DriverManager.getConnection(url, right).close();
    }
}
