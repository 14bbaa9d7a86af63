package cn.zhifa.shared.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Objects in one bucket of an S3-compatible store (AWS S3, MinIO, Ceph RGW, the domestic clouds' object storage),
 * every key under a prefix ({@code evidence/ab/abcdef…}). Nothing here creates buckets: operations does.
 */
public final class S3ObjectStore implements ObjectStore {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3ObjectStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    public String objectKey(String key) {
        return prefix + key;
    }

    @Override
    public void putIfAbsent(String key, Path file) throws IOException {
        if (exists(key)) {
            return;
        }
        try {
            s3.putObject(put -> put.bucket(bucket).key(objectKey(key)), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw unreachable(e);
        }
    }

    /** A refused request or none at all (connection refused, timeout, DNS): the SDK's unchecked exceptions, as I/O. */
    private IOException unreachable(SdkException e) {
        return new IOException("object store " + bucket + " unreachable: " + e.getMessage(), e);
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            s3.headObject(head -> head.bucket(bucket).key(objectKey(key)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw unreachable(e);
        } catch (SdkException e) {
            throw unreachable(e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return s3.getObject(get -> get.bucket(bucket).key(objectKey(key)));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(bucket + "/" + objectKey(key));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NoSuchFileException(bucket + "/" + objectKey(key));
            }
            throw unreachable(e);
        } catch (SdkException e) {
            throw unreachable(e);
        }
    }

    @Override
    public Resource resource(String key) {
        return new AbstractResource() {
            @Override
            public String getDescription() {
                return "object " + bucket + "/" + objectKey(key);
            }

            @Override
            public InputStream getInputStream() throws IOException {
                return open(key);
            }

            @Override
            public boolean exists() {
                try {
                    return S3ObjectStore.this.exists(key);
                } catch (IOException e) {
                    return false;
                }
            }

            @Override
            public long contentLength() throws IOException {
                try {
                    return s3.headObject(head -> head.bucket(bucket).key(objectKey(key))).contentLength();
                } catch (SdkException e) {
                    throw new IOException("object " + bucket + "/" + objectKey(key) + ": " + e.getMessage(), e);
                }
            }
        };
    }

    @Override
    public String toString() {
        return "object store " + bucket + "/" + prefix;
    }
}
