package cn.zhifa.registry;

import java.time.Instant;

/** One line of an enterprise's change history: who changed which field from what to what, when, and how. */
public record EnterpriseChange(String field, String oldValue, String newValue, String changedBy, Instant changedAt,
                               String source) {
}
