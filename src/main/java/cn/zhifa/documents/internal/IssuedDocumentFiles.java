package cn.zhifa.documents.internal;

import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.storage.ObjectStore;
import cn.zhifa.shared.storage.ObjectStores;
import cn.zhifa.shared.storage.StorageUnavailable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bytes of issued documents (PDF, DOCX) outside the database, content-addressed like evidence: the key is
 * {@code <first two hex>/<sha256>} in the data directory ({@code <dir>/ab/abcdef…}, default
 * {@code ${zhifa.data-dir}/documents}) or, with {@code zhifa.storage.type=s3}, under {@code documents/} in the object
 * store every node shares. The row in {@code doc_issued} keeps the key and the hash; reading checks the bytes still hash
 * to it. The same bytes are stored once; bytes kept for a document whose transaction then rolled back stay as an
 * unreferenced object (immutable, harmless, the same key if issued again).
 */
@Component
public class IssuedDocumentFiles {

    static final String UNAVAILABLE = "文书存储暂不可用，请稍后重试。";
    static final String TAMPERED = "文书文件校验未通过（与出具时记录的 SHA-256 不一致），不予提供，请联系系统管理员核查。";

    private final ObjectStore store;
    private final Path temp;

    IssuedDocumentFiles(ObjectStores stores, @Value("${zhifa.data-dir}") Path dataDir,
                        @Value("${zhifa.documents.directory:}") String directory) {
        Path root = (directory.isBlank() ? dataDir.resolve("documents") : Path.of(directory)).toAbsolutePath().normalize();
        this.store = stores.area("documents", root);
        this.temp = root.resolve("tmp");
    }

    /** Keeps the bytes (once per content) and returns their key; the caller's hash must be theirs. */
    public String keep(byte[] bytes, String sha256) {
        String actual = sha256(bytes);
        if (!actual.equals(sha256)) {
            throw new IllegalStateException("the document's hash " + sha256 + " is not that of its bytes " + actual);
        }
        String key = key(actual);
        try {
            Files.createDirectories(temp);
            Path file = Files.createTempFile(temp, "issued-", ".part");
            try {
                Files.write(file, bytes);
                store.putIfAbsent(key, file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException unreachable) {
            throw new StorageUnavailable(UNAVAILABLE, unreachable);
        }
        return key;
    }

    /** The bytes under {@code key}, refused when they no longer hash to {@code sha256}. */
    public byte[] read(String key, String sha256) {
        byte[] bytes;
        try (InputStream in = store.open(key)) {
            bytes = in.readAllBytes();
        } catch (IOException unreachable) {
            throw new StorageUnavailable(UNAVAILABLE, unreachable);
        }
        if (!sha256(bytes).equals(sha256.strip())) {
            throw new RuleViolation(TAMPERED);
        }
        return bytes;
    }

    static String key(String sha256) {
        return sha256.substring(0, 2) + "/" + sha256;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
