package cn.zhifa.documents;

import java.time.LocalDate;

/**
 * Published after a document is issued (in the issuing transaction).
 *
 * @param issueDate    the date printed on the document (null when published by an older version of the platform)
 * @param supersedesId the version this one corrects, or null for a first issue (reporting counts first issues only)
 */
public record DocumentIssued(long documentId, String kind, String number, SourceRef source, long organizationId,
                             LocalDate issueDate, Long supersedesId) {

    public DocumentIssued(long documentId, String kind, String number, SourceRef source, long organizationId) {
        this(documentId, kind, number, source, organizationId, null, null);
    }
}
