package cn.zhifa.evidence;

import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes an API create safe to retry: the client sends a UUID in the {@code Idempotency-Key} header; the
 * first request with that key (per user) runs and its answer is kept; a retry with the same body gets
 * the same answer without running again; the same key with a different body is refused (409).
 * It lives in the evidence module, the earliest of the terminal-facing modules, so inspection and
 * hazard use it too. The key row is inserted first in the command's own transaction, so concurrent
 * retries wait for the first one and then read its answer.
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Idempotency(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs {@code command} once per key and request: {@code requestFingerprint} is what identifies the
     * request body (e.g. its JSON); the command's answer body is stored as JSON.
     */
    @Transactional
    public ResponseEntity<String> once(String key, String operation, String requestFingerprint, HttpStatus status,
                                       Supplier<Object> command) {
        String checkedKey = check(key);
        Actor actor = Actors.require();
        String hash = sha256(operation + "\n" + requestFingerprint);
        int inserted = jdbc.sql("""
                        INSERT INTO idempotent_request (user_id, idempotency_key, operation, request_hash, created_at)
                        VALUES (:user, :key, :op, :hash, :now) ON CONFLICT DO NOTHING""")
                .param("user", actor.userId()).param("key", checkedKey).param("op", operation).param("hash", hash)
                .param("now", Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            var first = jdbc.sql("SELECT operation, request_hash, status, response_body FROM idempotent_request "
                            + "WHERE user_id = :user AND idempotency_key = :key")
                    .param("user", actor.userId()).param("key", checkedKey)
                    .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4)))
                    .single();
            if (!first.operation().equals(operation) || !first.hash().equals(hash)) {
                throw RuleViolation.conflict("该幂等键（Idempotency-Key）已用于另一内容不同的请求，未作任何修改。"
                        + "新的提交请使用新的幂等键。");
            }
            return ResponseEntity.status(first.status()).contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotent-Replayed", "true").body(first.body());
        }
        String body = json.writeValueAsString(command.get());
        jdbc.sql("UPDATE idempotent_request SET status = :status, response_body = :body "
                        + "WHERE user_id = :user AND idempotency_key = :key")
                .param("status", status.value()).param("body", body)
                .param("user", actor.userId()).param("key", checkedKey).update();
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /**
     * For creates that terminals and older clients call alike: with an {@code Idempotency-Key} it is
     * {@link #once}; without one the command simply runs (a page or a client that never retries).
     */
    @Transactional
    public ResponseEntity<String> onceIfKeyed(String key, String operation, String requestFingerprint, HttpStatus status,
                                              Supplier<Object> command) {
        if (key == null || key.isBlank()) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsString(command.get()));
        }
        return once(key, operation, requestFingerprint, status, command);
    }

    private record Stored(String operation, String hash, Integer status, String body) {
    }

    private static String check(String key) {
        if (key == null || key.isBlank()) {
            throw new RuleViolation("缺少请求头 Idempotency-Key（客户端生成的 UUID），未作任何修改。");
        }
        try {
            return UUID.fromString(key.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("请求头 Idempotency-Key 须为 UUID，例如 3f2a…-…，未作任何修改。");
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
