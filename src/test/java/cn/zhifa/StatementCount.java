package cn.zhifa;

import ch.qos.logback.classic.spi.ILoggingEvent;
import cn.zhifa.bench.JdbcLog;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The JDBC statements and transactions Spring runs on the calling thread while some code runs, counted from what
 * {@code org.springframework.jdbc} logs at DEBUG (JdbcTemplate, JdbcClient, Spring Data JDBC and the transaction manager):
 * a count that does not depend on the machine's load, for guards against statements creeping back into a hot path.
 */
public record StatementCount(int statements, int transactions, List<String> sql) {

    public static StatementCount of(Callable<?> work) throws Exception {
        String thread = Thread.currentThread().getName();
        List<ILoggingEvent> seen;
        try (JdbcLog log = JdbcLog.capture(JdbcLog.JDBC)) {
            work.call();
            seen = log.events();
        }
        List<String> mine = seen.stream().filter(e -> e.getThreadName().equals(thread))
                .map(ILoggingEvent::getFormattedMessage).toList();
        List<String> sql = mine.stream().filter(m -> m.startsWith("Executing prepared SQL statement")
                || m.startsWith("Executing SQL query [") || m.startsWith("Executing SQL update [")
                || m.startsWith("Executing SQL statement [") || m.startsWith("Executing SQL batch update")).toList();
        int transactions = (int) mine.stream().filter(m -> m.startsWith("Creating new transaction")
                || m.startsWith("Suspending current transaction")).count();
        return new StatementCount(sql.size(), transactions, sql);
    }
}
