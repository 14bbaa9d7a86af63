package cn.zhifa.documents;

import java.time.LocalDate;

/**
 * What the public verification page may show about a document: nothing personal (no party, no content) — the
 * issuing authority, the title, the number, the date, the SHA-256 of the issued PDF, its status, and whether the
 * SM2 signature made at issue over these facts still holds.
 */
public record Verification(String code, String authorityName, String title, String number, LocalDate issueDate,
                           String pdfSha256, Status status, String supersedingNumber, Signature signature) {

    /** The SM2 signature made at issue, checked against the facts as stored now. */
    public enum Signature {
        VALID("签名有效"), INVALID("签名无效"), NONE("无电子签名（启用签名前签发）");

        private final String label;

        Signature(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The statement an issued document's SM2 signature covers. */
    public static String signedStatement(String code, String authorityName, String title, String number,
                                         LocalDate issueDate, String pdfSha256) {
        return String.join("|", "zhifa-document 1", code, authorityName, title, number == null ? "" : number,
                String.valueOf(issueDate), pdfSha256);
    }

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
