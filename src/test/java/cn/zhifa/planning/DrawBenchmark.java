package cn.zhifa.planning;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Benchmark (not part of the normal build): draw 5 % of a 1,000,000-firm pool and form 2-officer teams from
 * 2,000 officers with recusal pairs and town recusal, in memory, against {@code ORDER BY random()} on PostgreSQL
 * for the same pool. Deterministic data (seed 2026), 3 warm-up runs, then 10 measured runs; p50/p95 in ms.
 * <pre>./mvnw -o test -Dtest=DrawBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("bench")
class DrawBenchmark {

    static final int FIRMS = 1_000_000;
    static final int OFFICERS = 2_000;
    static final int TOWNS = 100;
    static final int RECUSAL_PAIRS = 10_000;
    static final int COUNT = FIRMS / 20;
    static final int WARM_UP = 3;
    static final int RUNS = 10;

    @Test
    void draw_five_percent_of_a_million_firms_with_two_officer_teams() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("bench"), "run with -Dbench=true");
        Random random = new Random(2026);
        List<DrawInput.Candidate> firms = new ArrayList<>(FIRMS);
        for (long id = 1; id <= FIRMS; id++) {
            firms.add(new DrawInput.Candidate(id, 139902000L + id % TOWNS));
        }
        List<DrawInput.Candidate> officers = new ArrayList<>(OFFICERS);
        for (long id = 1; id <= OFFICERS; id++) {
            officers.add(new DrawInput.Candidate(1_000_000 + id, random.nextInt(10) < 3 ? 139902000L + random.nextInt(TOWNS) : null));
        }
        Map<Long, Set<Long>> recusals = new HashMap<>();
        for (int i = 0; i < RECUSAL_PAIRS; i++) {
            recusals.computeIfAbsent(1L + random.nextInt(FIRMS), k -> new HashSet<>()).add(1_000_001L + random.nextInt(OFFICERS));
        }
        DrawInput input = new DrawInput(firms, COUNT, officers, 2, List.of(), 0, true, recusals, Map.of());
        String hash = input.hash();

        long[] draw = time(() -> DrawAlgorithm.draw(input, DrawAlgorithm.seed("bench", hash, 1)));
        long[] freeze = time(() -> {
            DrawInput frozen = new DrawInput(firms, COUNT, officers, 2, List.of(), 0, true, recusals, Map.of());
            return DrawAlgorithm.draw(frozen, DrawAlgorithm.seed("bench", frozen.hash(), 1));
        });
        DrawOutcome outcome = DrawAlgorithm.draw(input, DrawAlgorithm.seed("bench", hash, 1));

        long[] sql;
        long[] sqlTeams;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start(); Connection c = pg.getPostgresDatabase().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_firm (id BIGINT PRIMARY KEY, town BIGINT NOT NULL)");
                s.execute("INSERT INTO bench_firm SELECT g, 139902000 + g % " + TOWNS + " FROM generate_series(1, " + FIRMS + ") g");
                s.execute("CREATE TABLE bench_officer (id BIGINT PRIMARY KEY)");
                s.execute("INSERT INTO bench_officer SELECT 1000000 + g FROM generate_series(1, " + OFFICERS + ") g");
                s.execute("ANALYZE");
            }
            sql = time(() -> query(c, "SELECT id FROM bench_firm ORDER BY random() LIMIT " + COUNT));
            // The naive team step: for every drawn firm two officers by ORDER BY random() (no recusal, no balancing),
            // measured on 1,000 firms and scaled to the full draw.
            sqlTeams = time(() -> {
                try (Statement s = c.createStatement()) {
                    for (int i = 0; i < 1_000; i++) {
                        try (ResultSet rs = s.executeQuery("SELECT id FROM bench_officer ORDER BY random() LIMIT 2")) {
                            while (rs.next()) {
                                rs.getLong(1);
                            }
                        }
                    }
                    return null;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        String report = """
                Draw benchmark (planning): %,d firms, %,d officers (30 %% with a township), %,d recusal pairs, town recusal on,
                draw %,d firms (5 %%) with 2-officer teams; Java %s, %d cores; warm-up %d, runs %d.
                in-memory draw + teams (zhifa-draw-v1):           p50 %5d ms  p95 %5d ms
                freeze (sort + canonical text + SHA-256) + draw:  p50 %5d ms  p95 %5d ms
                PostgreSQL ORDER BY random() LIMIT %,d (firms):   p50 %5d ms  p95 %5d ms
                PostgreSQL 2 officers ORDER BY random(), x1,000:  p50 %5d ms  p95 %5d ms (x%d for all firms)
                result hash %s
                """.formatted(FIRMS, OFFICERS, RECUSAL_PAIRS, COUNT, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), WARM_UP, RUNS, p(draw, 50), p(draw, 95), p(freeze, 50),
                p(freeze, 95), COUNT, p(sql, 50), p(sql, 95), p(sqlTeams, 50), p(sqlTeams, 95), COUNT / 1_000,
                outcome.hash());
        System.out.println(report);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "planning-draw.txt"), report);
    }

    private static Object query(Connection c, String sql) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            long n = 0;
            while (rs.next()) {
                n += rs.getLong(1);
            }
            return n;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long[] time(Supplier<?> work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.get();
        }
        long[] ms = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static long p(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
