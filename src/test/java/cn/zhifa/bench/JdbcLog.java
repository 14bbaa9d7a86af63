package cn.zhifa.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Spring's JDBC DEBUG log, captured while a benchmark's action runs: the statements {@code JdbcTemplate} executes
 * (JdbcClient and Spring Data JDBC use it) and, under {@link #JDBC}, the transaction steps. Counts read from it do not
 * depend on the machine's load. Open it around the action and read {@link #events()}; closing restores the level.
 */
public final class JdbcLog implements AutoCloseable {

    /** The statements only. */
    public static final String TEMPLATE = "org.springframework.jdbc.core.JdbcTemplate";
    /** The statements and the transaction manager's begin, commit and rollback. */
    public static final String JDBC = "org.springframework.jdbc";

    private final Logger logger;
    private final Level before;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private JdbcLog(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        before = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
    }

    /** Starts capturing {@code loggerName} (and the loggers under it) at DEBUG. */
    public static JdbcLog capture(String loggerName) {
        return new JdbcLog(loggerName);
    }

    /** What was logged so far, on every thread, in order. */
    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    @Override
    public void close() {
        logger.setLevel(before);
        logger.detachAppender(appender);
        appender.stop();
    }

    /** The SQL of a {@code JdbcTemplate} "Executing … [sql]" message, whitespace folded; null for any other message. */
    public static String sql(String message) {
        int open = message.indexOf('[');
        if (!message.startsWith("Executing") || open < 0) {
            return null;
        }
        int close = message.lastIndexOf(']');
        return message.substring(open + 1, close > open ? close : message.length()).replaceAll("\\s+", " ").strip();
    }
}
