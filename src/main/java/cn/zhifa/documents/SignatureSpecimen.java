package cn.zhifa.documents;

import java.time.Instant;

/** One registered signature (签名样式) of a user; {@code current} is false once a newer specimen replaced it. */
public record SignatureSpecimen(long id, String username, String displayName, String sha256, Instant registeredAt,
                                String registeredBy, Instant replacedAt) {

    public boolean current() {
        return replacedAt == null;
    }

    private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai"));

    /** When it was registered, as shown on pages (Beijing time). */
    public String registeredText() {
        return SHOWN.format(registeredAt);
    }

    /** When it was replaced (Beijing time), or an empty text while current. */
    public String replacedText() {
        return replacedAt == null ? "" : SHOWN.format(replacedAt);
    }
}
