package cn.zhifa.evidence.internal;

import cn.zhifa.evidence.MediaKind;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where evidence lives and how large each kind may be (zhifa.evidence.*). Spring's multipart limit
 * (spring.servlet.multipart.max-file-size) must be at least the largest of these.
 */
@ConfigurationProperties("zhifa.evidence")
public record EvidenceProperties(Path directory,
                                 @DefaultValue("30MB") DataSize maxPhoto,
                                 @DefaultValue("200MB") DataSize maxAudio,
                                 @DefaultValue("1GB") DataSize maxVideo) {

    public DataSize limit(MediaKind kind) {
        return switch (kind) {
            case PHOTO -> maxPhoto;
            case AUDIO -> maxAudio;
            case VIDEO -> maxVideo;
        };
    }

    public DataSize largest() {
        long max = Math.max(maxPhoto.toBytes(), Math.max(maxAudio.toBytes(), maxVideo.toBytes()));
        return DataSize.ofBytes(max);
    }
}
