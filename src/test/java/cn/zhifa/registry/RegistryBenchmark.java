package cn.zhifa.registry;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.registry.internal.Enterprises;
import cn.zhifa.registry.internal.Jurisdiction;
import cn.zhifa.registry.internal.Jurisdictions;
import cn.zhifa.registry.internal.SearchTerms;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry benchmark (not a test): generates 1,000,000 enterprises (fixed seed, COPY, indexes rebuilt
 * afterwards) into the embedded PostgreSQL of the test context, then measures list/search latency through the
 * HTTP API (JDK HttpClient, bearer token, 20 warm-up + 200 measured requests per filter) and the naive SQL
 * (exact count, LIKE without the bigram index) for comparison. Run alone:
 * <pre>./mvnw -o test -Dtest=RegistryBenchmark -Dzhifa.bench=true</pre>
 * Optional: -Dzhifa.bench.rows=1000000. Results: stdout and target/benchmark/registry.md.
 */
@ZhifaIntegrationTest
@Tag("benchmark")
@EnabledIfSystemProperty(named = "zhifa.bench", matches = "true")
class RegistryBenchmark {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final String BRAND_CHARS = "华兴鑫源金泰宏达恒通永固瑞丰东方海川天成中联盛博远利民荣昌德润锦程安嘉诚新宇万隆富长城光明振汇久广庆和信晨宝祥云凯红星正大同心航蓝绿明辉升亿佳美鼎";
    private static final String[][] TRADES = {{"26", "化工"}, {"26", "化学"}, {"51", "化工贸易"}, {"59", "仓储"}, {"33", "金属制品"},
            {"29", "塑料制品"}, {"34", "机械"}, {"38", "电气"}, {"39", "电子"}, {"13", "食品"}, {"17", "纺织"}, {"18", "服装"},
            {"21", "家具"}, {"22", "纸业"}, {"30", "建材"}, {"31", "钢铁"}, {"32", "铝业"}, {"36", "汽车配件"}, {"27", "药业"},
            {"45", "燃气"}, {"54", "物流"}, {"62", "餐饮"}, {"52", "商贸"}, {"47", "建筑工程"}, {"23", "印刷"}, {"19", "鞋业"}};
    private static final String[] REGIONS = {"示例", "东城", "西城", "高新", "滨海", "临港", "北辰", "南开"};

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Jurisdictions jurisdictions;
    @Autowired
    UserManagement users;
    @LocalServerPort
    int port;

    @Test
    void generate_a_million_enterprises_and_measure_list_and_search_latency() throws Exception {
        int rows = Integer.getInteger("zhifa.bench.rows", 1_000_000);
        StringBuilder report = new StringBuilder();
        long start = System.nanoTime();
        // -Dzhifa.bench.reuse=true (against an external PostgreSQL, SPRING_DATASOURCE_URL) measures the rows already there
        boolean reuse = Boolean.getBoolean("zhifa.bench.reuse")
                && jdbc.sql("SELECT count(*) FROM enterprise").query(Long.class).single() >= rows;
        if (!reuse) {
            generate(rows);
        }
        long generated = System.nanoTime();
        long total = jdbc.sql("SELECT count(*) FROM enterprise").query(Long.class).single();
        line(report, "Generated %,d enterprises (table now %,d rows) in %.1f s (COPY + index rebuild + ANALYZE).",
                rows, total, (generated - start) / 1e9);

        HttpClient http = HttpClient.newHttpClient();
        String supervisor = token(http, "supervisor1");
        String officer = token(http, "officer1");
        Map<String, String[]> queries = new LinkedHashMap<>();
        queries.put("floor: a near no-op API call (GET /api/v1/officers/{id}/may-enforce)", new String[]{supervisor, null});
        queries.put("no filter, newest first (city scope)", new String[]{supervisor, ""});
        queries.put("name, 2 characters: 化工", new String[]{supervisor, "q=化工"});
        queries.put("name, 4 characters: 华兴化工", new String[]{supervisor, "q=华兴化工"});
        queries.put("pinyin initials: hxhg", new String[]{supervisor, "q=hxhg"});
        queries.put("USCC exact", new String[]{supervisor, "q=" + jdbc.sql("SELECT uscc FROM enterprise ORDER BY id DESC LIMIT 1 OFFSET 5000").query(String.class).single()});
        queries.put("industry C26 + district 139902 + 在业", new String[]{supervisor, "industry=C26&town=139902&status=OPERATING"});
        queries.put("重大危险源 + 市级, by name", new String[]{supervisor, "risk=MAJOR_HAZARD&level=CITY&sort=NAME"});
        queries.put("劳动密集型 + 乡镇 139903004, most employees", new String[]{supervisor, "risk=LABOUR_INTENSIVE&town=139903004&sort=EMPLOYEES"});
        queries.put("page 50 by name", new String[]{supervisor, "sort=NAME&page=50"});
        queries.put("officer scope (one detachment) + 有限空间", new String[]{officer, "risk=CONFINED_SPACE"});
        // one warm-up pass over every query first (the JIT, the HTTP stack, the caches), then each query's own warm-up
        for (Map.Entry<String, String[]> query : queries.entrySet()) {
            String url = url(query.getValue()[1]);
            measure(20, 1, () -> {
                get(http, url, query.getValue()[0]);
                return null;
            });
        }
        line(report, "");
        line(report, "| query (GET /api/v1/enterprises, size 20) | p50 ms | p95 ms | total shown |");
        line(report, "|---|---|---|---|");
        for (Map.Entry<String, String[]> query : queries.entrySet()) {
            String url = url(query.getValue()[1]);
            String[] last = new String[1];
            double[] stats = measure(20, 200, () -> {
                last[0] = get(http, url, query.getValue()[0]);
                return null;
            });
            String shown = query.getValue()[1] == null ? "" : last[0].replaceAll(".*\"total\":(\\d+).*", "$1");
            line(report, "| %s | %.1f | %.1f | %s |", query.getKey(), stats[0], stats[1], shown);
        }
        List<Long> orgs = jdbc.sql("SELECT DISTINCT organization_id FROM enterprise").query(Long.class).list();
        String in = String.join(",", orgs.stream().map(String::valueOf).toList());
        Map<String, String[]> naive = new LinkedHashMap<>();
        naive.put("no filter: exact count(*) + page", new String[]{
                "SELECT count(*) FROM enterprise WHERE merged_into IS NULL AND organization_id IN (" + in + ")",
                "SELECT id, name FROM enterprise WHERE merged_into IS NULL AND organization_id IN (" + in + ") ORDER BY id DESC LIMIT 20"});
        naive.put("name 化工: LIKE without bigram index + exact count", new String[]{
                "SELECT count(*) FROM enterprise WHERE merged_into IS NULL AND organization_id IN (" + in + ") AND name LIKE '%化工%'",
                "SELECT id, name FROM enterprise WHERE merged_into IS NULL AND organization_id IN (" + in + ") AND name LIKE '%化工%' ORDER BY id DESC LIMIT 20"});
        naive.put("name 华兴化工: LIKE + exact count", new String[]{
                "SELECT count(*) FROM enterprise WHERE merged_into IS NULL AND name LIKE '%华兴化工%'",
                "SELECT id, name FROM enterprise WHERE merged_into IS NULL AND name LIKE '%华兴化工%' ORDER BY id DESC LIMIT 20"});
        naive.put("initials hxhg: LIKE + exact count", new String[]{
                "SELECT count(*) FROM enterprise WHERE merged_into IS NULL AND name_initials LIKE '%hxhg%'",
                "SELECT id, name FROM enterprise WHERE merged_into IS NULL AND name_initials LIKE '%hxhg%' ORDER BY id DESC LIMIT 20"});
        line(report, "");
        line(report, "| naive SQL for comparison (JDBC, no HTTP) | p50 ms | p95 ms |");
        line(report, "|---|---|---|");
        for (Map.Entry<String, String[]> query : naive.entrySet()) {
            double[] stats = measure(3, 30, () -> {
                jdbc.sql(query.getValue()[0]).query(Long.class).single();
                jdbc.sql(query.getValue()[1]).query().listOfRows();
                return null;
            });
            line(report, "| %s | %.1f | %.1f |", query.getKey(), stats[0], stats[1]);
        }
        Path out = Path.of("target", "benchmark", "registry.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("\n===== registry benchmark =====\n" + report);
    }

    @Autowired
    cn.zhifa.registry.internal.EnterpriseImports imports;

    /** 50,000 new rows through the real import (validation + one transaction), then the same file again (no changes). */
    @Test
    void import_fifty_thousand_rows() throws Exception {
        int count = Integer.getInteger("zhifa.bench.import-rows", 50_000);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Sheets.row("示例导入基准" + i + "号有限公司", uscc("139902", 30_000_000 + i), "13990200" + (1 + i % 5), String.valueOf(10 + i % 90)));
        }
        long t0 = System.nanoTime();
        byte[] file = Sheets.xlsx(cn.zhifa.registry.internal.EnterpriseSheet.HEADERS, rows);
        long t1 = System.nanoTime();
        RegistryTestSupport.actAs(users, "officer1");
        try {
            var first = imports.runNow("基准.xlsx", file);
            long t2 = System.nanoTime();
            var again = imports.runNow("基准.xlsx", file);
            long t3 = System.nanoTime();
            StringBuilder report = new StringBuilder();
            line(report, "| import of %,d rows (%.1f MB .xlsx) | seconds | result |", count, file.length / 1048576.0);
            line(report, "|---|---|---|");
            line(report, "| first import (all new) | %.1f | %s |", (t2 - t1) / 1e9, first.message());
            line(report, "| same file again (idempotent) | %.1f | %s |", (t3 - t2) / 1e9, again.message());
            line(report, "| (writing the .xlsx in the test) | %.1f | |", (t1 - t0) / 1e9);
            Path out = Path.of("target", "benchmark", "registry-import.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report.toString());
            System.out.println("\n===== registry import benchmark =====\n" + report);
        } finally {
            RegistryTestSupport.clear();
        }
    }

    private String url(String query) {
        return query == null
                ? "http://localhost:" + port + "/api/v1/officers/" + users.findByUsername("officer1").orElseThrow().id() + "/may-enforce"
                : "http://localhost:" + port + "/api/v1/enterprises?" + encode(query);
    }

    private static void line(StringBuilder report, String format, Object... args) {
        report.append(String.format(format, args)).append('\n');
    }

    private static String encode(String query) {
        if (query.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            parts.add(kv[0] + "=" + URLEncoder.encode(kv[1], StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }

    private static double[] measure(int warmUp, int runs, Supplier<Void> action) {
        for (int i = 0; i < warmUp; i++) {
            action.get();
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            action.get();
            times[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(times);
        return new double[]{times[runs / 2], times[(int) Math.ceil(runs * 0.95) - 1]};
    }

    private String token(HttpClient http, String username) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + Tokens.DEMO_PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return "Bearer " + response.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private static String get(HttpClient http, String url, String token) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " → " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void generate(int rows) throws Exception {
        Jurisdiction jurisdiction = jurisdictions.around(users.findByUsername("admin").orElseThrow().organizationId());
        var towns = jurisdiction.towns();
        List<String[]> indexes = jdbc.sql("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'enterprise' "
                        + "AND indexname NOT IN ('enterprise_pkey', 'enterprise_uscc_uq')")
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).list();
        indexes.forEach(index -> jdbc.sql("DROP INDEX " + index[0]).update());
        Random random = new Random(20261123);
        try (Connection connection = dataSource.getConnection()) {
            PGConnection pg = connection.unwrap(PGConnection.class);
            String copy = "COPY enterprise (uscc, name, name_key, name_initials, search_grams, legal_representative, town_code, "
                    + "industry_section, industry_division, employees, status, risk_features, major_hazard_grade, whitelisted, "
                    + "supervision_level, organization_id, created_at, updated_at) FROM STDIN";
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                var town = towns.get(random.nextInt(towns.size()));
                String[] trade = TRADES[random.nextInt(TRADES.length)];
                String brand = "" + BRAND_CHARS.charAt(random.nextInt(BRAND_CHARS.length())) + BRAND_CHARS.charAt(random.nextInt(BRAND_CHARS.length()));
                String name = REGIONS[random.nextInt(REGIONS.length)] + brand + trade[1] + (random.nextInt(4) == 0 ? "有限责任公司" : "有限公司");
                boolean chemical = trade[0].equals("26") || trade[1].equals("化工贸易") || trade[1].equals("燃气") || random.nextInt(100) < 3;
                List<String> risks = new ArrayList<>();
                Integer grade = null;
                if (chemical) {
                    risks.add(new String[]{"HAZCHEM_PRODUCTION", "HAZCHEM_TRADING", "HAZCHEM_USE", "HAZCHEM_STORAGE"}[random.nextInt(4)]);
                    if (random.nextInt(3) == 0) {
                        risks.add("MAJOR_HAZARD");
                        grade = 1 + random.nextInt(4);
                    }
                }
                if (random.nextInt(100) < 15) {
                    risks.add("LABOUR_INTENSIVE");
                }
                if (random.nextInt(100) < 10) {
                    risks.add("CONFINED_SPACE");
                }
                if (random.nextInt(100) < 5) {
                    risks.add("COMBUSTIBLE_DUST");
                }
                if (trade[0].equals("31") || trade[0].equals("32")) {
                    risks.add("METALLURGY");
                }
                if (random.nextInt(100) < 4) {
                    risks.add("SPRAY_COATING");
                }
                String level = grade != null && grade <= 2 ? "CITY" : random.nextInt(100) < 35 ? "DISTRICT" : "TOWNSHIP";
                long owner = jurisdiction.owner(cn.zhifa.registry.SupervisionLevel.valueOf(level), town.divisionCode()).orElseThrow().id();
                int dice = random.nextInt(100);
                String status = dice < 90 ? "OPERATING" : dice < 97 ? "SUSPENDED" : "CANCELLED";
                String section = IndustryCatalog.division(trade[0]).orElseThrow().sectionCode();
                chunk.append(uscc(town.divisionCode().substring(0, 6), i)).append('\t').append(name).append('\t')
                        .append(SearchTerms.nameKey(name)).append('\t').append(SearchTerms.initials(name)).append('\t')
                        .append(Enterprises.arrayLiteral(SearchTerms.grams(name))).append('\t')
                        .append("法人").append(i % 1000).append('\t').append(town.divisionCode()).append('\t')
                        .append(section).append('\t').append(trade[0]).append('\t').append(5 + random.nextInt(500)).append('\t')
                        .append(status).append('\t').append(Enterprises.arrayLiteral(risks.toArray(String[]::new))).append('\t')
                        .append(grade == null ? "\\N" : grade).append('\t').append(random.nextInt(20) == 0 ? "t" : "f").append('\t')
                        .append(level).append('\t').append(owner).append('\t').append("2026-01-01 00:00:00+08\t2026-01-01 00:00:00+08\n");
                if ((i + 1) % 50_000 == 0 || i == rows - 1) {
                    pg.getCopyAPI().copyIn(copy, new StringReader(chunk.toString()));
                    chunk.setLength(0);
                    System.out.printf("generated %,d / %,d%n", i + 1, rows);
                }
            }
        }
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SET maintenance_work_mem = '512MB'");
            for (String[] index : indexes) {
                long t0 = System.nanoTime();
                statement.execute(index[1]);
                System.out.printf("index %s rebuilt in %.1f s%n", index[0], (System.nanoTime() - t0) / 1e9);
            }
        }
        jdbc.sql("VACUUM ANALYZE enterprise").update();
    }

    private static String uscc(String division, int serial) {
        String body = "91" + division + "B%07d".formatted(serial % 10_000_000) + (char) ('0' + serial / 10_000_000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(body.charAt(i)) * WEIGHTS[i];
        }
        return body + ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
