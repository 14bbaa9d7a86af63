package cn.zhifa.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keys from configuration ({@code zhifa.crypto.keys.<name>}, hex) or else from {@code <key-dir>/<name>.key}
 * (hex), created with fresh random bytes on first use, readable by the owner only. The key directory
 * ({@code zhifa.crypto.key-dir}, default {@code ./keys}) is kept apart from the data directory so a copy of
 * the database and its files does not carry the keys that seal them. A 密码机 or KMS replaces it with a
 * {@code @Primary} {@link KeyProvider} bean.
 */
@Component
public class FileKeyProvider implements KeyProvider {

    private static final Logger log = LoggerFactory.getLogger(FileKeyProvider.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path directory;
    private final Environment environment;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    public FileKeyProvider(@Value("${zhifa.crypto.key-dir:./keys}") Path directory,
                           @Value("${zhifa.data-dir:./data}") Path dataDir, Environment environment) {
        this.directory = directory.toAbsolutePath().normalize();
        this.environment = environment;
        if (this.directory.startsWith(dataDir.toAbsolutePath().normalize())) {
            log.warn("The key directory {} lies inside the data directory: a copy of the data carries its keys", this.directory);
        }
    }

    @Override
    public byte[] secret(String name, int bytes) {
        byte[] key = cache.computeIfAbsent(name, n -> load(n, bytes));
        if (key.length != bytes) {
            throw new IllegalStateException("Key " + name + " has " + key.length + " bytes, expected " + bytes);
        }
        return key.clone();
    }

    @Override
    public Sm2.KeyPair signingKey(String name) {
        byte[] privateKey = cache.computeIfAbsent("sm2-" + name, n -> load(n, 0));
        return new Sm2.KeyPair(privateKey.clone(), Sm2.publicKeyOf(new BigInteger(1, privateKey)));
    }

    /** Length 0 means an SM2 private key. */
    private byte[] load(String name, int bytes) {
        String configured = environment.getProperty("zhifa.crypto.keys." + name);
        if (configured != null && !configured.isBlank()) {
            return HexFormat.of().parseHex(configured.strip());
        }
        Path file = directory.resolve(name + ".key");
        try {
            if (Files.notExists(file)) {
                create(file, bytes == 0 ? Sm2.generate().privateKey() : randomBytes(bytes));
            }
            warnIfOthersCanRead(file);
            return HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read key " + file, e);
        }
    }

    private void create(Path file, byte[] key) throws IOException {
        Files.createDirectories(directory);
        boolean posix = Files.getFileStore(directory).supportsFileAttributeView("posix");
        if (posix) {
            Files.setPosixFilePermissions(directory, OWNER_DIR);
        }
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(file, HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII,
                StandardOpenOption.TRUNCATE_EXISTING);
        log.info("Created key {} (owner-only)", file);
    }

    private static void warnIfOthersCanRead(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                log.warn("Key file {} is readable by others ({})", file, PosixFilePermissions.toString(permissions));
            }
        }
    }

    private byte[] randomBytes(int bytes) {
        byte[] key = new byte[bytes];
        random.nextBytes(key);
        return key;
    }
}
