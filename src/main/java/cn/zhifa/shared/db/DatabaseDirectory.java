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
 * this bean, so they are closed first).
 */
record DatabaseDirectory(Path path, boolean ephemeral) implements AutoCloseable {

    static DatabaseDirectory of(Path dataDir, boolean ephemeral) throws IOException {
        return ephemeral ? new DatabaseDirectory(Files.createTempDirectory("zhifa-pg-"), true)
                : new DatabaseDirectory(dataDir.toAbsolutePath(), false);
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
}
