package cn.zhifa.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ZhifaApplication;
import cn.zhifa.audit.AuditTrail;
import cn.zhifa.audit.ChainCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * bin/backup and bin/restore on a real data directory (issue 14): the application with the demo city writes its
 * database and evidence files, stops; the backup is restored into an empty directory and the application started on
 * it has the same rows in every table, the same document and evidence hashes, and an intact audit chain. A changed
 * byte in the backup is refused. Two application starts: tagged {@code backup}, skipped by default:
 * <pre>./mvnw -o test -Dtest=BackupRestoreTests -Dsurefire.excludedGroups=none</pre>
 */
@Tag("backup")
class BackupRestoreTests {

    @TempDir
    Path work;

    private record Snapshot(Map<String, Long> rows, Map<String, String> documents, Map<String, String> files, ChainCheck chain) {
    }

    private ConfigurableApplicationContext start(Path dataDir) {
        // arguments, not builder properties: those are defaults that application.yml overrides
        return new SpringApplicationBuilder(ZhifaApplication.class)
                .run("--zhifa.data-dir=" + dataDir, "--server.port=0", "--zhifa.embedded-db.ephemeral=false",
                        "--zhifa.demo.enabled=true", "--spring.main.banner-mode=off");
    }

    private Snapshot snapshot(ConfigurableApplicationContext app, Path dataDir) throws Exception {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        Map<String, Long> rows = new TreeMap<>();
        for (String table : jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").query(String.class).list()) {
            rows.put(table, jdbc.sql("SELECT count(*) FROM \"" + table + "\"").query(Long.class).single());
        }
        Map<String, String> documents = new TreeMap<>();
        jdbc.sql("SELECT id, pdf, pdf_sha256 FROM doc_issued").query((rs, n) -> {
            String actual = sha256(rs.getBytes(2));
            assertThat(actual).as("document %d matches its recorded hash", rs.getLong(1)).isEqualTo(rs.getString(3).trim());
            return documents.put(String.valueOf(rs.getLong(1)), actual);
        }).list();
        Map<String, String> files = new TreeMap<>();
        Path evidence = dataDir.resolve("evidence");
        if (Files.isDirectory(evidence)) {
            try (Stream<Path> walk = Files.walk(evidence)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    files.put(evidence.relativize(file).toString(), sha256(Files.readAllBytes(file)));
                }
            }
        }
        return new Snapshot(rows, documents, files, app.getBean(AuditTrail.class).verifyChain());
    }

    private int run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder process = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("script.log").toFile());
        process.environment().putAll(env);
        process.environment().remove("SPRING_DATASOURCE_URL");
        Process p = process.start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        System.out.println(Files.readString(work.resolve("script.log"), StandardCharsets.UTF_8));
        return p.exitValue();
    }

    @Test
    void a_backup_restored_into_an_empty_directory_has_every_row_document_file_and_an_intact_audit_chain() throws Exception {
        Path original = work.resolve("original");
        Snapshot before;
        try (ConfigurableApplicationContext app = start(original)) {
            before = snapshot(app, original);
            assertThat(run(Map.of("ZHIFA_DATA_DIR", original.toString()), "bin/backup", work.resolve("refused").toString()))
                    .as("the embedded database is backed up cold only").isNotZero();
            assertThat(Files.readString(work.resolve("script.log"))).contains("请先停止 Zhifa");
        }
        assertThat(before.rows().get("penalty_case")).isPositive();
        assertThat(before.documents()).isNotEmpty();
        assertThat(before.chain().intact()).isTrue();

        Path backup = work.resolve("backup");
        assertThat(run(Map.of("ZHIFA_DATA_DIR", original.toString()), "bin/backup", backup.toString())).isZero();
        assertThat(Files.readString(backup.resolve("SHA256SUMS"))).contains("data.tar").contains("data/pg/PG_VERSION");

        Path restored = work.resolve("restored");
        assertThat(run(Map.of(), "bin/restore", backup.toString(), restored.toString())).isZero();
        try (ConfigurableApplicationContext app = start(restored)) {
            Snapshot after = snapshot(app, restored);
            Map<String, Long> expected = new TreeMap<>(before.rows());
            Map<String, Long> actual = new TreeMap<>(after.rows());
            // starting the application writes its own start-up audit rows; every other table is exactly as backed up
            expected.remove("audit_log");
            actual.remove("audit_log");
            assertThat(actual).isEqualTo(expected);
            assertThat(after.rows().get("audit_log")).isGreaterThanOrEqualTo(before.rows().get("audit_log"));
            assertThat(after.documents()).isEqualTo(before.documents());
            assertThat(after.files()).isEqualTo(before.files());
            assertThat(after.chain().intact()).as(String.valueOf(after.chain())).isTrue();
            assertThat(after.chain().checked()).isGreaterThanOrEqualTo(before.chain().checked());
        }

        byte[] archive = Files.readAllBytes(backup.resolve("data.tar"));
        archive[archive.length / 2] ^= 1;
        Files.write(backup.resolve("data.tar"), archive);
        assertThat(run(Map.of(), "bin/restore", backup.toString(), work.resolve("tampered").toString())).isNotZero();
        assertThat(Files.readString(work.resolve("script.log"))).contains("校验不符");
        assertThat(work.resolve("tampered")).doesNotExist();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
