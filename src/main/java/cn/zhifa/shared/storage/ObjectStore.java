package cn.zhifa.shared.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.springframework.core.io.Resource;

/**
 * Immutable bytes under a key ({@code ab/abcdef…} for content-addressed files): a local directory by default, an
 * S3-compatible object store when several nodes share the files. A key is written once; writing it again keeps what
 * is there (the same key names the same bytes).
 */
public interface ObjectStore {

    /** Keeps the bytes of {@code file} under {@code key} unless the key exists; the file is moved or left to the caller. */
    void putIfAbsent(String key, Path file) throws IOException;

    boolean exists(String key) throws IOException;

    /** The bytes; {@link java.nio.file.NoSuchFileException} when the key holds nothing. */
    InputStream open(String key) throws IOException;

    /** The bytes as a resource for a download (length known, opened when read). */
    Resource resource(String key);
}
