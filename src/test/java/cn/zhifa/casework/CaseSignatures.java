package cn.zhifa.casework;

import cn.zhifa.documents.SignatureSpecimens;
import cn.zhifa.documents.internal.DemoSignatureImages;

/** Test help: officers a walk needs as signers register their signature (签名样式) once, as on 我的签名. */
final class CaseSignatures {

    private CaseSignatures() {
    }

    static void ensure(SignatureSpecimens specimens, String... usernames) {
        for (String username : usernames) {
            if (specimens.current(username).isEmpty()) {
                specimens.register(username, username, DemoSignatureImages.of(username, username), "test");
            }
        }
    }
}
