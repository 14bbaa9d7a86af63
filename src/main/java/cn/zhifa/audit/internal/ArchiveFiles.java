package cn.zhifa.audit.internal;

import cn.zhifa.shared.crypto.Guomi;
import cn.zhifa.shared.crypto.KeyProvider;
import cn.zhifa.shared.crypto.Sm2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Archive files under {@code zhifa.audit.directory}/archive: the archived rows, one tab-separated line
 * each, exactly as stored (so their hashes can be re-computed). The file's SM3 and an SM2 signature
 * over the archive's summary are kept in {@code audit_archive}.
 */
@Component
class ArchiveFiles {

    private final Path directory;
    private final KeyProvider keys;

    ArchiveFiles(@Value("${zhifa.audit.directory:${zhifa.data-dir:./data}/audit}") Path auditDirectory, KeyProvider keys) {
        this.directory = auditDirectory.resolve("archive").toAbsolutePath().normalize();
        this.keys = keys;
    }

    /** Summary an archive's signature covers. */
    static String summary(long firstId, long lastId, long rows, String firstPreviousHash, String lastHash, String fileSm3) {
        return "zhifa-audit-archive 1|" + firstId + "|" + lastId + "|" + rows + "|" + firstPreviousHash + "|" + lastHash + "|" + fileSm3;
    }

    /** Writes the file; returns its SM3 (hex). */
    String write(String name, String content) {
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "archive", ".tmp");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            return sm3(directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write audit archive " + name, e);
        }
    }

    String sign(String summary) {
        return HexFormat.of().formatHex(Sm2.sign(keys.signingKey(Checkpoints.SIGNING_KEY).privateKey(),
                summary.getBytes(StandardCharsets.UTF_8)));
    }

    boolean signatureValid(String summary, String signature) {
        try {
            return Sm2.verify(keys.signingKey(Checkpoints.SIGNING_KEY).publicKey(), summary.getBytes(StandardCharsets.UTF_8),
                    HexFormat.of().parseHex(signature.strip()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The SM3 of a stored archive file, or null when it is missing. */
    String sm3Of(String name) {
        Path file = directory.resolve(name);
        return Files.exists(file) ? sm3(file) : null;
    }

    Path directory() {
        return directory;
    }

    private static String sm3(Path file) {
        try {
            return HexFormat.of().formatHex(Guomi.sm3(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
