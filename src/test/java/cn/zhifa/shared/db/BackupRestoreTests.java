package cn.zhifa.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ZhifaApplication;
import cn.zhifa.audit.AuditTrail;
import cn.zhifa.audit.ChainCheck;
import cn.zhifa.documents.DocumentManagement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
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
 * database, evidence files and issued documents' files (the documents store under the data directory), stops; the backup
 * is restored into an empty directory and the application started on it has the same rows in every table, the same
 * document bytes (read through the documents module) and evidence hashes, and an intact audit chain. A changed byte in
 * the backup is refused, and so is a backup that would miss a file store kept outside the data directory. Two application starts: tagged {@code backup}, skipped by default:
 * <pre>./mvnw -o test -Dtest=BackupRestoreTests -Dsurefire.excludedGroups=none</pre>
 */
@Tag("backup")
class BackupRestoreTests {

    @TempDir
    Path work;

    private record Snapshot(Map<String, Long> rows, Map<String, String> documents, Map<String, String> files, ChainCheck chain) {
    }

    private ConfigurableApplicationContext start(Path dataDir, Path keyDir) {
        // arguments, not builder properties: those are defaults that application.yml overrides
        return new SpringApplicationBuilder(ZhifaApplication.class)
                .run("--zhifa.data-dir=" + dataDir, "--zhifa.crypto.key-dir=" + keyDir, "--server.port=0",
                        "--zhifa.embedded-db.ephemeral=false",
                        "--zhifa.demo.enabled=true", "--spring.main.banner-mode=off");
    }

    private Snapshot snapshot(ConfigurableApplicationContext app, Path dataDir) throws Exception {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        Map<String, Long> rows = new TreeMap<>();
        // the application's role reads every table but the migration history (issue 14)
        for (String table : jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                + "AND has_table_privilege(format('%I.%I', schemaname, tablename), 'SELECT')").query(String.class).list()) {
            rows.put(table, jdbc.sql("SELECT count(*) FROM \"" + table + "\"").query(Long.class).single());
        }
        // issued PDFs/DOCX live in the documents store (documents/<ab>/<sha256>, V8_41); older rows keep them in the row:
        // read each through the documents module, which checks the bytes against the hash recorded at issue
        DocumentManagement documentManagement = app.getBean(DocumentManagement.class);
        Map<String, String> documents = new TreeMap<>();
        jdbc.sql("SELECT id, pdf_sha256, docx_sha256, pdf_key, docx_key FROM doc_issued").query((rs, n) -> {
            long id = rs.getLong(1);
            String pdf = sha256(documentManagement.pdf(id).orElseThrow());
            String docx = sha256(documentManagement.docx(id).orElseThrow());
            assertThat(pdf).as("document %d's PDF matches its recorded hash", id).isEqualTo(rs.getString(2).strip());
            assertThat(docx).as("document %d's DOCX matches its recorded hash", id).isEqualTo(rs.getString(3).strip());
            documents.put(id + ".pdf", pdf);
            documents.put(id + ".docx", docx);
            for (int column = 4; column <= 5; column++) {
                if (rs.getString(column) != null) {
                    assertThat(dataDir.resolve("documents").resolve(rs.getString(column)))
                            .as("document %d's bytes are in the local store under the data directory", id).isRegularFile();
                }
            }
            return id;
        }).list();
        Map<String, String> files = new TreeMap<>();
        for (String store : List.of("evidence", "documents")) {
            Path directory = dataDir.resolve(store);
            if (Files.isDirectory(directory)) {
                try (Stream<Path> walk = Files.walk(directory)) {
                    for (Path file : walk.filter(Files::isRegularFile).toList()) {
                        files.put(dataDir.relativize(file).toString(), sha256(Files.readAllBytes(file)));
                    }
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
        Path originalKeys = work.resolve("original-keys");
        Snapshot before;
        try (ConfigurableApplicationContext app = start(original, originalKeys)) {
            before = snapshot(app, original);
            assertThat(run(Map.of("ZHIFA_DATA_DIR", original.toString()), "bin/backup", work.resolve("refused").toString()))
                    .as("the embedded database is backed up cold only").isNotZero();
            assertThat(Files.readString(work.resolve("script.log"))).contains("请先停止 Zhifa");
        }
        assertThat(before.rows().get("penalty_case")).isPositive();
        assertThat(before.documents()).isNotEmpty();
        assertThat(before.files().keySet()).as("issued documents' bytes in the store under the data directory")
                .anyMatch(file -> file.startsWith("documents/"));
        assertThat(before.chain().intact()).isTrue();
        Map<String, String> keysBefore = hashes(originalKeys);
        assertThat(keysBefore).isNotEmpty();

        // a file store configured outside the data directory would be missing from the backup: refused, not half-done
        assertThat(run(Map.of("ZHIFA_DATA_DIR", original.toString(), "ZHIFA_DOCUMENTS_DIRECTORY", work.resolve("elsewhere").toString()),
                "bin/backup", work.resolve("outside").toString())).isNotZero();
        assertThat(Files.readString(work.resolve("script.log"))).contains("ZHIFA_DOCUMENTS_DIRECTORY").contains("位于数据目录之外");

        Path backup = work.resolve("backup");
        Map<String, String> env = Map.of("ZHIFA_DATA_DIR", original.toString(), "ZHIFA_KEY_DIR", originalKeys.toString());
        assertThat(run(env, "bin/backup", backup.toString())).isZero();
        assertThat(Files.readString(backup.resolve("SHA256SUMS"))).contains("data.tar").contains("data/pg/PG_VERSION")
                .contains("  data/documents/")
                .contains("data/db-secret/owner.password").doesNotContain("  key/").doesNotContain("keys.tar");
        // issue 14: the keys are a separate, owner-only part with its own checksums
        assertThat(Files.getPosixFilePermissions(backup.resolve("keys"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(backup.resolve("keys/keys.tar"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(backup.resolve("keys/SHA256SUMS"))).contains("  keys.tar").contains("  key/");
        assertThat(Files.readString(backup.resolve("backup.properties"))).contains("keys=" + keysBefore.size()).contains("stores=local");

        Path restored = work.resolve("restored");
        Path restoredKeys = work.resolve("restored-keys");
        assertThat(run(Map.of("ZHIFA_KEY_DIR", restoredKeys.toString()), "bin/restore", backup.toString(), restored.toString())).isZero();
        assertThat(hashes(restoredKeys)).isEqualTo(keysBefore);
        assertThat(Files.getPosixFilePermissions(restoredKeys)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> keyFiles = Files.walk(restoredKeys)) {
            for (Path file : keyFiles.filter(Files::isRegularFile).toList()) {
                assertThat(Files.getPosixFilePermissions(file)).as(file.toString()).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            }
        }
        assertThat(Files.getPosixFilePermissions(restored.resolve("db-secret/owner.password")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (ConfigurableApplicationContext app = start(restored, restoredKeys)) {
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
            // the chain is keyed: it verifies only because the restored keys are the original ones
            assertThat(after.chain().intact()).as(String.valueOf(after.chain())).isTrue();
            assertThat(after.chain().checked()).isGreaterThanOrEqualTo(before.chain().checked());
        }

        // keys kept apart from the backup: refused without them, restored when named
        Path apart = work.resolve("keys-apart");
        Files.move(backup.resolve("keys"), apart);
        assertThat(run(Map.of("ZHIFA_KEY_DIR", work.resolve("k2").toString()), "bin/restore", backup.toString(),
                work.resolve("no-keys").toString())).isNotZero();
        assertThat(Files.readString(work.resolve("script.log"))).contains("不含密钥部分");
        assertThat(work.resolve("no-keys/pg")).doesNotExist();
        assertThat(run(Map.of("ZHIFA_KEY_DIR", work.resolve("k3").toString(), "ZHIFA_BACKUP_KEYS", apart.toString()),
                "bin/restore", backup.toString(), work.resolve("with-keys-apart").toString())).isZero();
        assertThat(hashes(work.resolve("k3"))).isEqualTo(keysBefore);
        // a changed byte in the key archive, or a key directory holding other keys: refused, nothing restored
        assertThat(run(Map.of("ZHIFA_KEY_DIR", originalKeys.toString(), "ZHIFA_BACKUP_KEYS", apart.toString()),
                "bin/restore", backup.toString(), work.resolve("same-keys").toString())).isZero();
        Path otherKeys = Files.createDirectories(work.resolve("k4"));
        String someKey = keysBefore.keySet().iterator().next();
        Files.createDirectories(otherKeys.resolve(someKey).getParent());
        Files.writeString(otherKeys.resolve(someKey), "另一把密钥", StandardCharsets.UTF_8);
        assertThat(run(Map.of("ZHIFA_KEY_DIR", otherKeys.toString(), "ZHIFA_BACKUP_KEYS", apart.toString()),
                "bin/restore", backup.toString(), work.resolve("other-keys").toString())).isNotZero();
        assertThat(Files.readString(work.resolve("script.log"))).contains("已有与备份不同的密钥");
        assertThat(Files.readString(otherKeys.resolve(someKey), StandardCharsets.UTF_8)).isEqualTo("另一把密钥");
        byte[] keyArchive = Files.readAllBytes(apart.resolve("keys.tar"));
        keyArchive[keyArchive.length / 3] ^= 1;
        Files.write(apart.resolve("keys.tar"), keyArchive);
        assertThat(run(Map.of("ZHIFA_KEY_DIR", work.resolve("k5").toString(), "ZHIFA_BACKUP_KEYS", apart.toString()),
                "bin/restore", backup.toString(), work.resolve("tampered-keys").toString())).isNotZero();
        assertThat(Files.readString(work.resolve("script.log"))).contains("密钥备份校验不符");
        assertThat(work.resolve("tampered-keys/pg")).doesNotExist();

        byte[] archive = Files.readAllBytes(backup.resolve("data.tar"));
        archive[archive.length / 2] ^= 1;
        Files.write(backup.resolve("data.tar"), archive);
        assertThat(run(Map.of("ZHIFA_RESTORE_WITHOUT_KEYS", "1"), "bin/restore", backup.toString(), work.resolve("tampered").toString())).isNotZero();
        assertThat(Files.readString(work.resolve("script.log"))).contains("校验不符");
        assertThat(work.resolve("tampered")).doesNotExist();
    }

    private static Map<String, String> hashes(Path directory) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                hashes.put(directory.relativize(file).toString(), sha256(Files.readAllBytes(file)));
            }
        }
        return hashes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
