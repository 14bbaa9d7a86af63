package cn.zhifa.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password encoder's bcrypt cost is configurable (the tests lower it); hashes made at another cost, and hashes of
 * the other kinds Spring Security knows, are still matched.
 */
class PasswordEncoderStrengthTest {

    private static final String PASSWORD = "Zhifa@2026";

    @Test
    void new_hashes_are_bcrypt_at_the_configured_cost() {
        PasswordEncoder production = new SecurityConfiguration().passwordEncoder(10);
        PasswordEncoder tests = new SecurityConfiguration().passwordEncoder(4);

        assertThat(production.encode(PASSWORD)).startsWith("{bcrypt}$2a$10$");
        String cheap = tests.encode(PASSWORD);
        assertThat(cheap).startsWith("{bcrypt}$2a$04$");
        assertThat(tests.matches(PASSWORD, cheap)).isTrue();
        assertThat(tests.matches("Zhifa@2025", cheap)).isFalse();
    }

    @Test
    void hashes_of_another_cost_or_kind_still_match() {
        PasswordEncoder encoder = new SecurityConfiguration().passwordEncoder(4);

        assertThat(encoder.matches(PASSWORD, "{bcrypt}" + new BCryptPasswordEncoder(10).encode(PASSWORD))).isTrue();
        assertThat(encoder.matches(PASSWORD, "{noop}" + PASSWORD)).as("another kind: the factory's encoders").isTrue();
        assertThat(encoder.matches("Zhifa@2025", "{noop}" + PASSWORD)).isFalse();
    }
}
