package cn.zhifa.documents;

/** A recorded refusal to sign (拒绝签名) in a signature area, with the circumstances and the witness if any. */
public record SignatureRefusal(String area, String reason, String witness) {
    public SignatureRefusal {
        if (area == null || area.isBlank()) throw new IllegalArgumentException("area");
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason");
    }
}
