package cn.zhifa.shared.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;

/**
 * How large a multipart request may be, per endpoint ({@code zhifa.uploads}): photos and evidence (videos up to the
 * evidence store's 1 GB), the public self-report, the Excel import, documents to verify; anything else (e.g. a
 * signature) gets {@code default-max}. The container's own limit is only the backstop above the largest of these.
 */
@ConfigurationProperties("zhifa.uploads")
public record UploadLimits(DataSize defaultMax, Map<String, Endpoint> endpoints) {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    /** One kind of upload: its limit, the paths that take it, and the words a user reads when refused. */
    public record Endpoint(DataSize max, List<String> paths, String label) {
    }

    public UploadLimits {
        defaultMax = defaultMax == null ? DataSize.ofMegabytes(5) : defaultMax;
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
    }

    /** The endpoint kind a path belongs to, if it is one of the configured upload endpoints. */
    public Optional<Endpoint> endpointOf(String path) {
        return endpoints.values().stream()
                .filter(e -> e.paths() != null && e.paths().stream().anyMatch(p -> PATHS.match(p, path)))
                .findFirst();
    }

    public DataSize limitOf(String path) {
        return endpointOf(path).map(Endpoint::max).orElse(defaultMax);
    }

    public String labelOf(String path) {
        return endpointOf(path).map(Endpoint::label).filter(l -> l != null && !l.isBlank()).orElse("上传内容");
    }

    /** "50 MB", "1.1 GB": how a limit reads in a Chinese message. */
    public static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1024L * 1024 * 1024) {
            return String.format("%.1f GB", bytes / (1024.0 * 1024 * 1024)).replace(".0 ", " ");
        }
        if (bytes >= 1024L * 1024) {
            return bytes / (1024 * 1024) + " MB";
        }
        return Math.max(1, bytes / 1024) + " KB";
    }
}
