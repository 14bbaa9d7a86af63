package cn.zhifa.documents;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An issued document as stored: never changes after issue. {@code organizationId} is the unit it belongs to (data
 * scope); {@code authorityOrganizationId}/{@code authorityName} the authority it was issued in the name of. {@code number} is null for documents without 文号
 * (笔录). {@code supersedesId}/{@code correctionReason} are set on a correction; {@code voidReason} when voided.
 */
public record IssuedDocument(long id, long organizationId, long authorityOrganizationId, String authorityName, String kind, String title, String number,
                             SourceRef source, String partyName, LocalDate issueDate, Instant issuedAt, String issuedBy,
                             String verificationCode, String pdfSha256, String docxSha256, int pages, int version,
                             Long supersedesId, String correctionReason, Long supersededById, String voidReason) {

    public boolean valid() {
        return voidReason == null && supersededById == null;
    }
}
