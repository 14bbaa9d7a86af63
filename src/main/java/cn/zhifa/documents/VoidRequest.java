package cn.zhifa.documents;

import java.time.Instant;

/** An officer's open request to void an issued document, waiting for a leader's approval. */
public record VoidRequest(long id, long documentId, String reason, Instant requestedAt, String requestedBy, long requestedByUser) {
}
