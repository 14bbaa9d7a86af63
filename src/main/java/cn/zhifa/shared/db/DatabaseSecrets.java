package cn.zhifa.shared.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The passwords of the embedded PostgreSQL (issue 14): one for the owner role {@code postgres} (Flyway, backups)
 * and one for the application role {@code zhifa_app}. Each is 32 random bytes (SecureRandom), generated on the
 * first start and kept in its own file under {@code <dir>} with owner-only permissions (directory 0700, files 0600).
 *
 * @param directory where the two files live
 * @param owner     password of the owner (superuser) role
 * @param app       password of the application role
 * @param ownerNew  true when this start generated the owner password (a new data directory, or one from before issue 14)
 */
public record DatabaseSecrets(Path directory, String owner, String app, boolean ownerNew) {

    /** Directory name under the data directory. */
    public static final String DIRECTORY = "db-secret";
    /** File (first line = the password, as initdb's --pwfile reads it) of the owner role. */
    public static final String OWNER_FILE = "owner.password";
    /** File of the application role's password. */
    public static final String APP_FILE = "app.password";

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String toString() {
        return "DatabaseSecrets[" + directory + "]";
    }

    public Path ownerFile() {
        return directory.resolve(OWNER_FILE);
    }

    /** Reads the two passwords under {@code dataDir}/db-secret, creating what is missing; permissions are narrowed to the owner. */
    public static DatabaseSecrets loadOrCreate(Path dataDir) throws IOException {
        Path directory = dataDir.resolve(DIRECTORY).toAbsolutePath();
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
        }
        restrict(directory, OWNER_ONLY_DIR);
        boolean ownerNew = !Files.exists(directory.resolve(OWNER_FILE));
        return new DatabaseSecrets(directory, readOrCreate(directory.resolve(OWNER_FILE)),
                readOrCreate(directory.resolve(APP_FILE)), ownerNew);
    }

    private static String readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                if (posix(file)) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
                } else {
                    Files.createFile(file);
                }
                Files.writeString(file, secret + "\n", StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException raced) {
                // another start wrote it first: read that one
            }
        }
        restrict(file, OWNER_ONLY_FILE);
        String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!secret.matches("[A-Za-z0-9_-]{32,}")) {
            throw new IllegalStateException("数据库口令文件 " + file + " 内容无效（应为程序生成的随机口令）");
        }
        return secret;
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (posix(path) && !Files.getPosixFilePermissions(path).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
