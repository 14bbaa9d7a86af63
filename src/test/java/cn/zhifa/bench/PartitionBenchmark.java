package cn.zhifa.bench;

import static cn.zhifa.bench.Timing.line;
import static cn.zhifa.bench.Timing.load;
import static cn.zhifa.bench.Timing.measure;

import cn.zhifa.OwnerDatabase;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.shared.crypto.FieldCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue 18 (past one database): PostgreSQL declarative partitioning of the two history tables that grow fastest, on
 * the province profile. {@code hazard}: builds, next to the real table, a plain copy and a copy partitioned by year (by
 * {@code found_on}), with the real columns and indexes (the partition key added to every primary key and unique index,
 * as a production migration would need). {@code audit_log}: the real table is partitioned by year since V1_80; it gets
 * five years of entries (their years' partitions created by {@code audit_log_add_year}, as the job does) and a plain,
 * unpartitioned copy with the same rows and the indexes the table had before V1_80. Runs the registers' queries on
 * both: the open hazards of a unit due this month, a year's statistics, the audit search by time range, the chain's
 * head. Prints {@code EXPLAIN (ANALYZE, BUFFERS)} with the partitions each plan touched, p50/p95 of each query and the
 * machine's load into target/benchmark/partitions.md. Everything after the profile runs in one owner transaction that
 * is rolled back, so the audit chain and the tables are as before. Not a test:
 * <pre>./mvnw -o test -Dtest=PartitionBenchmark -Dzhifa.bench=true -Dzhifa.bench.scale=0.05</pre>
 */
@ZhifaIntegrationTest
@Tag("benchmark")
@EnabledIfSystemProperty(named = "zhifa.bench", matches = "true")
class PartitionBenchmark {

    private static final Pattern PARTITION = Pattern.compile("\\bon ((?:bench_hazard_part|audit_log)_(?:\\d{4}|default))\\b");

    @Autowired
    DataSource dataSource;
    @Autowired
    FieldCipher cipher;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationContext context;

    private JdbcClient owner;
    private final StringBuilder report = new StringBuilder();

    @Test
    void hazard_and_audit_partitioned_by_year_on_the_province_profile() throws Exception {
        double scale = Double.parseDouble(System.getProperty("zhifa.bench.scale", "0.05"));
        int warmUp = Integer.getInteger("zhifa.bench.warmup", 5);
        int runs = Integer.getInteger("zhifa.bench.runs", 30);
        int auditPerHazard = Integer.getInteger("zhifa.bench.audit-per-hazard", 4);
        LocalDate today = LocalDate.now(clock);
        owner = JdbcClient.create(OwnerDatabase.of(context).dataSource());
        ProfileGenerator.Result result = new ProfileGenerator(dataSource, cipher, encoder.encode(Tokens.DEMO_PASSWORD), today, 2026)
                .generate(Profile.of("province", scale, today));
        line(report, "# Partitioning by year: hazard and audit_log (issue 18)");
        line(report, "");
        line(report, "Profile province at scale %s: %,d firms, %,d hazards generated in %.1f s; load average %s.", scale,
                result.rows().get("enterprise"), result.rows().get("hazard"), result.seconds(), load());
        JdbcClient committed = owner;
        try {
            OwnerDatabase.of(context).inRolledBackTransaction(tx -> {
                owner = tx;
                try {
                    long t0 = System.nanoTime();
                    buildHazardCopies();
                    long hazards = owner.sql("SELECT count(*) FROM bench_hazard_plain").query(Long.class).single();
                    loadAudit(hazards * auditPerHazard, today);
                    long audits = owner.sql("SELECT count(*) FROM bench_audit_plain").query(Long.class).single();
                    line(report, "Copies built and loaded in %.1f s: %,d hazard rows in each hazard copy; %,d audit rows in the real "
                            + "partitioned audit_log and in its plain copy.", (System.nanoTime() - t0) / 1e9, hazards, audits);
                    line(report, "");
                    describePartitions();
                    runQueries(result, today, warmUp, runs);
                    immutability();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            owner = committed;
            dropCopies();
        }
        Path out = Path.of("target", "benchmark", "partitions.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("\n===== partition benchmark =====\n" + report);
    }

    // ---- the copies

    private void buildHazardCopies() {
        dropCopies();
        owner.sql("CREATE TABLE bench_hazard_plain (LIKE hazard INCLUDING ALL)").update();
        owner.sql("CREATE TABLE bench_hazard_part (LIKE hazard INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED) "
                + "PARTITION BY RANGE (found_on)").update();
        // a primary key or unique index of a partitioned table must contain the partition key
        owner.sql("ALTER TABLE bench_hazard_part ADD PRIMARY KEY (id, found_on)").update();
        copyIndexes("hazard", "bench_hazard_part", "found_on");
        int[] years = owner.sql("SELECT EXTRACT(YEAR FROM min(found_on))::int, EXTRACT(YEAR FROM max(found_on))::int FROM hazard")
                .query((rs, n) -> new int[]{rs.getInt(1), rs.getInt(2)}).single();
        yearPartitions("bench_hazard_part", years[0], years[1] + 1, false);
        owner.sql("INSERT INTO bench_hazard_plain SELECT * FROM hazard").update();
        owner.sql("INSERT INTO bench_hazard_part SELECT * FROM bench_hazard_plain").update();
        owner.sql("ANALYZE bench_hazard_plain").update();
        owner.sql("ANALYZE bench_hazard_part").update();
    }

    /**
     * Five years of entries in the real, partitioned audit_log (ids ascending with time as the chain writes them, below
     * the real rows' ids), then the same rows in a plain copy with the table's pre-V1_80 keys: PRIMARY KEY (id) and
     * the indexes on occurred_at and actor.
     */
    private void loadAudit(long rows, LocalDate today) {
        int first = today.getYear() - 4;
        for (int year = first; year <= today.getYear() + 1; year++) {
            owner.sql("SELECT * FROM audit_log_add_year(?)").param(year).query().listOfRows();
        }
        owner.sql("""
                INSERT INTO audit_log (id, occurred_at, actor, actor_id, organization_id, action, target_type, target_id,
                                       outcome, detail, client_address, previous_hash, hash, scheme)
                SELECT i - :rows - 1, make_timestamptz(:first, 1, 1, 0, 0, 0, 'Asia/Shanghai')
                          + (i - 1) * ((make_timestamptz(:last, 1, 1, 0, 0, 0, 'Asia/Shanghai') - interval '1 day')
                                       - make_timestamptz(:first, 1, 1, 0, 0, 0, 'Asia/Shanghai')) / :rows,
                       'g' || (i % 5000) || 'o', i % 5000, i % 150,
                       (ARRAY['提交检查记录', '登记隐患', '复查隐患', '案件流转', '签发文书', '查看证据', '登录'])[(1 + i % 7)::int],
                       (ARRAY['inspection_record', 'hazard', 'hazard', 'penalty_case', 'doc_issued', 'evidence_file', NULL])[(1 + i % 7)::int],
                       i::text, CASE WHEN i % 50 = 0 THEN 'DENIED' ELSE 'SUCCESS' END, '基准', '10.0.0.' || (i % 250),
                       rpad(md5((i - 1)::text), 64, '0'), rpad(md5(i::text), 64, '0'), 'HMAC-SM3'
                  FROM generate_series(1, :rows) AS i""")
                .param("first", first).param("last", today.getYear() + 1).param("rows", rows).update();
        owner.sql("CREATE TABLE bench_audit_plain (LIKE audit_log INCLUDING DEFAULTS INCLUDING CONSTRAINTS)").update();
        owner.sql("ALTER TABLE bench_audit_plain ADD PRIMARY KEY (id)").update();
        owner.sql("CREATE INDEX bench_audit_plain_occurred_idx ON bench_audit_plain (occurred_at)").update();
        owner.sql("CREATE INDEX bench_audit_plain_actor_idx ON bench_audit_plain (actor)").update();
        owner.sql("INSERT INTO bench_audit_plain SELECT * FROM audit_log ORDER BY id").update();
        owner.sql("ANALYZE audit_log").update();
        owner.sql("ANALYZE bench_audit_plain").update();
    }

    /** The real table's secondary indexes on the copy; a unique one gains the partition key (PostgreSQL requires it). */
    private void copyIndexes(String table, String copy, String key) {
        List<String> definitions = owner.sql("""
                SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
                 WHERE i.indrelid = CAST(:t AS regclass) AND NOT i.indisprimary ORDER BY i.indexrelid""")
                .param("t", table).query(String.class).list();
        for (String definition : definitions) {
            String sql = definition.replaceFirst("INDEX (\\w+) ON public\\." + table + " ", "INDEX bp_$1 ON public." + copy + " ");
            if (sql.startsWith("CREATE UNIQUE") && !sql.contains(key)) {
                int open = sql.indexOf("USING btree (") + "USING btree (".length();
                int depth = 1;
                int close = open;
                while (depth > 0) {
                    char c = sql.charAt(close++);
                    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                }
                sql = sql.substring(0, close - 1) + ", " + key + sql.substring(close - 1);
                line(report, "- unique index of %s gains the partition key: `%s`", table, sql);
            }
            owner.sql(sql).update();
        }
    }

    private void yearPartitions(String table, int firstYear, int lastYear, boolean timestamps) {
        for (int year = firstYear; year <= lastYear; year++) {
            String from = timestamps ? "'" + year + "-01-01 00:00:00+08'" : "'" + year + "-01-01'";
            String to = timestamps ? "'" + (year + 1) + "-01-01 00:00:00+08'" : "'" + (year + 1) + "-01-01'";
            owner.sql("CREATE TABLE " + table + "_" + year + " PARTITION OF " + table + " FOR VALUES FROM (" + from + ") TO (" + to + ")")
                    .update();
        }
        owner.sql("CREATE TABLE " + table + "_default PARTITION OF " + table + " DEFAULT").update();
    }

    private void describePartitions() {
        line(report, "");
        line(report, "| partition | rows | size |");
        line(report, "|---|---|---|");
        owner.sql("""
                SELECT c.relname, c.reltuples::bigint, pg_size_pretty(pg_total_relation_size(c.oid))
                  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                 WHERE i.inhparent IN ('bench_hazard_part'::regclass, 'audit_log'::regclass) ORDER BY c.relname""")
                .query((rs, n) -> {
                    line(report, "| %s | %,d | %s |", rs.getString(1), Math.max(0, rs.getLong(2)), rs.getString(3));
                    return null;
                }).list();
        line(report, "");
        line(report, "Whole tables: plain hazard %s, partitioned hazard %s; plain audit copy %s, audit_log (partitioned) %s.",
                size("bench_hazard_plain"), partitionedSize("bench_hazard_part"), size("bench_audit_plain"),
                partitionedSize("audit_log"));
    }

    private String size(String table) {
        return owner.sql("SELECT pg_size_pretty(pg_total_relation_size(CAST(:t AS regclass)))").param("t", table).query(String.class).single();
    }

    private String partitionedSize(String table) {
        return owner.sql("SELECT pg_size_pretty(sum(pg_total_relation_size(i.inhrelid))) FROM pg_inherits i WHERE i.inhparent = CAST(:t AS regclass)")
                .param("t", table).query(String.class).single();
    }

    // ---- the registers' queries on both copies

    private void runQueries(ProfileGenerator.Result result, LocalDate today, int warmUp, int runs) throws Exception {
        long unit = owner.sql("""
                SELECT organization_id FROM hazard WHERE organization_id IN (:units) AND status <> 'CLOSED'
                 GROUP BY organization_id ORDER BY count(*) DESC, organization_id LIMIT 1""")
                .param("units", result.unitIds()).query(Long.class).single();
        String units = result.unitIds().stream().map(String::valueOf).collect(Collectors.joining(", "));
        LocalDate monthStart = today.withDayOfMonth(1);
        LocalDate monthEnd = monthStart.plusMonths(1).minusDays(1);
        int lastYear = today.getYear() - 1;
        Map<String, String> queries = new LinkedHashMap<>();
        // HazardRegister.search, filter open (the default), one unit, due this month, first page in the register's order
        queries.put("open hazards of a unit due this month (register, any year found)",
                "SELECT id, enterprise_name, level, status, deadline, found_on FROM %s WHERE organization_id IN (" + unit + ")"
                        + " AND status <> 'CLOSED' AND deadline BETWEEN '" + monthStart + "' AND '" + monthEnd + "'"
                        + " ORDER BY (status = 'CLOSED'), deadline, id DESC LIMIT 20");
        queries.put("open hazards of a unit due this month, found this year or last",
                "SELECT id, enterprise_name, level, status, deadline, found_on FROM %s WHERE organization_id IN (" + unit + ")"
                        + " AND status <> 'CLOSED' AND deadline BETWEEN '" + monthStart + "' AND '" + monthEnd + "'"
                        + " AND found_on >= '" + LocalDate.of(lastYear, 1, 1) + "'"
                        + " ORDER BY (status = 'CLOSED'), deadline, id DESC LIMIT 20");
        // HazardManagement.monthly figures: a year of the province by month, found_on in the WHERE
        queries.put("a year's statistics by month (province, " + lastYear + ")",
                "SELECT EXTRACT(MONTH FROM found_on)::int, count(*) FROM %s WHERE organization_id IN (" + units + ")"
                        + " AND found_on BETWEEN '" + lastYear + "-01-01' AND '" + lastYear + "-12-31' AND status <> 'REPORTED' GROUP BY 1");
        // HazardManagement.periodFiguresPerUnit: the period only inside FILTER, no found_on in the WHERE
        queries.put("a year's figures per unit as periodFiguresPerUnit writes it (period in FILTER only)",
                "SELECT organization_id, count(*) FILTER (WHERE found_on BETWEEN '" + lastYear + "-01-01' AND '" + lastYear + "-12-31'"
                        + " AND status <> 'REPORTED'), count(*) FILTER (WHERE found_on BETWEEN '" + lastYear + "-01-01' AND '"
                        + lastYear + "-12-31' AND status <> 'REPORTED' AND level = 'MAJOR') FROM %s WHERE organization_id IN (" + units
                        + ") GROUP BY organization_id");
        // AuditLog.search: a month of last year, newest first, first page; and its count
        String from = lastYear + "-06-01 00:00:00+08";
        String to = lastYear + "-07-01 00:00:00+08";
        queries.put("audit search, one month (page)", "SELECT * FROM %s WHERE occurred_at >= '" + from + "' AND occurred_at < '" + to
                + "' ORDER BY id DESC LIMIT 20 OFFSET 0");
        queries.put("audit search, one month (count)", "SELECT count(*) FROM %s WHERE occurred_at >= '" + from
                + "' AND occurred_at < '" + to + "'");
        queries.put("audit search, one actor, one month (page)", "SELECT * FROM %s WHERE actor = 'g42o' AND occurred_at >= '" + from
                + "' AND occurred_at < '" + to + "' ORDER BY id DESC LIMIT 20 OFFSET 0");
        // AuditLog.head: the newest row, before every append (no time range: every partition's newest by its index)
        queries.put("audit chain head (newest row by id)", "SELECT id, hash FROM %s ORDER BY id DESC LIMIT 1");

        line(report, "");
        line(report, "## Timings (same rows, same indexes; %d warm-up runs, %d measured)", warmUp, runs);
        line(report, "");
        line(report, "| query | plain p50 ms | plain p95 ms | partitioned p50 ms | partitioned p95 ms | partitions scanned | load average (1/5/15 min) |");
        line(report, "|---|---|---|---|---|---|---|");
        Map<String, List<String>> plans = new LinkedHashMap<>();
        for (Map.Entry<String, String> query : queries.entrySet()) {
            boolean audit = query.getKey().startsWith("audit");
            String plain = query.getValue().formatted(audit ? "bench_audit_plain" : "bench_hazard_plain");
            String partitioned = query.getValue().formatted(audit ? "audit_log" : "bench_hazard_part");
            double[] a = measure(warmUp, runs, () -> owner.sql(plain).query().listOfRows());
            double[] b = measure(warmUp, runs, () -> owner.sql(partitioned).query().listOfRows());
            List<String> planPlain = explain(plain);
            List<String> planPartitioned = explain(partitioned);
            TreeSet<String> scanned = scanned(planPartitioned);
            int partitions = owner.sql("SELECT count(*) FROM pg_inherits WHERE inhparent = CAST(:t AS regclass)")
                    .param("t", audit ? "audit_log" : "bench_hazard_part").query(Integer.class).single();
            line(report, "| %s | %.2f | %.2f | %.2f | %.2f | %d of %d | %s |", query.getKey(), a[0], a[1], b[0], b[1], scanned.size(),
                    partitions, load());
            plans.put(query.getKey() + " — plain", planPlain);
            plans.put(query.getKey() + " — partitioned (scans " + String.join(", ", scanned) + ")", planPartitioned);
        }
        line(report, "");
        line(report, "## Plans: EXPLAIN (ANALYZE, BUFFERS)");
        for (Map.Entry<String, List<String>> plan : plans.entrySet()) {
            line(report, "");
            line(report, "### " + plan.getKey());
            line(report, "");
            line(report, "```");
            plan.getValue().forEach(l -> line(report, l));
            line(report, "```");
        }
    }

    private List<String> explain(String sql) {
        return owner.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql).query(String.class).list();
    }

    /** The partitions a plan read (a pruned partition does not appear; "never executed" ones are listed apart). */
    private static TreeSet<String> scanned(List<String> plan) {
        TreeSet<String> partitions = new TreeSet<>();
        for (String line : plan) {
            Matcher m = PARTITION.matcher(line);
            if (m.find() && !line.contains("never executed")) {
                partitions.add(m.group(1));
            }
        }
        return partitions;
    }

    // ---- immutability of the real partitioned audit_log

    private void immutability() {
        List<String> clones = owner.sql("""
                SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                 WHERE t.tgname = 'audit_log_no_update_or_delete' AND c.relname <> 'audit_log' ORDER BY 1""")
                .query(String.class).list();
        String throughParent = refused("UPDATE audit_log SET detail = '改' WHERE id = (SELECT min(id) FROM audit_log)");
        String onPartition = refused("DELETE FROM " + clones.get(0) + " WHERE id = (SELECT min(id) FROM " + clones.get(0) + ")");
        line(report, "");
        line(report, "## Immutability trigger on the partitioned audit_log");
        line(report, "");
        line(report, "The row trigger of audit_log is cloned onto its %d partitions (%s); an UPDATE through the parent was %s; "
                + "a DELETE on %s was %s.", clones.size(), String.join(", ", clones), throughParent, clones.get(0), onPartition);
        List<String> referencing = owner.sql("""
                SELECT conrelid::regclass::text FROM pg_constraint WHERE contype = 'f' AND confrelid = 'hazard'::regclass ORDER BY 1""")
                .query(String.class).list();
        line(report, "");
        line(report, "Foreign keys referencing hazard(id) today (a partitioned hazard has no unique index on id alone, so each needs "
                + "the partition key as a column and a two-column key, or the key dropped in favour of the trigger/application check): %s.",
                referencing.isEmpty() ? "none" : String.join(", ", referencing));
        List<String> outgoing = owner.sql("""
                SELECT conname || ' → ' || confrelid::regclass::text FROM pg_constraint WHERE contype = 'f' AND conrelid = 'hazard'::regclass ORDER BY 1""")
                .query(String.class).list();
        line(report, "Foreign keys from hazard (kept as they are on a partitioned table): %s.", outgoing.isEmpty() ? "none" : String.join(", ", outgoing));
    }

    /** Runs a statement that must be refused, inside a savepoint of the benchmark's transaction; what PostgreSQL said. */
    private String refused(String sql) {
        owner.sql("SAVEPOINT attempt").update();
        try {
            owner.sql(sql).update();
            return "NOT refused";
        } catch (RuntimeException e) {
            return "refused: " + org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).getMessage().lines().findFirst().orElse("");
        } finally {
            owner.sql("ROLLBACK TO SAVEPOINT attempt").update();
        }
    }

    private void dropCopies() {
        for (String table : new ArrayList<>(List.of("bench_hazard_plain", "bench_hazard_part", "bench_audit_plain"))) {
            owner.sql("DROP TABLE IF EXISTS " + table + " CASCADE").update();
        }
    }
}
