package cn.zhifa.registry;

import java.time.Instant;

/** One line of an enterprise's change history: who changed which field from what to what, when, and how. */
public record EnterpriseChange(String field, String oldValue, String newValue, String changedBy, Instant changedAt,
                               String source) {

    private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai"));

    /** When, in Beijing time, e.g. 2026-11-23 14:05. */
    public String changedAtText() {
        return SHOWN.format(changedAt);
    }
}
