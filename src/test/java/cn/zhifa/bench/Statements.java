package cn.zhifa.bench;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The SQL statements one action runs through Spring's {@code JdbcTemplate} (JdbcClient and Spring Data JDBC use it), read
 * from its DEBUG log on the server's request threads: a count that does not depend on the machine's load.
 */
final class Statements {

    private Statements() {
    }

    /** The statements {@code action} ran on the server's request threads, in order (the SQL text, whitespace folded). */
    static List<String> of(Timing.Action action) throws Exception {
        List<ILoggingEvent> events;
        try (JdbcLog log = JdbcLog.capture(JdbcLog.TEMPLATE)) {
            action.run();
            events = log.events();
        }
        return events.stream()
                .filter(e -> e.getThreadName().startsWith("http-nio"))
                .map(e -> JdbcLog.sql(e.getFormattedMessage()))
                .filter(Objects::nonNull)
                .toList();
    }

    /** The statements run more than once, with their count, most repeated first. */
    static Map<String, Long> repeated(List<String> statements) {
        Map<String, Long> counts = new LinkedHashMap<>();
        statements.forEach(s -> counts.merge(s, 1L, Long::sum));
        Map<String, Long> repeated = new LinkedHashMap<>();
        counts.entrySet().stream().filter(e -> e.getValue() > 1).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> repeated.put(e.getKey(), e.getValue()));
        return repeated;
    }
}
