package cn.zhifa.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/**
 * Where the embedded database keeps {@code pg/} and {@code db-secret/}: the data directory, or with
 * {@code zhifa.embedded-db.ephemeral=true} (tests, throw-away runs) a fresh temporary directory that goes away, secrets
 * and all, when the application context closes (after the database stopped: the secrets and the database depend on
 * this bean, so they are closed first) or, for a context nobody closes (a test JVM that ends, halted when its context
 * is slow to close), when the JVM exits: a shutdown hook removes the secrets at once and the directory once the
 * embedded server, stopped after the contexts closed ({@code EmbeddedPostgresConfiguration}), removed {@code pg/}.
 */
record DatabaseDirectory(Path path, boolean ephemeral) implements AutoCloseable {

    static DatabaseDirectory of(Path dataDir, boolean ephemeral) throws IOException {
        if (!ephemeral) {
            return new DatabaseDirectory(dataDir.toAbsolutePath(), false);
        }
        DatabaseDirectory directory = new DatabaseDirectory(Files.createTempDirectory("zhifa-pg-"), true);
        Runtime.getRuntime().addShutdownHook(new Thread(directory::removeAtExit, "zhifa-pg-directory-cleanup"));
        return directory;
    }

    @Override
    public void close() {
        if (!ephemeral) {
            return;
        }
        try {
            FileSystemUtils.deleteRecursively(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the ephemeral database directory " + path, e);
        }
    }

    private void removeAtExit() {
        try {
            FileSystemUtils.deleteRecursively(path.resolve(DatabaseSecrets.DIRECTORY));
            for (int wait = 0; wait < 50 && Files.exists(path.resolve("pg")); wait++) {
                Thread.sleep(100);
            }
            Files.deleteIfExists(path); // only when empty: a server still running keeps its files
        } catch (IOException | InterruptedException e) {
            // the JVM is ending; what is left is in the temporary directory
        }
    }
}
