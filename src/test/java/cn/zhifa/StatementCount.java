package cn.zhifa;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;

/**
 * The JDBC statements and transactions Spring runs on the calling thread while some code runs, counted from what
 * {@code org.springframework.jdbc} logs at DEBUG (JdbcTemplate, JdbcClient, Spring Data JDBC and the transaction manager):
 * a count that does not depend on the machine's load, for guards against statements creeping back into a hot path.
 */
public record StatementCount(int statements, int transactions, List<String> sql) {

    public static StatementCount of(Callable<?> work) throws Exception {
        Logger spring = (Logger) LoggerFactory.getLogger("org.springframework.jdbc");
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        Level before = spring.getLevel();
        spring.addAppender(seen);
        spring.setLevel(Level.DEBUG);
        String thread = Thread.currentThread().getName();
        try {
            work.call();
        } finally {
            spring.setLevel(before);
            spring.detachAppender(seen);
        }
        List<String> mine = seen.list.stream().filter(e -> e.getThreadName().equals(thread))
                .map(ILoggingEvent::getFormattedMessage).toList();
        List<String> sql = mine.stream().filter(m -> m.startsWith("Executing prepared SQL statement")
                || m.startsWith("Executing SQL query [") || m.startsWith("Executing SQL update [")
                || m.startsWith("Executing SQL statement [") || m.startsWith("Executing SQL batch update")).toList();
        int transactions = (int) mine.stream().filter(m -> m.startsWith("Creating new transaction")
                || m.startsWith("Suspending current transaction")).count();
        return new StatementCount(sql.size(), transactions, sql);
    }
}
