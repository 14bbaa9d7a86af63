package cn.zhifa.evidence.internal;

import cn.zhifa.evidence.MediaKind;
import cn.zhifa.evidence.MediaSniffer;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.storage.ObjectStore;
import cn.zhifa.shared.storage.ObjectStores;
import cn.zhifa.shared.storage.StorageUnavailable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The bytes, addressed by SHA-256 under the key {@code <first two hex>/<sha256>}: in the data directory
 * ({@code <dir>/ab/abcdef…}, as always) or, with {@code zhifa.storage.type=s3}, in the object store shared by every
 * node ({@code evidence/ab/abcdef…}). An upload is hashed through a temporary file under {@code <dir>/tmp}, then stored
 * once (locally by an atomic move, then read-only); the same content uploaded again is not written twice. Non-media
 * and oversize files are refused before anything is kept. A store that cannot be reached or written refuses the upload
 * with {@link StorageUnavailable} (nothing kept, the temporary file removed).
 */
@Component
public class EvidenceStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final EvidenceProperties properties;
    private final ObjectStore store;

    EvidenceStore(EvidenceProperties properties, @Value("${zhifa.data-dir}") Path dataDir, ObjectStores stores) {
        this.properties = properties;
        this.root = (properties.directory() != null ? properties.directory() : dataDir.resolve("evidence"))
                .toAbsolutePath().normalize();
        this.store = stores.area("evidence", root);
    }

    /** What was written. */
    public record Stored(String sha256, long size, MediaSniffer.Detected media) {
    }

    public Stored write(InputStream content, String originalName) {
        String name = originalName == null || originalName.isBlank() ? "（未命名）" : originalName;
        try {
            Files.createDirectories(root.resolve("tmp"));
            byte[] head = content.readNBytes(MediaSniffer.HEAD);
            if (head.length == 0) {
                throw new RuleViolation("文件“" + name + "”为空，未保存。");
            }
            MediaSniffer.Detected media = MediaSniffer.sniff(head).orElseThrow(() -> new RuleViolation(
                    "文件“" + name + "”不是可接受的照片、录音或视频（按文件内容识别，支持 JPEG、PNG、HEIC、MP4、MOV、M4A、MP3、WAV、AMR），未保存。"));
            long limit = properties.limit(media.kind()).toBytes();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Path temp = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
            long size;
            try {
                try (OutputStream out = Files.newOutputStream(temp);
                     DigestInputStream in = new DigestInputStream(content, digest)) {
                    digest.update(head);
                    out.write(head);
                    size = head.length + copyLimited(in, out, limit - head.length);
                }
                if (size > limit) {
                    throw new RuleViolation(media.kind().label() + "文件不得超过 " + megabytes(limit) + "，文件“" + name
                            + "”超过上限，未保存。");
                }
                String sha256 = HexFormat.of().formatHex(digest.digest());
                try {
                    store.putIfAbsent(key(sha256), temp);
                } catch (IOException unreachable) {
                    throw new StorageUnavailable(unreachable);
                }
                return new Stored(sha256, size, media);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("evidence could not be stored", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies at most {@code remaining + 1} bytes, so an oversize stream is detected without reading it all. */
    private static long copyLimited(InputStream in, OutputStream out, long remaining) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            copied += read;
            if (copied > remaining) {
                return copied;
            }
            out.write(buffer, 0, read);
        }
        return copied;
    }

    /** The file in the local directory (local storage only; the object store has no path). */
    public Path pathOf(String sha256) {
        return root.resolve(key(sha256));
    }

    /** The stored bytes to stream to a reader. */
    public Resource resource(String sha256) {
        return store.resource(key(sha256));
    }

    private static String key(String sha256) {
        String hash = sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(hash).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return hash.substring(0, 2) + "/" + hash;
    }

    /** True when the stored bytes still hash to their name. */
    public boolean intact(String sha256) {
        try (InputStream in = store.open(key(sha256))) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) != -1) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest()).equals(sha256);
        } catch (IOException e) {
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String megabytes(long bytes) {
        return bytes >= 1024L * 1024 * 1024 && bytes % (1024L * 1024 * 1024) == 0
                ? bytes / (1024L * 1024 * 1024) + " GB" : bytes / (1024 * 1024) + " MB";
    }
}
