package cn.zhifa.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Buffers rows of several tables as COPY text and sends them through pgjdbc's {@link CopyManager}, always all tables
 * in the order they were opened (parents first), so a child row never reaches PostgreSQL before the row it references.
 * Counts rows and prints rows per second per table.
 */
final class CopyWriter {

    private static final int FLUSH_CHARS = 8 << 20;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final CopyManager copy;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private long buffered;

    CopyWriter(Connection connection) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    /** Declares a table; declare parents before children. */
    Table table(String name, String columns) {
        return tables.computeIfAbsent(name, n -> new Table(n, columns));
    }

    final class Table {
        final String name;
        final String sql;
        final StringBuilder rows = new StringBuilder();
        long count;
        long nanos;

        Table(String name, String columns) {
            this.name = name;
            this.sql = "COPY " + name + " (" + columns + ") FROM STDIN";
        }

        void row(Object... values) {
            int before = rows.length();
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    rows.append('\t');
                }
                append(rows, values[i]);
            }
            rows.append('\n');
            count++;
            buffered += rows.length() - before;
            if (buffered > FLUSH_CHARS) {
                flush();
            }
        }
    }

    /** Sends every buffered row, parents first. */
    void flush() {
        for (Table table : tables.values()) {
            if (table.rows.length() == 0) {
                continue;
            }
            long t0 = System.nanoTime();
            try {
                copy.copyIn(table.sql, new StringReader(table.rows.toString()));
            } catch (Exception e) {
                throw new IllegalStateException("COPY " + table.name + " failed: " + e.getMessage(), e);
            }
            table.nanos += System.nanoTime() - t0;
            table.rows.setLength(0);
        }
        buffered = 0;
    }

    /** One line per table: rows written, seconds spent in COPY, rows per second. */
    List<String> summary() {
        List<String> lines = new ArrayList<>();
        for (Table t : tables.values()) {
            double seconds = t.nanos / 1e9;
            lines.add(String.format("%-30s %,12d rows  %6.1f s COPY  %,10.0f rows/s", t.name, t.count, seconds,
                    seconds == 0 ? 0 : t.count / seconds));
        }
        return lines;
    }

    long count(String table) {
        Table t = tables.get(table);
        return t == null ? 0 : t.count;
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (value instanceof Instant i) {
            out.append(OffsetDateTime.ofInstant(i, ZONE));
        } else if (value instanceof LocalDate || value instanceof Number) {
            out.append(value);
        } else if (value instanceof Raw raw) {
            out.append(raw.text());
        } else {
            String s = value.toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
        }
    }

    /** Text written as is (an array literal the caller built). */
    record Raw(String text) {
    }
}
