package cn.zhifa.shared.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where evidence bytes live (zhifa.storage.*): {@code local} (the data directory, the default) or {@code s3} (an
 * S3-compatible object store shared by every node).
 */
@ConfigurationProperties("zhifa.storage")
public record StorageProperties(@DefaultValue("local") Kind type, @DefaultValue S3 s3) {

    public enum Kind { LOCAL, S3 }

    /**
     * The object store: endpoint (blank = AWS itself), region, bucket, an optional key prefix, path-style addressing
     * (MinIO and most on-premises stores), and the access key pair (blank = the AWS SDK's default chain: environment,
     * instance profile …).
     */
    public record S3(String endpoint, @DefaultValue("us-east-1") String region, String bucket, @DefaultValue("") String prefix,
                     @DefaultValue("true") boolean pathStyle, String accessKey, String secretKey) {
    }
}
