package cn.zhifa.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 6238 Appendix B (SHA1 rows) and RFC 4648 Base32, plus the ±1 step window and the no-reuse rule. */
class TotpTests {

    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc_6238_sha1_test_vectors() {
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(59L)), 8)).isEqualTo("94287082");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111109L)), 8)).isEqualTo("07081804");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111111L)), 8)).isEqualTo("14050471");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1234567890L)), 8)).isEqualTo("89005924");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(2000000000L)), 8)).isEqualTo("69279037");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(20000000000L)), 8)).isEqualTo("65353130");
    }

    @Test
    void base32_round_trips_and_matches_rfc_4648() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.decodeBase32("MZXW6YTBOI======")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        assertThat(Totp.base32(RFC_KEY)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.newSecret()).hasSize(32).matches("[A-Z2-7]+");
    }

    @Test
    void accepts_one_step_of_drift_either_way_but_not_two_and_never_a_used_step() {
        String secret = Totp.base32(RFC_KEY);
        Instant now = Instant.ofEpochSecond(1234567890L);
        long step = Totp.step(now);
        assertThat(Totp.match(secret, Totp.code(secret, step), now, 0)).hasValue(step);
        assertThat(Totp.match(secret, Totp.code(secret, step - 1), now, 0)).hasValue(step - 1);
        assertThat(Totp.match(secret, Totp.code(secret, step + 1), now, 0)).hasValue(step + 1);
        assertThat(Totp.match(secret, Totp.code(secret, step - 2), now, 0)).isEmpty();
        assertThat(Totp.match(secret, Totp.code(secret, step), now, step)).as("reuse refused").isEmpty();
        assertThat(Totp.match(secret, "12a456", now, 0)).isEmpty();
        assertThat(Totp.match(secret, null, now, 0)).isEmpty();
    }
}
