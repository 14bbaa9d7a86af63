package cn.zhifa.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** What every benchmark measures with: warm-up then p50/p95 in ms, the machine's load average, report lines. */
final class Timing {

    private Timing() {
    }

    interface Action {
        void run() throws Exception;
    }

    /** p50 and p95 in milliseconds of {@code runs} runs after {@code warmUp} unmeasured ones. */
    static double[] measure(int warmUp, int runs, Action action) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            action.run();
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            action.run();
            times[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(times);
        return new double[]{times[runs / 2], times[(int) Math.ceil(runs * 0.95) - 1]};
    }

    /** The 1/5/15-minute load average, printed beside every figure. */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (Exception e) {
            return "?";
        }
    }

    static void line(StringBuilder report, String format, Object... args) {
        report.append(args.length == 0 ? format : String.format(format, args)).append('\n');
    }
}
