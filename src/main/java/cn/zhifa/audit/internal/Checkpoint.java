package cn.zhifa.audit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A signed statement of the chain at one moment, kept outside the table: the newest row (head) and its
 * hash, how many rows had been written up to it (archived ones included), and where the unkeyed legacy
 * epoch ends.
 */
record Checkpoint(Instant at, long headId, String headHash, long totalRows, long legacyThroughId) {

    /** The signed text (the signature line follows it in the file). */
    String text() {
        return "zhifa-audit-checkpoint 1\n"
                + "at=" + at + "\n"
                + "headId=" + headId + "\n"
                + "headHash=" + headHash + "\n"
                + "totalRows=" + totalRows + "\n"
                + "legacyThroughId=" + legacyThroughId + "\n";
    }

    byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    static Checkpoint parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new Checkpoint(Instant.parse(fields.get("at")), Long.parseLong(fields.get("headId")), fields.get("headHash"),
                Long.parseLong(fields.get("totalRows")), Long.parseLong(fields.get("legacyThroughId")));
    }
}
