package cn.zhifa.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** What every load benchmark prints: percentiles of sorted timings, the machine's load, and the report file. */
final class Figures {

    private Figures() {
    }

    /** The nearest-rank percentile of {@code sorted}. */
    static long p(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** The first three fields of /proc/loadavg (1, 5, 15 minutes), or "n/a" where there is none. */
    static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load " + fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "load n/a";
        }
    }

    static String machine() {
        return "Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores";
    }

    /** Prints the report and keeps it under target/benchmark/{@code name}. */
    static void write(String name, String report) throws IOException {
        System.out.println(report);
        Path out = Path.of("target", "benchmark", name);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }
}
