package cn.zhifa.bench.load;

import ch.qos.logback.classic.spi.ILoggingEvent;
import cn.zhifa.bench.JdbcLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDBC statements and transaction steps Spring logged at DEBUG ({@link JdbcLog}) while one request (and what it set off) ran: counted
 * per thread and per table, with a timeline of each thread. Benchmark support: counts do not depend on the machine's
 * load, the timeline's gaps show where the time went between statements.
 */
record Statements(List<Step> steps) {

    /** One statement or transaction step: when (ms since the request was sent), on which thread, what. */
    record Step(double ms, String thread, String kind, String table, String text) {
    }

    private static final Pattern TABLE = Pattern.compile(
            "(?i)(?:insert\\s+into|update|from|delete\\s+from|nextval\\(')\\s*\"?([a-z_][a-z0-9_]*)");

    static Statements of(List<ILoggingEvent> events, Instant sent) {
        List<Step> steps = new ArrayList<>();
        for (ILoggingEvent event : events) {
            String message = event.getFormattedMessage();
            String kind;
            if (message.startsWith("Executing prepared SQL statement") || message.startsWith("Executing SQL query [")
                    || message.startsWith("Executing SQL update [") || message.startsWith("Executing SQL statement [")) {
                kind = "sql";
            } else if (message.startsWith("Executing SQL batch update")) {
                kind = "batch";
            } else if (message.startsWith("Initiating transaction commit")) {
                kind = "commit";
            } else if (message.startsWith("Initiating transaction rollback")) {
                kind = "rollback";
            } else if (message.startsWith("Creating new transaction") || message.startsWith("Suspending current transaction")) {
                kind = "begin";
            } else {
                continue;
            }
            boolean statement = kind.equals("sql") || kind.equals("batch");
            String sql = statement ? java.util.Objects.requireNonNullElse(JdbcLog.sql(message), message)
                    : message.contains("[") ? message.substring(message.indexOf('[') + 1).replaceAll("\\s+", " ") : message;
            String table = "";
            if (statement) {
                Matcher m = TABLE.matcher(sql);
                table = sql.contains("pg_advisory") ? "(advisory lock)" : m.find() ? m.group(1).toLowerCase() : "(other)";
            }
            double ms = Duration.between(sent, event.getInstant()).toNanos() / 1e6;
            steps.add(new Step(ms, event.getThreadName(), kind, table, sql.length() > 110 ? sql.substring(0, 110) + "…" : sql));
        }
        return new Statements(steps);
    }

    String describe(boolean timeline) {
        Map<String, List<Step>> byThread = new LinkedHashMap<>();
        steps.forEach(s -> byThread.computeIfAbsent(s.thread(), t -> new ArrayList<>()).add(s));
        StringBuilder out = new StringBuilder();
        byThread.forEach((thread, list) -> {
            long sql = list.stream().filter(s -> s.kind().equals("sql")).count();
            long batches = list.stream().filter(s -> s.kind().equals("batch")).count();
            long commits = list.stream().filter(s -> s.kind().equals("commit")).count();
            long begins = list.stream().filter(s -> s.kind().equals("begin")).count();
            out.append("  thread %-28s %3d statements (%d of them batches), %d transactions begun, %d commits, %.1f–%.1f ms%n"
                    .formatted(thread, sql, batches, begins, commits, list.get(0).ms(), list.get(list.size() - 1).ms()));
            Map<String, Integer> tables = new TreeMap<>();
            list.stream().filter(s -> s.kind().equals("sql")).forEach(s -> tables.merge(s.table(), 1, Integer::sum));
            out.append("      ").append(tables).append('\n');
            if (timeline) {
                double previous = list.get(0).ms();
                for (Step s : list) {
                    out.append("      %8.1f ms (+%5.1f) %-8s %s%n".formatted(s.ms(), s.ms() - previous, s.kind(), s.text()));
                    previous = s.ms();
                }
            }
        });
        // what the submission cost on every thread it set off (the benchmark's own threads left out)
        List<Step> counted = steps.stream()
                .filter(s -> !s.thread().equals("main") && !s.thread().startsWith("awaitility")).toList();
        out.append("  all threads of the submission: %d statements, %d commits%n".formatted(
                counted.stream().filter(s -> s.kind().equals("sql")).count(),
                counted.stream().filter(s -> s.kind().equals("commit")).count()));
        return out.toString();
    }
}
