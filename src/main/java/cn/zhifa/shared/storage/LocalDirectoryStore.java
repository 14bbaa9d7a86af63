package cn.zhifa.shared.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Files under a directory, the key as the relative path: written through an atomic move, then made read-only. The
 * layout is the one evidence always had ({@code <dir>/<first two hex>/<sha256>}), so existing data stays readable.
 */
public final class LocalDirectoryStore implements ObjectStore {

    private final Path root;

    public LocalDirectoryStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The file a key names (inside the directory only). */
    public Path pathOf(String key) {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("key outside the store: " + key);
        }
        return file;
    }

    @Override
    public void putIfAbsent(String key, Path file) throws IOException {
        Path target = pathOf(key);
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            readOnly(target);
        } catch (FileAlreadyExistsException | AccessDeniedException concurrentSameContent) {
            // another writer of the same key won the race; its bytes are the same
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.exists(pathOf(key));
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(pathOf(key));
    }

    @Override
    public Resource resource(String key) {
        return new FileSystemResource(pathOf(key));
    }

    private static void readOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ));
        } catch (UnsupportedOperationException | IOException e) {
            file.toFile().setReadOnly();
        }
    }

    @Override
    public String toString() {
        return "local directory " + root;
    }
}
