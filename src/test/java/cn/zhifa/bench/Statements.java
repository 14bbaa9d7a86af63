package cn.zhifa.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The SQL statements one action runs through Spring's {@code JdbcTemplate} (JdbcClient and Spring Data JDBC use it), read
 * from its DEBUG log on the server's request threads: a count that does not depend on the machine's load.
 */
final class Statements {

    private Statements() {
    }

    /** The statements {@code action} ran, in order (the SQL text, whitespace folded). */
    static List<String> of(Timing.Action action) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("org.springframework.jdbc.core.JdbcTemplate");
        Level before = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        try {
            action.run();
        } finally {
            logger.setLevel(before);
            logger.detachAppender(appender);
        }
        return appender.list.stream()
                .filter(e -> e.getThreadName().startsWith("http-nio"))
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("Executing") && m.contains("["))
                .map(m -> m.substring(m.indexOf('[') + 1, m.lastIndexOf(']')).replaceAll("\\s+", " ").strip())
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
