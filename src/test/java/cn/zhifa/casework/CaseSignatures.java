package cn.zhifa.casework;

import cn.zhifa.documents.SignatureSpecimens;
import cn.zhifa.documents.internal.DemoSignatureImages;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

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

    /** The first {@code n} officers of the unit (leader1 aside) whose 执法证 is valid all of 2026, by username. */
    static List<String> certifiedOfficers(JdbcClient jdbc, long org, int n) {
        return jdbc.sql("""
                        SELECT u.username FROM app_user u JOIN officer_certificate c ON c.user_id = u.id
                        WHERE u.organization_id = :org AND c.status = 'VALID' AND c.issued_on <= DATE '2026-01-01'
                          AND c.expires_on > DATE '2026-12-31' AND u.username <> 'leader1'
                        ORDER BY u.username LIMIT :n""").param("org", org).param("n", n).query(String.class).list();
    }
}
