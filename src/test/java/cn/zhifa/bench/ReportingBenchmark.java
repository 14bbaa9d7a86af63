package cn.zhifa.bench;

import static cn.zhifa.bench.Timing.line;
import static cn.zhifa.bench.Timing.load;
import static cn.zhifa.bench.Timing.measure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.reporting.AnnualFigures;
import cn.zhifa.reporting.ReportingManagement;
import cn.zhifa.reporting.internal.CaseReadModel;
import cn.zhifa.reporting.internal.DocumentReadModel;
import cn.zhifa.reporting.internal.HazardReadModel;
import cn.zhifa.reporting.internal.VisitReadModel;
import cn.zhifa.shared.crypto.FieldCipher;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The annual figures (visits by kind and mode, firms by kind, 出动人次, hazards found / 重大 / rectified, cases filed and
 * decided by kind with their fines, documents issued by kind) of one district and of the whole province of the
 * province profile at a scale fraction, three ways in the same run: (a) reporting's read models — the whole
 * {@link ReportingManagement#annual} call, and its read-model queries alone —, (b) the naive GROUP BY over the owning
 * modules' base tables, (c) DuckDB scanning the same base rows exported to Parquet (PostgreSQL {@code COPY … TO STDOUT}
 * as CSV, then DuckDB {@code read_csv} → {@code COPY … TO '….parquet'}). Asserts the three give the same figures; prints
 * p50/p95 with the machine's load average beside every figure, the time of each part of a district's {@code annual}
 * call that is not a read model (officer statistics, the hazard extras, plan completion, draws, credit, campaigns, each
 * figure source) and EXPLAIN ANALYZE of the read models' province queries. Not a test:
 * <pre>./mvnw -o test -Dtest=ReportingBenchmark -Dzhifa.bench=true -Dzhifa.bench.scale=0.05</pre>
 * Results: stdout and target/benchmark/reporting.md. Optional: {@code -Dzhifa.bench.warmup} (10),
 * {@code -Dzhifa.bench.runs} (50), {@code -Dzhifa.bench.year} (last year).
 */
@ZhifaIntegrationTest
@Tag("benchmark")
@EnabledIfSystemProperty(named = "zhifa.bench", matches = "true")
class ReportingBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldCipher cipher;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Clock clock;
    @Autowired
    ReportingManagement reporting;
    @Autowired
    VisitReadModel visitModel;
    @Autowired
    HazardReadModel hazardModel;
    @Autowired
    CaseReadModel caseModel;
    @Autowired
    DocumentReadModel documentModel;
    @Autowired
    UserManagement users;
    @Autowired
    DataScope scope;
    @Autowired
    cn.zhifa.registry.OfficerManagement officers;
    @Autowired
    cn.zhifa.hazard.HazardManagement hazards;
    @Autowired
    cn.zhifa.planning.PlanManagement plans;
    @Autowired
    cn.zhifa.planning.DrawManagement draws;
    @Autowired
    cn.zhifa.credit.CreditManagement credit;
    @Autowired
    List<cn.zhifa.reporting.FigureSource> sources;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void annual_figures_of_a_district_and_the_province_against_naive_sql_and_duckdb() throws Exception {
        double scale = Double.parseDouble(System.getProperty("zhifa.bench.scale", "0.05"));
        int warmUp = Integer.getInteger("zhifa.bench.warmup", 10);
        int runs = Integer.getInteger("zhifa.bench.runs", 50);
        LocalDate today = LocalDate.now(clock);
        int year = Integer.getInteger("zhifa.bench.year", today.getYear() - 1);
        Profile profile = Profile.of("province", scale, today);
        ProfileGenerator.Result result = new ProfileGenerator(dataSource, cipher, encoder.encode(Tokens.DEMO_PASSWORD), today,
                Long.getLong("zhifa.bench.seed", 18))
                .generate(profile);
        StringBuilder report = new StringBuilder();
        line(report, "Profile province at scale %s: %,d firms, %,d records, %,d hazards, %,d cases, %,d documents; generated in %.1f s (load %s).",
                scale, result.rows().get("enterprise"), result.rows().get("inspection_record"), result.rows().get("hazard"),
                result.rows().get("penalty_case"), result.rows().get("doc_issued"), result.seconds(), load());
        long t0 = System.nanoTime();
        reporting.rebuild(year - 1);
        reporting.rebuild(year);
        line(report, "Read models of %d and %d rebuilt in %.1f s (load %s).", year - 1, year, (System.nanoTime() - t0) / 1e9, load());

        actAs(result.leaderUsername());
        long district = result.unitIds().get(0);
        List<Long> districtOrgs = scope.subtreeIds(district);
        List<Long> provinceOrgs = scope.subtreeIds(result.rootId());
        line(report, "Year %d; district = %d unit(s), province = %d units. Java %s, %d cores, warm-up %d, runs %d.", year,
                districtOrgs.size(), provinceOrgs.size(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), warmUp, runs);

        Path dir = Path.of("target", "benchmark", "reporting-parquet");
        Files.createDirectories(dir);
        t0 = System.nanoTime();
        long[] exported = exportToParquet(dir);
        line(report, "Base rows exported to Parquet (%,d visits, %,d hazards, %,d cases, %,d documents, every year and unit) in %.1f s (load %s).",
                exported[0], exported[1], exported[2], exported[3], (System.nanoTime() - t0) / 1e9, load());

        line(report, "");
        line(report, "| scope | way | p50 ms | p95 ms | load average (1/5/15 min) |");
        line(report, "|---|---|---|---|---|");
        StringBuilder notes = new StringBuilder();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Object[] scopeRow : List.of(new Object[]{"一个区县", district, districtOrgs}, new Object[]{"全省", result.rootId(), provinceOrgs})) {
                String name = (String) scopeRow[0];
                long unit = (Long) scopeRow[1];
                @SuppressWarnings("unchecked")
                List<Long> orgs = (List<Long>) scopeRow[2];
                Map<String, String> viaAnnual = fromAnnual(reporting.annual(year, unit));
                Map<String, String> viaModels = fromReadModels(year, orgs);
                Map<String, String> viaNaive = naive(year, orgs);
                Map<String, String> viaDuck = duck(duck, dir, year, orgs);
                assertThat(viaAnnual.get("visits")).as("the %s has visits in %d", name, year).isNotEqualTo("0");
                assertThat(viaModels).as("read models = annual (%s)", name).isEqualTo(viaAnnual);
                assertThat(viaNaive).as("naive GROUP BY = read models (%s)", name).isEqualTo(viaModels);
                assertThat(viaDuck).as("DuckDB = read models (%s)", name).isEqualTo(viaModels);

                double[] annual = measure(warmUp, runs, () -> reporting.annual(year, unit));
                line(report, "| %s | ReportingManagement.annual (all figures, this and last year) | %.1f | %.1f | %s |", name, annual[0], annual[1], load());
                double[] models = measure(warmUp, runs, () -> fromReadModels(year, orgs));
                line(report, "| %s | read models (these figures) | %.1f | %.1f | %s |", name, models[0], models[1], load());
                double[] plain = measure(Math.min(3, warmUp), runs, () -> naive(year, orgs));
                line(report, "| %s | naive GROUP BY over base tables | %.1f | %.1f | %s |", name, plain[0], plain[1], load());
                double[] scan = measure(Math.min(3, warmUp), runs, () -> duck(duck, dir, year, orgs));
                line(report, "| %s | DuckDB over Parquet | %.1f | %.1f | %s |", name, scan[0], scan[1], load());
                if (name.equals("全省")) {
                    line(notes, "Province: read models p50 %.1f ms vs DuckDB p50 %.1f ms → goal (≤ DuckDB) %s.", models[0], scan[0],
                            models[0] <= scan[0] ? "met" : "missed");
                } else {
                    line(notes, "District: annual p50 %.1f ms, its read-model queries p50 %.1f ms → goal (< 100 ms) %s.", annual[0],
                            models[0], annual[0] < 100 ? "met" : "missed by the whole call" + (models[0] < 100 ? ", met by the read models" : ""));
                }
                line(notes, "");
                line(notes, "Figures (%s), equal three ways: %s", name, viaModels);
                line(notes, "");
            }
        }
        line(report, "");
        report.append(notes);
        line(report, "Where a district's `annual` call spends its time beyond the read models (each part alone, this year; p50/p95 ms):");
        line(report, "");
        line(report, "| part | p50 ms | p95 ms |");
        line(report, "|---|---|---|");
        Map<String, Timing.Action> parts = new java.util.LinkedHashMap<>();
        parts.put("officer statistics (registry)", () -> officers.statistics(year, districtOrgs));
        parts.put("挂牌督办/曝光/自报 (hazard base table)", () -> hazards.reportFigures(year, districtOrgs));
        parts.put("plan completion (planning, one query)", () -> plans.completionTotals(year, districtOrgs));
        parts.put("双随机 draws (planning)", () -> draws.figures(year, districtOrgs));
        parts.put("serious list (credit)", () -> credit.listingFigures(year, districtOrgs));
        parts.put("campaigns (planning, inspection, hazard, casework)", () -> reporting.campaigns(year, districtOrgs));
        for (cn.zhifa.reporting.FigureSource source : sources) {
            parts.put("figure source " + org.springframework.aop.support.AopUtils.getTargetClass(source).getSimpleName(), () -> {
                source.figures(year, districtOrgs);
                source.workFigures(year, districtOrgs);
            });
        }
        for (Map.Entry<String, Timing.Action> part : parts.entrySet()) {
            double[] t = measure(warmUp, runs, part.getValue());
            line(report, "| %s | %.1f | %.1f |", part.getKey(), t[0], t[1]);
        }
        double[] again = measure(warmUp, runs, () -> reporting.annual(year, district));
        line(report, "| the whole `annual` call again, after the parts | %.1f | %.1f |", again[0], again[1]);
        double[] province = measure(warmUp, runs, () -> officers.statistics(year, provinceOrgs));
        line(report, "| province: officer statistics | %.1f | %.1f |", province[0], province[1]);
        province = measure(warmUp, runs, () -> hazards.reportFigures(year, provinceOrgs));
        line(report, "| province: 挂牌督办/曝光/自报 | %.1f | %.1f |", province[0], province[1]);
        province = measure(warmUp, runs, () -> reporting.annual(year, result.rootId()));
        line(report, "| province: the whole `annual` call again (load %s) | %.1f | %.1f |", load(), province[0], province[1]);
        line(report, "");
        line(report, "Query plans (EXPLAIN ANALYZE) of the read models' province queries:");
        LocalDate from = LocalDate.of(year, 1, 1), to = LocalDate.of(year, 12, 31);
        for (String sql : List.of(
                "SELECT kind, mode, sum(visits), sum(officer_visits) FROM reporting_visit_day WHERE organization_id IN (:orgs) AND day BETWEEN :from AND :to GROUP BY kind, mode",
                "SELECT kind, count(DISTINCT enterprise_id) FROM reporting_firm_year WHERE organization_id IN (:orgs) AND year = :year AND visits > 0 GROUP BY kind",
                "SELECT count(*), count(*) FILTER (WHERE major) FROM reporting_hazard WHERE organization_id IN (:orgs) AND found_on BETWEEN :from AND :to",
                "SELECT kind, count(*) FROM reporting_document WHERE organization_id IN (:orgs) AND issue_date BETWEEN :from AND :to AND NOT voided GROUP BY kind")) {
            line(report, "");
            line(report, "    -- " + sql);
            jdbc.sql("EXPLAIN ANALYZE " + sql).param("orgs", provinceOrgs).param("from", from).param("to", to).param("year", year)
                    .query(String.class).list().forEach(l -> line(report, "    " + l));
        }
        Path out = Path.of("target", "benchmark", "reporting.md");
        Files.writeString(out, report.toString());
        System.out.println("\n===== reporting benchmark =====\n" + report);
    }

    // ---- (a) the read models

    private static Map<String, String> fromAnnual(AnnualFigures f) {
        Map<String, String> m = new TreeMap<>();
        f.visitsByKind().forEach((k, v) -> m.put("visits." + k, String.valueOf(v)));
        f.visitsByMode().forEach((k, v) -> m.put("mode." + k, String.valueOf(v)));
        f.firmsByKind().forEach((k, v) -> m.put("firms." + k, String.valueOf(v)));
        m.put("visits", String.valueOf(f.inspectionVisits()));
        m.put("firms", String.valueOf(f.firmsInspected()));
        m.put("officerVisits", String.valueOf(f.officerVisits()));
        m.put("hazards", String.valueOf(f.hazardsFound()));
        m.put("hazards.major", String.valueOf(f.majorHazardsFound()));
        m.put("hazards.rectified", String.valueOf(f.hazardsRectified()));
        m.put("hazards.majorRectified", String.valueOf(f.majorHazardsRectified()));
        f.casesFiledByKind().forEach((k, v) -> m.put("filed." + k, String.valueOf(v)));
        f.decidedByKind().forEach((k, v) -> m.put("decided." + k, String.valueOf(v)));
        f.finesByKind().forEach((k, v) -> m.put("fines." + k, money(v)));
        f.documentsByKind().forEach(d -> m.put("documents." + d.kind(), String.valueOf(d.issued())));
        return zeroless(m);
    }

    private Map<String, String> fromReadModels(int year, List<Long> orgs) {
        Map<String, String> m = new TreeMap<>();
        VisitReadModel.VisitFigures v = visitModel.figures(year, orgs);
        v.visitsByKind().forEach((k, n) -> m.put("visits." + k.name(), String.valueOf(n)));
        v.visitsByMode().forEach((k, n) -> m.put("mode." + k.name(), String.valueOf(n)));
        v.firmsByKind().forEach((k, n) -> m.put("firms." + k.name(), String.valueOf(n)));
        m.put("visits", String.valueOf(v.visits()));
        m.put("firms", String.valueOf(v.firms()));
        m.put("officerVisits", String.valueOf(v.officerVisits()));
        HazardReadModel.HazardFigures h = hazardModel.figures(year, orgs);
        m.put("hazards", String.valueOf(h.found()));
        m.put("hazards.major", String.valueOf(h.major()));
        m.put("hazards.rectified", String.valueOf(h.rectified()));
        m.put("hazards.majorRectified", String.valueOf(h.majorRectified()));
        CaseReadModel.CaseFigures c = caseModel.figures(year, orgs);
        c.filed().forEach((k, n) -> m.put("filed." + k.name(), String.valueOf(n)));
        c.decided().forEach((k, n) -> m.put("decided." + k.name(), String.valueOf(n)));
        c.finesYuan().forEach((k, n) -> m.put("fines." + k.name(), money(n)));
        documentModel.byKind(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), orgs)
                .forEach(d -> m.put("documents." + d.kind(), String.valueOf(d.issued())));
        return zeroless(m);
    }

    // ---- (b) the naive GROUP BY over the owning modules' tables, at request time

    private Map<String, String> naive(int year, List<Long> orgs) {
        Map<String, String> m = new TreeMap<>();
        Timestamp fromTs = Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(ZONE).toInstant());
        Timestamp toTs = Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(ZONE).toInstant());
        LocalDate from = LocalDate.of(year, 1, 1), to = LocalDate.of(year, 12, 31);
        String visits = " FROM inspection_record r WHERE r.status = 'SUBMITTED' AND r.organization_id IN (:orgs)"
                + " AND r.started_at >= :fromTs AND r.started_at < :toTs";
        long[] total = new long[2];
        jdbc.sql("SELECT r.kind, r.mode, count(*), sum((SELECT count(*) FROM inspection_record_member m WHERE m.inspection_record = r.id))"
                        + visits + " GROUP BY r.kind, r.mode")
                .param("orgs", orgs).param("fromTs", fromTs).param("toTs", toTs).query((RowCallbackHandler) rs -> {
                    add(m, "visits." + rs.getString(1), rs.getLong(3));
                    add(m, "mode." + rs.getString(2), rs.getLong(3));
                    total[0] += rs.getLong(3);
                    total[1] += rs.getLong(4);
                });
        m.put("visits", String.valueOf(total[0]));
        m.put("officerVisits", String.valueOf(total[1]));
        jdbc.sql("SELECT r.kind, count(DISTINCT r.enterprise_id)" + visits + " GROUP BY r.kind")
                .param("orgs", orgs).param("fromTs", fromTs).param("toTs", toTs)
                .query((RowCallbackHandler) rs -> add(m, "firms." + rs.getString(1), rs.getLong(2)));
        m.put("firms", String.valueOf(jdbc.sql("SELECT count(DISTINCT r.enterprise_id)" + visits)
                .param("orgs", orgs).param("fromTs", fromTs).param("toTs", toTs).query(Long.class).single()));
        jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE level = 'MAJOR'), count(*) FILTER (WHERE status = 'CLOSED'),
                               count(*) FILTER (WHERE level = 'MAJOR' AND status = 'CLOSED')
                        FROM hazard WHERE organization_id IN (:orgs) AND found_on BETWEEN :from AND :to AND status <> 'REPORTED'""")
                .param("orgs", orgs).param("from", from).param("to", to).query((RowCallbackHandler) rs -> hazards(m, rs));
        jdbc.sql("SELECT kind, count(*) FROM penalty_case WHERE organization_id IN (:orgs) AND filed_on BETWEEN :from AND :to GROUP BY kind")
                .param("orgs", orgs).param("from", from).param("to", to).query((RowCallbackHandler) rs -> add(m, "filed." + rs.getString(1), rs.getLong(2)));
        jdbc.sql("""
                        SELECT kind, count(*), COALESCE(sum(fine_yuan), 0) FROM penalty_case WHERE organization_id IN (:orgs)
                        AND decided_on BETWEEN :from AND :to AND stage <> 'NOT_PUNISHED' GROUP BY kind""")
                .param("orgs", orgs).param("from", from).param("to", to).query((RowCallbackHandler) rs -> decided(m, rs));
        jdbc.sql("""
                        SELECT kind, count(*) FROM doc_issued d WHERE organization_id IN (:orgs) AND issue_date BETWEEN :from AND :to
                        AND supersedes_id IS NULL AND NOT EXISTS (SELECT 1 FROM doc_void v WHERE v.document_id = d.id) GROUP BY kind""")
                .param("orgs", orgs).param("from", from).param("to", to).query((RowCallbackHandler) rs -> add(m, "documents." + rs.getString(1), rs.getLong(2)));
        return zeroless(m);
    }

    // ---- (c) DuckDB scanning the same base rows exported to Parquet

    private static final Map<String, String> EXPORTS = Map.of(
            "visits", """
                    SELECT r.id, r.organization_id, r.enterprise_id, r.status, r.kind, r.mode,
                           (r.started_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
                           (SELECT count(*) FROM inspection_record_member m WHERE m.inspection_record = r.id) AS officers
                    FROM inspection_record r""",
            "hazards", "SELECT id, organization_id, level, status, found_on FROM hazard",
            "cases", "SELECT id, organization_id, kind, stage, filed_on, decided_on, fine_yuan FROM penalty_case",
            "documents", """
                    SELECT d.id, d.organization_id, d.kind, d.issue_date, (d.supersedes_id IS NULL)::int AS first_issue,
                           (EXISTS (SELECT 1 FROM doc_void v WHERE v.document_id = d.id))::int AS voided
                    FROM doc_issued d""");

    /** Every row of the four base tables (all years, all units) through COPY to CSV, then to Parquet by DuckDB. */
    private long[] exportToParquet(Path dir) throws Exception {
        long[] rows = new long[4];
        List<String> names = List.of("visits", "hazards", "cases", "documents");
        try (Connection pg = dataSource.getConnection(); Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = duck.createStatement()) {
            var copy = pg.unwrap(PGConnection.class).getCopyAPI();
            for (int i = 0; i < names.size(); i++) {
                Path csv = dir.resolve(names.get(i) + ".csv");
                try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                    rows[i] = copy.copyOut("COPY (" + EXPORTS.get(names.get(i)) + ") TO STDOUT WITH (FORMAT csv, HEADER)", out);
                }
                String replace = names.get(i).equals("cases") ? " REPLACE (CAST(fine_yuan AS DECIMAL(14,2)) AS fine_yuan)" : "";
                s.execute("COPY (SELECT *" + replace + " FROM read_csv('" + csv.toAbsolutePath() + "', header = true)) TO '"
                        + parquet(dir, names.get(i)) + "' (FORMAT parquet)");
                Files.delete(csv);
            }
        }
        return rows;
    }

    private static String parquet(Path dir, String name) {
        return dir.resolve(name + ".parquet").toAbsolutePath().toString();
    }

    private static Map<String, String> duck(Connection duck, Path dir, int year, List<Long> orgs) throws Exception {
        Map<String, String> m = new TreeMap<>();
        String in = orgs.stream().map(String::valueOf).collect(Collectors.joining(","));
        String period = " BETWEEN DATE '" + year + "-01-01' AND DATE '" + year + "-12-31'";
        String visits = " FROM read_parquet('" + parquet(dir, "visits") + "') WHERE status = 'SUBMITTED' AND organization_id IN ("
                + in + ") AND day" + period;
        try (Statement s = duck.createStatement()) {
            long[] total = new long[2];
            try (ResultSet rs = s.executeQuery("SELECT kind, mode, count(*), sum(officers)" + visits + " GROUP BY kind, mode")) {
                while (rs.next()) {
                    add(m, "visits." + rs.getString(1), rs.getLong(3));
                    add(m, "mode." + rs.getString(2), rs.getLong(3));
                    total[0] += rs.getLong(3);
                    total[1] += rs.getLong(4);
                }
            }
            m.put("visits", String.valueOf(total[0]));
            m.put("officerVisits", String.valueOf(total[1]));
            try (ResultSet rs = s.executeQuery("SELECT kind, count(DISTINCT enterprise_id)" + visits + " GROUP BY kind")) {
                while (rs.next()) {
                    add(m, "firms." + rs.getString(1), rs.getLong(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(DISTINCT enterprise_id)" + visits)) {
                rs.next();
                m.put("firms", String.valueOf(rs.getLong(1)));
            }
            try (ResultSet rs = s.executeQuery("""
                    SELECT count(*), count(*) FILTER (WHERE level = 'MAJOR'), count(*) FILTER (WHERE status = 'CLOSED'),
                           count(*) FILTER (WHERE level = 'MAJOR' AND status = 'CLOSED')
                    FROM read_parquet('%s') WHERE organization_id IN (%s) AND status <> 'REPORTED' AND found_on %s"""
                    .formatted(parquet(dir, "hazards"), in, period))) {
                rs.next();
                hazards(m, rs);
            }
            String cases = " FROM read_parquet('" + parquet(dir, "cases") + "') WHERE organization_id IN (" + in + ")";
            try (ResultSet rs = s.executeQuery("SELECT kind, count(*)" + cases + " AND filed_on" + period + " GROUP BY kind")) {
                while (rs.next()) {
                    add(m, "filed." + rs.getString(1), rs.getLong(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT kind, count(*), COALESCE(sum(fine_yuan), 0)" + cases + " AND decided_on" + period
                    + " AND stage <> 'NOT_PUNISHED' GROUP BY kind")) {
                while (rs.next()) {
                    decided(m, rs);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT kind, count(*) FROM read_parquet('" + parquet(dir, "documents")
                    + "') WHERE organization_id IN (" + in + ") AND issue_date" + period
                    + " AND first_issue = 1 AND voided = 0 GROUP BY kind")) {
                while (rs.next()) {
                    add(m, "documents." + rs.getString(1), rs.getLong(2));
                }
            }
        }
        return zeroless(m);
    }

    // ---- helpers

    private static void hazards(Map<String, String> m, ResultSet rs) throws java.sql.SQLException {
        m.put("hazards", String.valueOf(rs.getLong(1)));
        m.put("hazards.major", String.valueOf(rs.getLong(2)));
        m.put("hazards.rectified", String.valueOf(rs.getLong(3)));
        m.put("hazards.majorRectified", String.valueOf(rs.getLong(4)));
    }

    private static void decided(Map<String, String> m, ResultSet rs) throws java.sql.SQLException {
        add(m, "decided." + rs.getString(1), rs.getLong(2));
        m.put("fines." + rs.getString(1), money(rs.getBigDecimal(3)));
    }

    private static void add(Map<String, String> m, String key, long n) {
        m.merge(key, String.valueOf(n), (a, b) -> String.valueOf(Long.parseLong(a) + Long.parseLong(b)));
    }

    private static String money(BigDecimal yuan) {
        return yuan.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Leaves out the zero entries (one way lists a kind with 0, another leaves the kind out). */
    private static Map<String, String> zeroless(Map<String, String> m) {
        m.values().removeIf(v -> v.equals("0") || v.equals("0.00"));
        return m;
    }

    private void actAs(String username) {
        UserView user = users.findByUsername(username).orElseThrow();
        Actor actor = new Actor() {
            public long userId() { return user.id(); }
            public String username() { return user.username(); }
            public String displayName() { return user.displayName(); }
            public long organizationId() { return user.organizationId(); }
            public Set<Role> roles() { return user.roles(); }
        };
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(actor, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }
}
