package cn.zhifa.organization.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Failed logins per client address (the address a trusted proxy names, see {@link TrustedProxies}): after
 * {@link AuthenticationSettings.Throttle#maxFailures()} failures within the window, logins from that address
 * are refused until the oldest failure leaves the window — whichever accounts were tried, existing or not.
 * Kept in memory: a restart forgets, which the per-account lockout does not.
 */
@Component
public class LoginThrottle {

    public static final String REFUSED = "登录尝试过于频繁，请稍后再试。";

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final AuthenticationSettings settings;
    private final Clock clock;

    LoginThrottle(AuthenticationSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public boolean blocked(String address) {
        Deque<Instant> times = failures.get(address);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            prune(times);
            return times.size() >= settings.throttle().maxFailures();
        }
    }

    public void failed(String address) {
        Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.instant());
        }
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    prune(entry.getValue());
                    return entry.getValue().isEmpty();
                }
            });
        }
    }

    /** Counts a failure against the address of the request being served (form login and token alike). */
    void failedFromCurrentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            failed(address(attributes.getRequest()));
        }
    }

    public static String address(HttpServletRequest request) {
        return String.valueOf(request.getRemoteAddr());
    }

    private void prune(Deque<Instant> times) {
        Instant from = clock.instant().minus(settings.throttle().window());
        while (!times.isEmpty() && !times.peekFirst().isAfter(from)) {
            times.removeFirst();
        }
        // a clock moved backwards (tests) leaves no failure "in the future"
        while (!times.isEmpty() && times.peekLast().isAfter(clock.instant())) {
            times.removeLast();
        }
    }
}
