package cn.zhifa.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

class EmbeddedPostgresPersistenceTests {

    @TempDir
    Path dataDir;

    @Test
    void a_second_start_keeps_the_data_and_commits_durably() throws Exception {
        EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();
        try (EmbeddedPostgres first = configuration.embeddedPostgres(dataDir, 0, false)) {
            JdbcClient jdbc = JdbcClient.create(first.getPostgresDatabase());
            jdbc.sql("CREATE TABLE kept (name text)").update();
            jdbc.sql("INSERT INTO kept VALUES ('东华街道')").update();
            assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("SHOW server_encoding").query(String.class).single()).isEqualTo("UTF8");
        }
        assertThat(Files.exists(dataDir.resolve("pg").resolve("PG_VERSION"))).isTrue();
        try (EmbeddedPostgres second = configuration.embeddedPostgres(dataDir, 0, false)) {
            DataSource dataSource = second.getPostgresDatabase();
            assertThat(JdbcClient.create(dataSource).sql("SELECT name FROM kept").query(String.class).single())
                    .isEqualTo("东华街道");
        }
    }
}
