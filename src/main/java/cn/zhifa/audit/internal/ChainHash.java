package cn.zhifa.audit.internal;

import cn.zhifa.audit.AuditRecord;
import cn.zhifa.shared.crypto.Guomi;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The hash of one audit row over its canonical form (which includes the previous row's hash): HMAC-SM3
 * with the chain key for rows written since issue 14, unkeyed SHA-256 for the legacy epoch before it.
 */
final class ChainHash {

    static final String KEYED = "HMAC-SM3";
    static final String LEGACY = "SHA-256";
    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    static String keyed(byte[] key, AuditRecord row) {
        return HexFormat.of().formatHex(Guomi.hmacSm3(key, (KEYED + "\u001f" + canonical(row)).getBytes(StandardCharsets.UTF_8)));
    }

    static String legacy(AuditRecord row) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical(row).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String canonical(AuditRecord row) {
        return String.join("\u001f", List.of(
                String.valueOf(row.id()), row.occurredAt().toString(), row.actor(),
                Objects.toString(row.actorId(), ""), Objects.toString(row.organizationId(), ""), row.action(),
                Objects.toString(row.targetType(), ""), Objects.toString(row.targetId(), ""), row.outcome().name(),
                Objects.toString(row.detail(), ""), Objects.toString(row.clientAddress(), ""), row.previousHash()));
    }
}
