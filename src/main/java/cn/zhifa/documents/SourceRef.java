package cn.zhifa.documents;

/**
 * The record a document belongs to, e.g. {@code ("inspection", "123")}, {@code ("hazard", "45")},
 * {@code ("case", "2026-012")}. Documents of one case share the case's reference so the case file can be assembled.
 */
public record SourceRef(String type, String id) {
    public SourceRef {
        if (type == null || type.isBlank() || id == null || id.isBlank()) throw new IllegalArgumentException("source");
    }
}
