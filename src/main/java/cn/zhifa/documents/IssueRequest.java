package cn.zhifa.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a module hands over to issue a document: the template kind, the issuing unit (organisation id; the document
 * is issued in the name of the authority {@link DocumentManagement#authorityFor(long)} resolves from it), the
 * record it belongs to, the field values (see {@link DocumentContent} for value types), the parties by role, the
 * officers, the drawn signatures and recorded refusals, the document date (null: today), the user and an
 * idempotency key (a retry with the same key returns the already issued document).
 */
public record IssueRequest(String kind, long authorityOrganizationId, SourceRef source, Map<String, Object> fields,
                           List<Party> parties, List<Officer> officers, List<DrawnSignature> signatures,
                           List<SignatureRefusal> refusals, LocalDate date, String issuedBy, String idempotencyKey) {

    public IssueRequest {
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        parties = parties == null ? List.of() : List.copyOf(parties);
        officers = officers == null ? List.of() : List.copyOf(officers);
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
        refusals = refusals == null ? List.of() : List.copyOf(refusals);
    }
}
