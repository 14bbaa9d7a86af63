package cn.zhifa.audit.internal;

import cn.zhifa.shared.crypto.KeyProvider;
import cn.zhifa.shared.crypto.Sm2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The signed checkpoint files under {@code zhifa.audit.directory}/checkpoints (default: the data
 * directory's audit folder), one per checkpoint, SM2-signed with the audit signing key.
 */
@Component
class Checkpoints {

    static final String SIGNING_KEY = "audit-signing";

    private final Path directory;
    private final KeyProvider keys;

    Checkpoints(@Value("${zhifa.audit.directory:${zhifa.data-dir:./data}/audit}") Path auditDirectory, KeyProvider keys) {
        this.directory = auditDirectory.resolve("checkpoints").toAbsolutePath().normalize();
        this.keys = keys;
    }

    /** A checkpoint as read back: whether its signature holds. */
    record Stored(Checkpoint checkpoint, boolean signatureValid) {
    }

    void write(Checkpoint checkpoint) {
        byte[] signature = Sm2.sign(keys.signingKey(SIGNING_KEY).privateKey(), checkpoint.bytes());
        String name = "checkpoint-%019d-%019d.txt".formatted(checkpoint.headId(), checkpoint.at().toEpochMilli());
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "checkpoint", ".tmp");
            Files.writeString(temporary, checkpoint.text() + "signature=" + HexFormat.of().formatHex(signature) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write audit checkpoint", e);
        }
    }

    /** The newest checkpoint (highest head, then latest time), if any was written. */
    Optional<Stored> latest() {
        if (Files.notExists(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            Optional<Path> newest = files.filter(f -> f.getFileName().toString().matches("checkpoint-\\d+-\\d+\\.txt"))
                    .max(Comparator.comparing(f -> f.getFileName().toString()));
            return newest.map(Checkpoints::read).map(this::check);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read audit checkpoints", e);
        }
    }

    private Stored check(String text) {
        int at = text.lastIndexOf("signature=");
        if (at < 0) {
            return new Stored(Checkpoint.parse(text), false);
        }
        Checkpoint checkpoint = Checkpoint.parse(text.substring(0, at));
        boolean valid;
        try {
            byte[] signature = HexFormat.of().parseHex(text.substring(at + "signature=".length()).strip());
            valid = text.substring(0, at).equals(checkpoint.text())
                    && Sm2.verify(keys.signingKey(SIGNING_KEY).publicKey(), checkpoint.bytes(), signature);
        } catch (IllegalArgumentException e) {
            valid = false;
        }
        return new Stored(checkpoint, valid);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    Path directory() {
        return directory;
    }
}
