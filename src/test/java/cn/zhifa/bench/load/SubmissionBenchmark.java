package cn.zhifa.bench.load;

import cn.zhifa.EventPublications;
import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.bench.JdbcLog;
import cn.zhifa.inspection.InspectionFixtures;
import cn.zhifa.inspection.internal.DocumentsDeferral;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.organization.UserManagement;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import cn.zhifa.inspection.RecordSubmission;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Benchmark (not part of the normal build): inspection records submitted through the API ({@code POST
 * /api/v1/inspection/records}, real HTTP on the test server) by N concurrent terminals with the bearer tokens of two
 * officers, each record with 5 failed items (→ 5 hazards; the 现场检查记录 and the 责令限期整改指令书 issued as PDF and
 * DOCX after the answer, by the module listener, whose drain rate is reported apart), against raw PostgreSQL inserts of the same rows by JDBC batch on the same number of connections (the record,
 * its members, 8 item results, 3 signatures, 5 hazards and the 2 document rows, whose bytes are in the object store). Reports the
 * throughput at each concurrency, then p50/p95/p99 at half the API's peak throughput (requests paced, not back to back).
 * <pre>./mvnw -o test -Dtest=SubmissionBenchmark -Dzhifa.bench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Optional: -Dzhifa.bench.terminals=1,2,4,8 -Dzhifa.bench.submissions=40 (per concurrency level).
 * Results: stdout and target/benchmark/inspection-submission.txt.
 */
@Tag("benchmark")
@ZhifaIntegrationTest
@Import(SubmissionBenchmark.ThinSubmission.class)
@EnabledIfSystemProperty(named = "zhifa.bench", matches = "true")
class SubmissionBenchmark {

    static final String FAILED = """
            {"code":"AQ-22","result":"FAILS","note":"压测隐患一","location":"一车间","rectifyBy":"%1$s"},
            {"code":"AQ-28","result":"FAILS","note":"压测隐患二","location":"二车间","rectifyBy":"%1$s"},
            {"code":"AQ-41","result":"FAILS","note":"压测隐患三","location":"办公楼","rectifyBy":"%1$s"},
            {"code":"AQ-45","result":"FAILS","note":"压测隐患四","location":"仓库","rectifyBy":"%1$s"},
            {"code":"AQ-81","result":"FAILS","note":"压测隐患五","location":"配电室","rectifyBy":"%1$s"},
            {"code":"GM-3-1","result":"CONFORMS"},{"code":"GM-3-2","result":"CONFORMS"},{"code":"GM-3-3","result":"NOT_APPLICABLE"}""";

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    UserManagement users;
    @Autowired
    LegalCalendar calendar;
    @Autowired
    TestClock clock;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    ThinSubmission thin;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void submissions_through_the_api_against_raw_inserts_of_the_same_rows() throws Exception {
        int[] terminals = java.util.Arrays.stream(System.getProperty("zhifa.bench.terminals", "1,2,4,8").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int perLevel = Integer.getInteger("zhifa.bench.submissions", 40);
        long a = users.findByUsername("officer1").orElseThrow().id();
        long b = users.findByUsername("officer2").orElseThrow().id();
        String[] tokens = {Tokens.bearer(mvc, "officer1"), Tokens.bearer(mvc, "officer2")};
        LocalDate deadline = calendar.addWorkingDays(LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))), 10).due();
        String items = FAILED.formatted(deadline);
        String signature = InspectionFixtures.signature();

        String created = mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", tokens[0])
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.taskJson(a, b, InspectionFixtures.enterprise(jdbc, 3).id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long template = ((Number) JsonPath.read(created, "$.id")).longValue();

        StringBuilder report = new StringBuilder("""
                Inspection submission: record with 5 failed items -> 5 hazards, 现场检查记录 + 责令限期整改指令书 (PDF + DOCX, issued after
                the answer by the module listener: "documents" = records/s it drained, first publication to last completion);
                API over HTTP with 2 officers' bearer tokens vs raw JDBC batch inserts of the same rows (with the 2 document rows);
                "documents after": the same submissions with the documents' listener held until the level ends (as when another
                node issues them), then issued before the next level;
                "thin API": the least any API storing the same rows pays (same request body over HTTP, bearer token, action
                check, JSON and its validation, the signatures' Base64, then exactly the raw inserts in one transaction);
                %s; %d per level, 5 warm-up.
                """.formatted(Figures.machine(), perLevel));
        // warm-up (JIT, templates, fonts) outside the figures
        run(clones(template, 5), 1, tokens, a, b, items, signature, 0);
        awaitDocuments();
        thin.sample = sample();
        run(THIN, clones(template, 5), 1, tokens, a, b, items, signature, 0);

        double peak = 0;
        double peakAfter = 0;
        int peakTerminals = 1;
        int peakTerminalsAfter = 1;
        for (int n : terminals) {
            Instant since = Instant.now();
            Result api = run(clones(template, perLevel), n, tokens, a, b, items, signature, 0);
            String load = Figures.load();
            double drained = drained(since);
            DocumentsDeferral.defer(context);
            Result after;
            String loadAfter;
            try {
                after = run(clones(template, perLevel), n, tokens, a, b, items, signature, 0);
                loadAfter = Figures.load();
            } finally {
                DocumentsDeferral.release(context);
            }
            awaitDocuments();
            Result raw = raw(template, perLevel, n, a, b, deadline);
            Result thinApi = run(THIN, clones(template, perLevel), n, tokens, a, b, items, signature, 0);
            String loadThin = Figures.load();
            report.append("  %2d terminals  API %6.1f records/s (p50 %4d p99 %5d ms)   raw inserts %7.1f records/s   API/raw %5.1f %%  %s   documents %5.1f records/s%n"
                    .formatted(n, api.throughput, api.p(50), api.p(99), raw.throughput, 100 * api.throughput / raw.throughput,
                            load, drained));
            report.append("                documents after: API %6.1f records/s (p50 %4d p99 %5d ms)   API/raw %5.1f %%  %s%n"
                    .formatted(after.throughput, after.p(50), after.p(99), 100 * after.throughput / raw.throughput, loadAfter));
            report.append("                thin API %6.1f records/s (p50 %4d p99 %5d ms)   thin/raw %5.1f %%   API after/thin %5.1f %%  %s%n"
                    .formatted(thinApi.throughput, thinApi.p(50), thinApi.p(99), 100 * thinApi.throughput / raw.throughput,
                            100 * after.throughput / thinApi.throughput, loadThin));
            if (api.throughput > peak) {
                peak = api.throughput;
                peakTerminals = n;
            }
            if (after.throughput > peakAfter) {
                peakAfter = after.throughput;
                peakTerminalsAfter = n;
            }
        }
        double half = peak / 2;
        Instant since = Instant.now();
        Result paced = run(clones(template, perLevel * 2), Math.max(2, peakTerminals), tokens, a, b, items, signature,
                (long) (1_000_000_000L / half));
        String load = Figures.load();
        double drained = drained(since);
        report.append("  at half the peak (%.1f records/s, paced, %d terminals): p50 %d ms  p95 %d ms  p99 %d ms  (%.1f records/s)  %s   documents %5.1f records/s%n"
                .formatted(half, Math.max(2, peakTerminals), paced.p(50), paced.p(95), paced.p(99), paced.throughput, load, drained));
        double halfAfter = peakAfter / 2;
        DocumentsDeferral.defer(context);
        try {
            paced = run(clones(template, perLevel * 2), Math.max(2, peakTerminalsAfter), tokens, a, b, items, signature,
                    (long) (1_000_000_000L / halfAfter));
            load = Figures.load();
        } finally {
            DocumentsDeferral.release(context);
        }
        awaitDocuments();
        report.append("  documents after, at half that peak (%.1f records/s, paced, %d terminals): p50 %d ms  p95 %d ms  p99 %d ms  (%.1f records/s)  %s%n"
                .formatted(halfAfter, Math.max(2, peakTerminalsAfter), paced.p(50), paced.p(95), paced.p(99), paced.throughput, load));
        Figures.write("inspection-submission.txt", report.toString());
    }

    /**
     * One submission after the warm-up, statement by statement: every JDBC statement and transaction step Spring logs at
     * DEBUG (JdbcTemplate, the transaction manager), with its thread and the milliseconds since the request was sent,
     * grouped into phases by the table it touches. The request thread's statements are what the terminal waits for; the
     * listeners' are what the submission costs besides. Run alone:
     * <pre>./mvnw -o test -Dtest='SubmissionBenchmark#one_submission_statement_by_statement' -Dzhifa.bench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
     */
    @Test
    void one_submission_statement_by_statement() throws Exception {
        long a = users.findByUsername("officer1").orElseThrow().id();
        long b = users.findByUsername("officer2").orElseThrow().id();
        String[] tokens = {Tokens.bearer(mvc, "officer1"), Tokens.bearer(mvc, "officer2")};
        LocalDate deadline = calendar.addWorkingDays(LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))), 10).due();
        String items = FAILED.formatted(deadline);
        String signature = InspectionFixtures.signature();
        String created = mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", tokens[0])
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.taskJson(a, b, InspectionFixtures.enterprise(jdbc, 3).id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long template = ((Number) JsonPath.read(created, "$.id")).longValue();
        run(clones(template, 10), 1, tokens, a, b, items, signature, 0);
        awaitDocuments();

        StringBuilder report = new StringBuilder("One submission, statement by statement (" + Figures.load() + ")\n");
        for (int round = 0; round < 3; round++) {
            Instant sent = Instant.now();
            Result one;
            List<ch.qos.logback.classic.spi.ILoggingEvent> seen;
            try (JdbcLog log = JdbcLog.capture(JdbcLog.JDBC)) {
                one = run(clones(template, 1), 1, tokens, a, b, items, signature, 0);
                awaitDocuments();
                EventPublications.awaitCompleted(jdbc, "HazardFound");
                EventPublications.awaitCompleted(jdbc, "HazardsFound");
                EventPublications.awaitCompleted(jdbc, "InspectionRecorded");
                EventPublications.awaitCompleted(jdbc, "VisitCompleted");
                EventPublications.awaitCompleted(jdbc, "EnforcementVisitRecorded");
                EventPublications.awaitCompleted(jdbc, "DocumentIssued");
                seen = log.events();
            }
            report.append("round ").append(round + 1).append(": answered in ").append(one.p(50)).append(" ms\n");
            report.append(Statements.of(seen, sent).describe(round == 2));
        }
        Figures.write("inspection-submission-statements.txt", report.toString());
    }

    /**
     * Waits until the listener has issued the documents of every record submitted since {@code since}, and returns the
     * records it drained per second, from the first publication to the last completion.
     */
    private double drained(Instant since) {
        awaitDocuments();
        return jdbc.sql("""
                        SELECT count(*) / greatest(extract(epoch FROM max(completion_date) - min(publication_date)), 0.001)
                        FROM event_publication WHERE event_type LIKE '%.RecordDocumentsDue' AND publication_date >= :since""")
                .param("since", Timestamp.from(since)).query(Double.class).single();
    }

    /**
     * The documents of every record submitted so far issued: as {@link EventPublications#awaitRecordDocuments} but
     * waiting up to 20 minutes, since on a busy machine 40 records' documents take longer than its minute.
     */
    private void awaitDocuments() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(20)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> jdbc.sql("""
                                SELECT count(*) FROM event_publication WHERE completion_date IS NULL
                                AND event_type LIKE '%.RecordDocumentsDue' AND (status IS NULL OR status <> 'FAILED')""")
                        .query(Long.class).single() == 0);
    }

    record Result(double throughput, long[] sortedMs) {
        long p(int percentile) {
            return Figures.p(sortedMs, percentile);
        }
    }

    private static final String SUBMIT = "/api/v1/inspection/records";
    private static final String THIN = "/api/v1/bench/thin-submission";

    private Result run(List<Long> tasks, int terminals, String[] tokens, long a, long b, String items, String signature,
                       long pacingNanos) throws Exception {
        return run(SUBMIT, tasks, terminals, tokens, a, b, items, signature, pacingNanos);
    }

    /** Submits one record per task from {@code terminals} threads; {@code pacingNanos > 0} spaces the starts evenly. */
    private Result run(String path, List<Long> tasks, int terminals, String[] tokens, long a, long b, String items,
                       String signature, long pacingNanos) throws Exception {
        ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>(tasks);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong slot = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(terminals);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < terminals; t++) {
            String token = tokens[t % tokens.length];
            done.add(pool.submit(() -> {
                for (Long task = queue.poll(); task != null; task = queue.poll()) {
                    if (pacingNanos > 0) {
                        long due = start + slot.getAndIncrement() * pacingNanos;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    }
                    String body = """
                            {"taskId":%d,"place":"厂区","latitude":39.1,"longitude":117.2,"representativeName":"张经理",
                             "findings":"压测：检查了安全管理资料和生产现场。","items":[%s],
                             "officerSignatures":[{"userId":%d,"png":"%s"},{"userId":%d,"png":"%s"}],
                             "representative":{"name":"张经理","png":"%s","refused":false},"confirmNonWorkingDeadline":true}
                            """.formatted(task, items, a, signature, b, signature, signature);
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", token).header("Idempotency-Key", UUID.randomUUID().toString())
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long sent = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies.add((System.nanoTime() - sent) / 1_000_000);
                    if (response.statusCode() != 201) {
                        throw new AssertionError("submission refused: " + response.statusCode() + " " + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] ms = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        assertThat(ms).hasSize(tasks.size());
        return new Result(tasks.size() / seconds, ms);
    }

    /** {@code count} copies of the template task (same firm, team and checklist), ready to be inspected. */
    private List<Long> clones(long template, int count) {
        List<Long> ids = jdbc.sql("""
                        INSERT INTO inspection_task (organization_id, source, source_ref, enterprise_id, enterprise_name, kind, mode,
                          due_month, template_id, notice_required, status, created_by, created_at, demo, version, planned_month)
                        SELECT organization_id, source, source_ref, enterprise_id, enterprise_name, kind, mode, due_month, template_id,
                          notice_required, status, created_by, created_at, demo, 1, planned_month
                        FROM inspection_task, generate_series(1, :n) WHERE id = :id RETURNING id""")
                .param("n", count).param("id", template).query(Long.class).list();
        jdbc.sql("""
                        INSERT INTO inspection_task_member (inspection_task, position, user_id, organization_id)
                        SELECT t.id, m.position, m.user_id, t.organization_id FROM inspection_task t, inspection_task_member m
                        WHERE t.id IN (:ids) AND m.inspection_task = :id""")
                .param("ids", ids).param("id", template).update();
        return ids;
    }

    /** The same rows as a submission writes, by JDBC batches, one transaction per record, on {@code terminals} connections. */
    private Result raw(long template, int count, int terminals, long a, long b, LocalDate deadline) throws Exception {
        List<Long> tasks = clones(template, count);
        Sample sample = sample();
        byte[] png = Base64.getDecoder().decode(InspectionFixtures.signature().substring("data:image/png;base64,".length()));
        ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>(tasks);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(terminals);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < terminals; t++) {
            done.add(pool.submit(() -> {
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    for (Long task = queue.poll(); task != null; task = queue.poll()) {
                        long began = System.nanoTime();
                        insertSubmission(c, task, sample, png, a, b, deadline);
                        c.commit();
                        latencies.add((System.nanoTime() - began) / 1_000_000);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(count / seconds, latencies.stream().mapToLong(Long::longValue).sorted().toArray());
    }

    /**
     * One submitted record and one issued document of the API runs, whose columns the raw inserts copy (the document's
     * bytes are in the object store, the row keeps their keys, V8_41).
     */
    record Sample(long recordId, long documentId) {
    }

    private Sample sample() {
        long record = jdbc.sql("SELECT max(id) FROM inspection_record WHERE findings LIKE '压测%'").query(Long.class).single();
        return jdbc.sql("SELECT id FROM doc_issued WHERE source_id = :r ORDER BY id DESC LIMIT 1")
                .param("r", String.valueOf(record))
                .query((rs, n) -> new Sample(record, rs.getLong(1))).single();
    }

    /** Inserts the rows of one submission (not committed) and returns the record's id. */
    static long insertSubmission(Connection c, long task, Sample s, byte[] png, long a, long b, LocalDate deadline)
            throws Exception {
        long record;
        long organization;
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO inspection_record (task_id, organization_id, enterprise_id, enterprise_name, kind, mode, template_id,
                  place, started_at, ended_at, latitude, longitude, representative_name, findings, deadline_confirmed, status,
                  record_version, created_by, submitted_by, submitted_at, demo, version)
                SELECT ?, organization_id, enterprise_id, enterprise_name, kind, mode, template_id, place, ?, ?, latitude, longitude,
                  representative_name, findings, TRUE, 'SUBMITTED', 1, created_by, submitted_by, ?, FALSE, 1
                FROM inspection_record WHERE id = ? RETURNING id, organization_id""")) {
            Timestamp now = Timestamp.from(Instant.now());
            p.setLong(1, task);
            p.setTimestamp(2, now);
            p.setTimestamp(3, now);
            p.setTimestamp(4, now);
            p.setLong(5, s.recordId());
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                record = rs.getLong(1);
                organization = rs.getLong(2);
            }
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO inspection_record_member (inspection_record, position, user_id, display_name, organization_id)"
                        + " VALUES (?, ?, ?, '压测', ?)")) {
            for (int i = 0; i < 2; i++) {
                p.setLong(1, record);
                p.setInt(2, i);
                p.setLong(3, i == 0 ? a : b);
                p.setLong(4, organization);
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO inspection_item_result (inspection_record, position, code, content, legal_basis, major, result, note,
                  location, rectify_by, organization_id) VALUES (?, ?, ?, '压测检查内容', '压测依据', FALSE, ?, ?, '车间', ?, ?)""")) {
            for (int i = 0; i < 8; i++) {
                p.setLong(1, record);
                p.setInt(2, i);
                p.setString(3, "BENCH-" + i);
                p.setString(4, i < 5 ? "FAILS" : "CONFORMS");
                p.setString(5, i < 5 ? "压测隐患" : null);
                p.setObject(6, i < 5 ? deadline : null);
                p.setLong(7, organization);
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO inspection_signature (inspection_record, position, signer_role, user_id, signer_name, png, sha256,
                  refused, signed_at, organization_id) VALUES (?, ?, ?, ?, '压测', ?, ?, FALSE, now(), ?)""")) {
            for (int i = 0; i < 3; i++) {
                p.setLong(1, record);
                p.setInt(2, i);
                p.setString(3, i < 2 ? "OFFICER" : "REPRESENTATIVE");
                p.setObject(4, i == 2 ? null : Long.valueOf(i == 0 ? a : b));
                p.setBytes(5, png);
                p.setString(6, "0".repeat(64));
                p.setLong(7, organization);
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO hazard (organization_id, enterprise_id, enterprise_name, record_id, origin_record_id, item_code, source,
                  level, description, legal_basis, status, measure, deadline, found_by, found_on, registered_at, version)
                SELECT organization_id, enterprise_id, enterprise_name, ?, ?, ?, 'INSPECTION', 'GENERAL', '压测隐患', '压测依据',
                  'RECTIFYING', 'ORDER', ?, ?, current_date, now(), 1 FROM inspection_record WHERE id = ?""")) {
            for (int i = 0; i < 5; i++) {
                p.setLong(1, record);
                p.setLong(2, record);
                p.setString(3, "BENCH-" + i);
                p.setObject(4, deadline);
                p.setLong(5, a);
                p.setLong(6, record);
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO doc_issued (organization_id, authority_org_id, authority_name, kind, title, number_text, short_name,
                  prefix, number_year, serial, source_type, source_id, party_name, issue_date, issued_at, issued_by,
                  verification_code, pdf, pdf_key, pdf_sha256, docx, docx_key, docx_sha256, pages, content_json, version,
                  idempotency_key)
                SELECT organization_id, authority_org_id, authority_name, kind, title, number_text, short_name, prefix, number_year,
                  NULL, source_type, ?, party_name, issue_date, now(), issued_by, ?, pdf, pdf_key, pdf_sha256, docx, docx_key,
                  docx_sha256, pages, content_json, 1, ? FROM doc_issued WHERE id = ?""")) {
            for (int i = 0; i < 2; i++) {
                p.setString(1, String.valueOf(record));
                p.setString(2, UUID.randomUUID().toString().replace("-", "").substring(0, 16));
                p.setString(3, UUID.randomUUID().toString());
                p.setLong(4, s.documentId());
                p.addBatch();
            }
            p.executeBatch();
        }
        return record;
    }

    /**
     * The thin API: what any endpoint storing a submission's rows pays at least, measured beside the real one — the
     * same request over HTTP, the bearer token and action check, the body parsed and validated as {@link RecordSubmission},
     * the signatures' Base64 decoded, then exactly {@link #insertSubmission} in one transaction. No idempotency row,
     * rules, audit, events, read models or documents: the cost of the stack alone, the floor under the goal.
     */
    @RestController
    static class ThinSubmission {

        private final DataSource dataSource;
        volatile Sample sample;

        ThinSubmission(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @PostMapping(THIN)
        @Allowed(Action.INSPECT)
        ResponseEntity<Map<String, Long>> submit(@Valid @RequestBody RecordSubmission submission) throws Exception {
            List<byte[]> pngs = new ArrayList<>();
            submission.officerSignatures().forEach(o -> pngs.add(decode(o.png())));
            pngs.add(decode(submission.representative().png()));
            long a = submission.officerSignatures().get(0).userId();
            long b = submission.officerSignatures().get(1).userId();
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    long record = insertSubmission(c, submission.taskId(), sample, pngs.get(2), a, b,
                            submission.items().get(0).rectifyBy());
                    c.commit();
                    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", record));
                } catch (Exception e) {
                    c.rollback();
                    throw e;
                }
            }
        }

        private static byte[] decode(String dataUrl) {
            return Base64.getDecoder().decode(dataUrl.substring("data:image/png;base64,".length()));
        }
    }
}
