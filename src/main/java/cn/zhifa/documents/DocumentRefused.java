package cn.zhifa.documents;

/**
 * A document command refused for a reason the user can read (Chinese): missing fields or signatures, unknown
 * verification code, an attempt to change an issued document.
 */
public class DocumentRefused extends RuntimeException {
    public DocumentRefused(String reason) {
        super(reason);
    }
}
