package cn.zhifa.planning;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.planning.internal.EnterpriseFeatureSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
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
 * <p>
 * The second test goes end to end through {@link DrawManagement} on the application's embedded PostgreSQL: it adds a
 * generated pool of firms (district profile: 10,000; more with {@code -Dbench.pools=10000,100000}) to leader1's
 * brigade with stored grades and some extra inspections, then times freeze ({@code prepare}: pool assembly, officers,
 * recusals, previous teams, hashing, saving) + draw and teams ({@code execute}), and the pool assembly alone, set-based
 * against the old per-firm way ({@code FrequencyControl.mayInspect} per firm), checking both give the same pool.
 * <pre>./mvnw -o test -Dtest=DrawBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * A 5,000,000-firm pool (issue 18, goal &lt; 5 s) with 5,000 officers and 50,000 recusal pairs, the in-memory draw only:
 * <pre>./mvnw -o test -Dtest='DrawBenchmark#draw_five*' -Dbench=true -Dbench.firms=5000000 -Dbench.officers=5000 -Dbench.recusals=50000</pre>
 */
@Tag("bench")
@ZhifaIntegrationTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class DrawBenchmark {

    static final int YEAR = 2031;
    static final int E2E_WARM_UP = 2;
    static final int E2E_RUNS = 5;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserManagement users;
    @Autowired
    DrawManagement draws;
    @Autowired
    FrequencyControl frequency;
    @Autowired
    EnterpriseFeatureSource enterprises;
    @Autowired
    DataScope scope;

    @Test
    void freeze_draw_and_teams_through_draw_management_for_a_generated_district_pool() throws Exception {
        MockHttpSession leader = (MockHttpSession) mvc.perform(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestBuilders.formLogin().user("leader1").password(Tokens.DEMO_PASSWORD)).andReturn()
                .getRequest().getSession();
        SecurityContextHolder.setContext((SecurityContext) leader.getAttribute("SPRING_SECURITY_CONTEXT"));
        long brigade = users.findByUsername("leader1").orElseThrow().organizationId();
        long demoFirms = enterprises.inOrganizations(scope.subtreeIds(brigade)).size();
        StringBuilder report = new StringBuilder("End-to-end draw benchmark (planning, DrawManagement on embedded PostgreSQL): ")
                .append("leader1's brigade (").append(demoFirms).append(" demo firms) plus generated firms (20 townships, ")
                .append("8 % 危化, 2 % 白名单, grades 5 % A / 15 % B / 80 % C stored for ").append(YEAR)
                .append(", an extra inspection at every 33rd firm); ratio 5 %, 2-officer teams, own officers; Java ")
                .append(System.getProperty("java.version")).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores; warm-up ").append(E2E_WARM_UP).append(", runs ").append(E2E_RUNS).append(".\n");
        long generated = 0;
        int month = 0;
        try {
            for (String size : System.getProperty("bench.pools", "10000").split(",")) {
                long target = Long.parseLong(size.strip());
                generate(brigade, generated + 1, target);
                generated = target;
                jdbc.sql("ANALYZE").update();
                DrawRequest request = new DrawRequest(brigade, DrawMode.OWN, null, "AQ-01", null, "", "", null, "", false,
                        new java.math.BigDecimal("5"), null, 2, "", 1);
                List<EnterpriseFeatures> pool = draws.pool(request, YEAR);
                List<EnterpriseFeatures> perFirm = perFirmPool(brigade);
                if (!pool.equals(perFirm)) {
                    throw new AssertionError("set-based pool differs from the per-firm pool");
                }
                long[] poolMs = time(E2E_WARM_UP, E2E_RUNS, () -> draws.pool(request, YEAR));
                boolean cheap = target <= 20_000;
                long[] perFirmMs = cheap ? time(1, 3, () -> perFirmPool(brigade)) : null;
                long[] freeze = new long[E2E_RUNS];
                long[] execute = new long[E2E_RUNS];
                int officers = 0;
                for (int run = 0; run < E2E_WARM_UP + E2E_RUNS; run++) {
                    month = month % 12 + 1;
                    DrawRequest monthly = new DrawRequest(brigade, DrawMode.OWN, null, "AQ-01",
                            YEAR + "-" + (month < 10 ? "0" : "") + month, "", "", null, "", false,
                            new java.math.BigDecimal("5"), null, 2, "", 1);
                    long start = System.nanoTime();
                    RandomDraw frozen = draws.prepare(monthly);
                    long frozenAt = System.nanoTime();
                    draws.execute(frozen.getId());
                    long end = System.nanoTime();
                    officers = DrawInput.parse(jdbc.sql("SELECT candidates FROM planning_draw WHERE id = ?")
                            .param(frozen.getId()).query(String.class).single()).officers().size();
                    draws.voidDraw(frozen.getId(), "压测后作废");
                    if (run >= E2E_WARM_UP) {
                        freeze[run - E2E_WARM_UP] = (frozenAt - start) / 1_000_000;
                        execute[run - E2E_WARM_UP] = (end - frozenAt) / 1_000_000;
                    }
                    Thread.sleep(1_000); // let the asynchronous InspectionTasksDrawn listener finish outside the timing
                }
                long[] total = new long[E2E_RUNS];
                for (int i = 0; i < E2E_RUNS; i++) {
                    total[i] = freeze[i] + execute[i];
                }
                Arrays.sort(freeze);
                Arrays.sort(execute);
                Arrays.sort(total);
                report.append("pool %,d firms (%,d after caps), %d certified officers, draw %,d:%n".formatted(
                        demoFirms + target, pool.size(), officers, (pool.size() * 5 + 99) / 100));
                report.append("  freeze (prepare)                      p50 %6d ms  p95 %6d ms%n".formatted(p(freeze, 50), p(freeze, 95)));
                report.append("  draw + teams (execute)                p50 %6d ms  p95 %6d ms%n".formatted(p(execute, 50), p(execute, 95)));
                report.append("  freeze + draw + teams                 p50 %6d ms  p95 %6d ms%n".formatted(p(total, 50), p(total, 95)));
                report.append("  pool assembly, set-based              p50 %6d ms  p95 %6d ms%n".formatted(p(poolMs, 50), p(poolMs, 95)));
                report.append(perFirmMs == null ? "  pool assembly, old per-firm way       not run at this size\n"
                        : "  pool assembly, old per-firm way       p50 %6d ms  p95 %6d ms (1 warm-up, 3 runs)%n"
                        .formatted(p(perFirmMs, 50), p(perFirmMs, 95)));
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        System.out.println(report);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "planning-draw-e2e.txt"), report.toString());
    }

    /** The pool as it was assembled before: a grading and five queries per firm through mayInspect. */
    private List<EnterpriseFeatures> perFirmPool(long organizationId) {
        return enterprises.inOrganizations(scope.subtreeIds(organizationId)).stream()
                .filter(f -> frequency.mayInspect(f.enterpriseId(), YEAR, null, null).allowed()).toList();
    }

    /** Generated firms {@code from..to} of the brigade, with their stored grades and some extra inspections. */
    private void generate(long organizationId, long from, long to) {
        jdbc.sql("""
                INSERT INTO enterprise (uscc, name, name_key, name_initials, search_grams, legal_representative, town_code,
                  industry_section, industry_division, employees, status, risk_features, whitelisted, supervision_level,
                  organization_id, demo, created_at, updated_at)
                SELECT 'BENCH' || lpad(g::text, 13, '0'), '压测企业' || g, 'bench' || g, 'YC', '{}', '张三',
                  '1399029' || lpad((g % 20)::text, 2, '0'), 'C', '13', 10 + g % 200, 'OPERATING',
                  CASE WHEN g % 25 < 2 THEN CAST('{HAZCHEM_USE}' AS VARCHAR(32)[]) ELSE CAST('{}' AS VARCHAR(32)[]) END,
                  g % 50 = 0, 'DISTRICT', ?, FALSE, now(), now()
                FROM generate_series(?, ?) g""").param(organizationId).param(from).param(to).update();
        jdbc.sql("""
                INSERT INTO planning_grading (enterprise_id, year, organization_id, grade, annual_frequency, level, rule_id,
                  rule_name, reasons, graded_at)
                SELECT id, ?, organization_id, CASE WHEN id % 20 = 0 THEN 'A' WHEN id % 20 < 4 THEN 'B' ELSE 'C' END, 1,
                  'DISTRICT', NULL, '压测', '压测', now()
                FROM enterprise WHERE uscc LIKE 'BENCH%' AND NOT EXISTS
                  (SELECT 1 FROM planning_grading g WHERE g.enterprise_id = enterprise.id AND g.year = ?)""")
                .param(YEAR).param(YEAR).update();
        jdbc.sql("""
                INSERT INTO planning_extra_inspection (enterprise_id, organization_id, year, planned_date, created_by, created_at)
                SELECT id, organization_id, ?, DATE '2031-01-15', 'bench', now() FROM enterprise
                WHERE uscc LIKE 'BENCH%' AND id % 33 = 0 AND CAST(substr(uscc, 6) AS BIGINT) BETWEEN ? AND ?""")
                .param(YEAR).param(from).param(to).update();
    }

    // the pool, officers and recusal pairs: 1,000,000 / 2,000 / 10,000 by default; the country's pool (issue 18) with
    // -Dbench.firms=5000000 -Dbench.officers=5000 -Dbench.recusals=50000
    static final int FIRMS = Integer.getInteger("bench.firms", 1_000_000);
    static final int OFFICERS = Integer.getInteger("bench.officers", 2_000);
    static final int TOWNS = 100;
    static final int RECUSAL_PAIRS = Integer.getInteger("bench.recusals", 10_000);
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
        byte[] seed = DrawAlgorithm.seed("bench", hash, 1);
        String text = input.canonical();
        DrawOutcome outcome = DrawAlgorithm.draw(input, seed);

        // the phases of RandomDraw.freeze (lists → text → hash) and RandomDraw.execute (text → hash check → lists →
        // selection → teams → result text and hash), each alone
        long[] lists = time(() -> new DrawInput(firms, COUNT, officers, 2, List.of(), 0, true, recusals, Map.of()));
        long[] canonical = time(input::canonical);
        long[] sha = time(() -> DrawAlgorithm.sha256Hex(text));
        long[] parse = time(() -> DrawInput.parse(text));
        long[] select = time(() -> DrawAlgorithm.select(new DeterministicRandom(seed), input.firms().size(), COUNT));
        long[] draw = time(() -> DrawAlgorithm.draw(input, seed));
        long[] result = time(() -> DrawAlgorithm.sha256Hex(outcome.canonical()));
        // as README measured it before: lists + hash + draw
        long[] freeze = time(() -> {
            DrawInput frozen = new DrawInput(firms, COUNT, officers, 2, List.of(), 0, true, recusals, Map.of());
            return DrawAlgorithm.draw(frozen, DrawAlgorithm.seed("bench", frozen.hash(), 1));
        });
        // what the application does in memory from the read pool to the stored result: freeze, then execute
        long[] path = time(() -> {
            DrawInput frozen = new DrawInput(firms, COUNT, officers, 2, List.of(), 0, true, recusals, Map.of());
            String stored = frozen.canonical();
            String storedHash = DrawAlgorithm.sha256Hex(stored);
            if (!DrawAlgorithm.sha256Hex(stored).equals(storedHash)) {
                throw new AssertionError("hash");
            }
            DrawOutcome drawn = DrawAlgorithm.draw(DrawInput.parse(stored), DrawAlgorithm.seed("bench", storedHash, 1));
            return drawn.hash();
        });
        if (!DrawInput.parse(text).hash().equals(hash) || !DrawAlgorithm.draw(DrawInput.parse(text), seed).hash().equals(outcome.hash())) {
            throw new AssertionError("the text does not read back to the same lists and draw");
        }
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
                phases (each alone):
                  candidate lists (sort, unique, recusal map):   p50 %5d ms  p95 %5d ms
                  canonical text (%,d bytes):            p50 %5d ms  p95 %5d ms
                  SHA-256 of the text:                           p50 %5d ms  p95 %5d ms
                  text read back to the lists (execute):         p50 %5d ms  p95 %5d ms
                  firm selection (k of n, seeded):               p50 %5d ms  p95 %5d ms
                  selection + teams with recusal:                p50 %5d ms  p95 %5d ms
                  result text + SHA-256:                         p50 %5d ms  p95 %5d ms
                in-memory draw + teams (zhifa-draw-v1):           p50 %5d ms  p95 %5d ms
                freeze (sort + canonical text + SHA-256) + draw:  p50 %5d ms  p95 %5d ms
                freeze + execute as stored (lists, text, hash, check, read back, draw, result hash): p50 %5d ms  p95 %5d ms
                PostgreSQL ORDER BY random() LIMIT %,d (firms):   p50 %5d ms  p95 %5d ms
                PostgreSQL 2 officers ORDER BY random(), x1,000:  p50 %5d ms  p95 %5d ms (x%d for all firms)
                result hash %s
                load average (1/5/15 min) at the end: %s
                """.formatted(FIRMS, OFFICERS, RECUSAL_PAIRS, COUNT, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), WARM_UP, RUNS, p(lists, 50), p(lists, 95), text.length(),
                p(canonical, 50), p(canonical, 95), p(sha, 50), p(sha, 95), p(parse, 50), p(parse, 95), p(select, 50),
                p(select, 95), p(draw, 50), p(draw, 95), p(result, 50), p(result, 95), p(draw, 50), p(draw, 95),
                p(freeze, 50), p(freeze, 95), p(path, 50), p(path, 95), COUNT, p(sql, 50), p(sql, 95), p(sqlTeams, 50),
                p(sqlTeams, 95), COUNT / 1_000, outcome.hash(), loadAverage());
        System.out.println(report);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "planning-draw.txt"), report);
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+"), 3));
        } catch (Exception e) {
            return "n/a";
        }
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
        return time(WARM_UP, RUNS, work);
    }

    private static long[] time(int warmUp, int runs, Supplier<?> work) {
        for (int i = 0; i < warmUp; i++) {
            work.get();
        }
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
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
