package cn.zhifa.shared.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;

/** When a failed event publication is delivered again: later after each failure, never later than the cap. */
class FailedDeliveriesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");
    private final FailedDeliveries deliveries = new FailedDeliveries(null, Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofMinutes(1), Duration.ofHours(6), 500);

    @Test
    void the_wait_doubles_with_each_failure_up_to_the_cap() {
        assertThat(deliveries.wait(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(deliveries.wait(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(deliveries.wait(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(deliveries.wait(9)).isEqualTo(Duration.ofMinutes(256));
        assertThat(deliveries.wait(10)).as("512 min is over 6 h").isEqualTo(Duration.ofHours(6));
        assertThat(deliveries.wait(10_000)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void a_publication_is_due_its_wait_after_its_last_attempt() {
        assertThat(deliveries.due(failed(NOW.minusSeconds(59), null, 1), NOW)).isFalse();
        assertThat(deliveries.due(failed(NOW.minusSeconds(60), null, 1), NOW)).isTrue();
        Instant published = NOW.minus(Duration.ofDays(1));
        assertThat(deliveries.due(failed(published, NOW.minusSeconds(100), 2), NOW)).as("2 min after the last resubmission").isFalse();
        assertThat(deliveries.due(failed(published, NOW.minusSeconds(120), 2), NOW)).isTrue();
    }

    @Test
    void a_wait_that_could_never_end_or_a_cap_below_it_is_refused_at_start() {
        assertThatThrownBy(() -> new FailedDeliveries(null, Clock.systemUTC(), Duration.ZERO, Duration.ofHours(6), 500))
                .hasMessageContaining("zhifa.events.retry-after");
        assertThatThrownBy(() -> new FailedDeliveries(null, Clock.systemUTC(), Duration.ofHours(1), Duration.ofMinutes(1), 500))
                .hasMessageContaining("retry-after-max");
        assertThatThrownBy(() -> new FailedDeliveries(null, Clock.systemUTC(), Duration.ofMinutes(1), Duration.ofHours(6), 0))
                .hasMessageContaining("zhifa.events.retry-read");
    }

    private static EventPublication failed(Instant published, Instant lastResubmitted, int attempts) {
        return new EventPublication() {
            private final UUID id = UUID.randomUUID();

            @Override public UUID getIdentifier() { return id; }
            @Override public Object getEvent() { return "event"; }
            @Override public Instant getPublicationDate() { return published; }
            @Override public Optional<Instant> getCompletionDate() { return Optional.empty(); }
            @Override public Status getStatus() { return Status.FAILED; }
            @Override public Instant getLastResubmissionDate() { return lastResubmitted; }
            @Override public int getCompletionAttempts() { return attempts; }
        };
    }
}
