package cn.zhifa.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** The day a step happens (legal dates) and the instant it was recorded, both from the injected clock. */
public record When(LocalDate day, Instant at) {

    public static When of(Clock clock) {
        Instant now = clock.instant();
        return new When(LocalDate.ofInstant(now, clock.getZone()), now);
    }
}
