package cn.zhifa.shared.storage;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The store of one area (evidence, …): its local directory, or its prefix ({@code <area>/}) in the configured bucket.
 */
@Component
public class ObjectStores implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ObjectStores.class);

    private final StorageProperties properties;
    private volatile S3Client s3;

    public ObjectStores(StorageProperties properties) {
        this.properties = properties;
    }

    public ObjectStore area(String name, Path localDirectory) {
        if (properties.type() == StorageProperties.Kind.LOCAL) {
            return new LocalDirectoryStore(localDirectory);
        }
        StorageProperties.S3 s3Properties = properties.s3();
        if (s3Properties.bucket() == null || s3Properties.bucket().isBlank()) {
            throw new IllegalStateException("zhifa.storage.type=s3 needs zhifa.storage.s3.bucket");
        }
        ObjectStore store = new S3ObjectStore(client(), s3Properties.bucket(), s3Properties.prefix() + name + "/");
        log.info("{} bytes in {}", name, store);
        return store;
    }

    private synchronized S3Client client() {
        if (s3 == null) {
            s3 = client(properties.s3());
        }
        return s3;
    }

    /** A client for the configured store; checksums only where the API requires them (most compatible stores). */
    public static S3Client client(StorageProperties.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(s3.accessKey() == null || s3.accessKey().isBlank()
                        ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())));
        if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
            builder.endpointOverride(java.net.URI.create(s3.endpoint().strip()));
        }
        return builder.build();
    }

    @Override
    public void close() {
        if (s3 != null) {
            s3.close();
        }
    }
}
