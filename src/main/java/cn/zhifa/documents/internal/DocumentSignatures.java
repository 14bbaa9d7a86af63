package cn.zhifa.documents.internal;

import cn.zhifa.documents.Verification;
import cn.zhifa.shared.crypto.KeyProvider;
import cn.zhifa.shared.crypto.Sm2;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SM2 signatures of issued documents. The statement signed at issue is re-built from the stored document
 * when checked and verified with the platform's current document-signing public key, so a changed hash,
 * number or date in the database, a swapped signature or a foreign key all read as 签名无效.
 */
@Component
public class DocumentSignatures {

    static final String KEY = "document-signing";
    static final String ALGORITHM = "SM2-SM3";

    private final JdbcClient jdbc;
    private final KeyProvider keys;

    DocumentSignatures(JdbcClient jdbc, KeyProvider keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    public void sign(long documentId, String statement, Instant at) {
        Sm2.KeyPair pair = keys.signingKey(KEY);
        byte[] signature = Sm2.sign(pair.privateKey(), statement.getBytes(StandardCharsets.UTF_8));
        jdbc.sql("insert into doc_signature (document_id, algorithm, signed_statement, signature, public_key, signed_at, organization_id) "
                        + "values (?, ?, ?, ?, ?, ?, (select organization_id from doc_issued where id = ?))")
                .params(documentId, ALGORITHM, statement, HexFormat.of().formatHex(signature),
                        HexFormat.of().formatHex(pair.publicKey()), Timestamp.from(at), documentId)
                .update();
    }

    public Verification.Signature check(long documentId, String statement) {
        return jdbc.sql("select signature from doc_signature where document_id = ?").param(documentId)
                .query(String.class).optional()
                .map(signature -> valid(statement, signature) ? Verification.Signature.VALID : Verification.Signature.INVALID)
                .orElse(Verification.Signature.NONE);
    }

    private boolean valid(String statement, String signature) {
        try {
            return Sm2.verify(keys.signingKey(KEY).publicKey(), statement.getBytes(StandardCharsets.UTF_8),
                    HexFormat.of().parseHex(signature.strip()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
