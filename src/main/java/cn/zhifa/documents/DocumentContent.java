package cn.zhifa.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything a document is filled from: the template kind, the authority, the number (null for a draft),
 * the date, the field values by template field name, the parties by role, the officers, drawn signatures or
 * recorded refusals, and the verification code and address (null for a draft).
 *
 * <p>Field values: text and block fields take a {@link String}; date fields a {@link LocalDate}; datetime fields
 * a {@link java.time.LocalDateTime}; money fields a {@link java.math.BigDecimal} in 元; list fields a
 * {@code List<String>}; checkbox fields a {@code Collection<String>} of the ticked options (a free option may
 * carry its text as {@code "其他：…"}); table fields a {@code List<List<String>>}.
 */
public record DocumentContent(String kind, Authority authority, DocumentNumber number, LocalDate date,
                              Map<String, Object> fields, Map<String, Party> parties, List<Officer> officers,
                              List<DrawnSignature> signatures, List<SignatureRefusal> refusals,
                              Verification verification) {

    /** The code printed under the QR code and the address the QR code leads to. */
    public record Verification(String code, String url) {}

    public DocumentContent {
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        parties = parties == null ? Map.of() : Map.copyOf(parties);
        officers = officers == null ? List.of() : List.copyOf(officers);
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
        refusals = refusals == null ? List.of() : List.copyOf(refusals);
    }

    public DocumentContent withIssue(DocumentNumber number, LocalDate date, Verification verification) {
        return new DocumentContent(kind, authority, number, date, fields, parties, officers, signatures, refusals,
                verification);
    }
}
