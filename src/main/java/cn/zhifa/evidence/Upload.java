package cn.zhifa.evidence;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One file to store: its bytes (read once, streamed), the name the device gave it, and where and when
 * it was captured (optional: phones send GPS, body cameras their clock).
 */
public record Upload(InputStream content, String originalName, EvidenceSource source, Instant capturedAt,
                     BigDecimal latitude, BigDecimal longitude) {

    public static Upload of(InputStream content, String originalName, EvidenceSource source) {
        return new Upload(content, originalName, source, null, null, null);
    }
}
