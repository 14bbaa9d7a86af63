package cn.zhifa.evidence;

import java.math.BigDecimal;
import java.time.Instant;

/** A stored evidence file as other modules and pages see it (who, when, where, what, its hash). */
public record EvidenceView(long id, String sha256, String mediaType, MediaKind kind, long sizeBytes,
                           String originalName, EvidenceSource source, long uploadedBy, long organizationId,
                           Instant uploadedAt, Instant capturedAt, BigDecimal latitude, BigDecimal longitude) {

    public String contentPath() {
        return "/evidence/" + id + "/content";
    }

    /** 1.2 MB */
    public String displaySize() {
        if (sizeBytes < 1024) {
            return sizeBytes + " B";
        }
        if (sizeBytes < 1024 * 1024) {
            return String.format("%.1f KB", sizeBytes / 1024.0);
        }
        return String.format("%.1f MB", sizeBytes / (1024.0 * 1024));
    }
}
