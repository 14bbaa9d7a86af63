package cn.zhifa.documents;

import java.time.LocalDate;

/**
 * What the public verification page may show about a document: nothing personal (no party, no content) — the
 * issuing authority, the title, the number, the date, the SHA-256 of the issued PDF and its status.
 */
public record Verification(String code, String authorityName, String title, String number, LocalDate issueDate,
                           String pdfSha256, Status status, String supersedingNumber) {

    public enum Status {
        VALID("有效"), CORRECTED("已被更正（以新版本为准）"), VOIDED("已作废");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whether a hash (hex, any case, surrounding blanks ignored) is the one of the issued PDF. */
    public boolean matches(String sha256) {
        return sha256 != null && sha256.strip().equalsIgnoreCase(pdfSha256);
    }
}
