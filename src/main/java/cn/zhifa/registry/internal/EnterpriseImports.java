package cn.zhifa.registry.internal;

import cn.zhifa.audit.AuditRecord;
import cn.zhifa.audit.AuditTrail;
import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.registry.EnterpriseForm;
import cn.zhifa.registry.internal.Enterprise.FieldChange;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import jakarta.annotation.PreDestroy;
import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Excel import of the enterprise library. Every row is checked first (cells, the form's rules, the town and
 * owning unit, the user's scope, a USCC twice in the file, a change a record refuses); any problem rejects the
 * whole file and yields an error report (.xlsx with an error column). Otherwise all rows are written in one
 * transaction: new USCCs are inserted, known ones updated (only changed fields enter the history), so
 * re-importing a file changes nothing. Jobs run in the background with progress for polling.
 */
@Component
public class EnterpriseImports {

    private static final Logger log = LoggerFactory.getLogger(EnterpriseImports.class);

    public enum Status { RUNNING, SUCCEEDED, REJECTED, FAILED }

    /** A job as the page shows it; {@code phase} and {@code done} move while it runs. */
    public record Job(long id, String fileName, Status status, String phase, int total, int done, int created,
                      int updated, int errors, String message, boolean hasErrorReport) {

        public int percent() {
            return total == 0 ? (status == Status.RUNNING ? 0 : 100) : Math.min(100, done * 100 / Math.max(1, total));
        }

        public boolean finished() {
            return status != Status.RUNNING;
        }
    }

    private final Enterprises enterprises;
    private final Jurisdictions jurisdictions;
    private final DataScope scope;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final Workbooks.Limits limits;
    private final Map<Long, Job> running = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "registry-import");
        thread.setDaemon(true);
        return thread;
    });

    EnterpriseImports(Enterprises enterprises, Jurisdictions jurisdictions, DataScope scope, JdbcClient jdbc,
                      TransactionTemplate transactions, AuditTrail audit, Clock clock,
                      @Value("${zhifa.registry.import.max-rows:100000}") int maxRows,
                      @Value("${zhifa.registry.import.max-file-bytes:52428800}") long maxFileBytes,
                      @Value("${zhifa.registry.import.max-cell-chars:32767}") int maxCellChars,
                      @Value("${zhifa.registry.import.max-expanded-bytes:536870912}") long maxExpandedBytes,
                      @Value("${zhifa.registry.import.max-shared-strings-bytes:134217728}") long maxSharedStringsBytes) {
        this.enterprises = enterprises;
        this.jurisdictions = jurisdictions;
        this.scope = scope;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.limits = new Workbooks.Limits(maxRows, maxFileBytes, maxCellChars, maxExpandedBytes, maxSharedStringsBytes);
    }

    public Workbooks.Limits limits() {
        return limits;
    }

    /** Checks the file's size and kind at once, then imports it in the background; returns the job id. */
    public long start(String fileName, byte[] content) {
        return start(fileName, content == null ? 0 : content.length,
                new java.io.ByteArrayInputStream(content == null ? new byte[0] : content));
    }

    /**
     * Streams an upload to a temporary file, refusing from its declared size before reading and refusing a ZIP bomb
     * before parsing (nothing is recorded on refusal), then imports it in the background; returns the job id.
     */
    public long start(String fileName, long declaredSize, java.io.InputStream content) {
        Actor actor = Actors.require();
        java.nio.file.Path file = Workbooks.receive(fileName, declaredSize, content, limits);
        long id;
        try {
            id = newJob(fileName, actor);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        SecurityContext context = SecurityContextHolder.getContext();
        worker.submit(() -> {
            SecurityContextHolder.setContext(context);
            try {
                run(id, file, actor);
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        return id;
    }

    /** Imports in the caller's thread (tests, small files); returns the finished job. */
    public Job runNow(String fileName, byte[] content) {
        Actor actor = Actors.require();
        java.nio.file.Path file = Workbooks.receive(fileName, content == null ? 0 : content.length,
                new java.io.ByteArrayInputStream(content == null ? new byte[0] : content), limits);
        long id = newJob(fileName, actor);
        run(id, file, actor);
        return job(id).orElseThrow();
    }

    private static void deleteQuietly(java.nio.file.Path file) {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (java.io.IOException ignored) {
            // a temporary file left behind is removed by the OS
        }
    }

    public Optional<Job> job(long id) {
        Job live = running.get(id);
        if (live != null) {
            return Optional.of(live);
        }
        return jdbc.sql("SELECT id, file_name, status, total_rows, done_rows, created_count, updated_count, error_count, message, "
                        + "error_report IS NOT NULL AS has_report, organization_id FROM enterprise_import WHERE id = ?")
                .param(id)
                .query((rs, n) -> {
                    scope.require(rs.getLong("organization_id"));
                    return new Job(rs.getLong(1), rs.getString(2), Status.valueOf(rs.getString(3)), "", rs.getInt(4), rs.getInt(5),
                            rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9), rs.getBoolean(10));
                }).optional();
    }

    public Optional<byte[]> errorReport(long id) {
        job(id);
        return jdbc.sql("SELECT error_report FROM enterprise_import WHERE id = ? AND error_report IS NOT NULL")
                .param(id).query(byte[].class).optional();
    }

    private long newJob(String fileName, Actor actor) {
        long id = jdbc.sql("INSERT INTO enterprise_import (file_name, status, started_by, organization_id, started_at) "
                        + "VALUES (?, 'RUNNING', ?, ?, ?) RETURNING id")
                .params(EnterpriseSheet.shorten(fileName == null ? "" : fileName), actor.username(), actor.organizationId(),
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        running.put(id, new Job(id, fileName, Status.RUNNING, "读取文件", 0, 0, 0, 0, 0, null, false));
        return id;
    }

    private void progress(long id, String phase, int total, int done) {
        running.computeIfPresent(id, (k, job) -> new Job(id, job.fileName(), Status.RUNNING, phase, total, done, 0, 0, 0, null, false));
    }

    private void run(long id, java.nio.file.Path file, Actor actor) {
        try {
            List<Workbooks.SheetRow> rows;
            try {
                rows = Workbooks.read(file, limits);
            } finally {
                deleteQuietly(file);
            }
            checkHeader(rows);
            List<Workbooks.SheetRow> data = rows.subList(1, rows.size());
            if (data.isEmpty()) {
                throw new RuleViolation("文件中没有企业数据：第 1 行为表头，请从第 2 行起每行填写一家企业。");
            }
            Plan plan = plan(id, data, actor);
            if (!plan.errors.isEmpty()) {
                ByteArrayOutputStream report = new ByteArrayOutputStream();
                List<String> headers = new ArrayList<>(EnterpriseSheet.HEADERS);
                headers.add(0, "行号");
                headers.add(EnterpriseSheet.ERROR_HEADER);
                List<List<String>> reportRows = new ArrayList<>();
                for (Workbooks.SheetRow row : data) {
                    List<String> cells = new ArrayList<>();
                    cells.add(String.valueOf(row.number()));
                    for (int i = 0; i < EnterpriseSheet.HEADERS.size(); i++) {
                        cells.add(i < row.cells().size() ? row.cells().get(i) : "");
                    }
                    cells.add(String.join("；", plan.errors.getOrDefault(row.number(), List.of())));
                    reportRows.add(cells);
                }
                Workbooks.write(headers, reportRows, true, report);
                int errorCount = plan.errors.values().stream().mapToInt(List::size).sum();
                finish(id, Status.REJECTED, data.size(), 0, 0, 0, errorCount,
                        "共 " + plan.errors.size() + " 行有 " + errorCount + " 处错误，整个文件未导入。请下载错误报告，改正后重新导入。",
                        report.toByteArray());
                audit.record("导入企业", "企业导入", id, AuditRecord.Outcome.REJECTED, "有错误，未导入");
                return;
            }
            write(id, plan, actor);
            finish(id, Status.SUCCEEDED, data.size(), data.size(), plan.inserts.size(), plan.updates.size(), 0,
                    "导入完成：新增 " + plan.inserts.size() + " 家，更新 " + plan.updates.size() + " 家，"
                            + (data.size() - plan.inserts.size() - plan.updates.size()) + " 家无变化。", null);
            audit.record("导入企业", "企业导入", id, AuditRecord.Outcome.SUCCESS,
                    "新增 " + plan.inserts.size() + "，更新 " + plan.updates.size());
        } catch (RuleViolation refused) {
            finish(id, Status.REJECTED, 0, 0, 0, 0, 1, refused.getMessage(), null);
            audit.record("导入企业", "企业导入", id, AuditRecord.Outcome.REJECTED, EnterpriseSheet.shorten(refused.getMessage()));
        } catch (RuntimeException e) {
            log.error("enterprise import {} failed", id, e);
            finish(id, Status.FAILED, 0, 0, 0, 0, 0, "导入时发生系统错误，未导入任何数据，请稍后重试或联系管理员。", null);
        }
    }

    private static void checkHeader(List<Workbooks.SheetRow> rows) {
        if (rows.isEmpty()) {
            throw new RuleViolation("文件是空的：没有表头，也没有企业数据。请下载导入模板填写。");
        }
        List<String> header = rows.get(0).cells();
        List<String> expected = EnterpriseSheet.HEADERS;
        for (int i = 0; i < expected.size(); i++) {
            String actual = i < header.size() && header.get(i) != null ? header.get(i).strip() : "";
            if (i >= EnterpriseSheet.OPTIONAL_FROM && actual.isEmpty()) {
                continue; // a file from before the optional columns (法定代表人职务, 法定代表人电话) still imports
            }
            if (!expected.get(i).equals(actual)) {
                throw new RuleViolation("表头不正确：第 " + (i + 1) + " 列应为“" + expected.get(i) + "”，实际为“"
                        + EnterpriseSheet.shorten(actual) + "”。请使用导入模板，不要增删或调换列。");
            }
        }
    }

    private static final class Plan {
        final Map<Integer, List<String>> errors = new LinkedHashMap<>();
        final List<Enterprise> inserts = new ArrayList<>();
        final List<Enterprise> updates = new ArrayList<>();
        final Map<Enterprise, List<FieldChange>> changes = new HashMap<>();

        void error(int row, String column, String message) {
            errors.computeIfAbsent(row, r -> new ArrayList<>()).add("【" + column + "】" + message);
        }
    }

    private Plan plan(long id, List<Workbooks.SheetRow> data, Actor actor) {
        Plan plan = new Plan();
        Jurisdiction jurisdiction = jurisdictions.around(actor.organizationId());
        Map<Long, Boolean> visible = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<String> usccs = data.stream().map(r -> r.cells().size() > 1 && r.cells().get(1) != null
                ? r.cells().get(1).strip().toUpperCase() : "").filter(s -> !s.isEmpty()).distinct().toList();
        Map<String, Enterprise> existing = enterprises.findActiveByUsccs(usccs).stream()
                .collect(Collectors.toMap(Enterprise::getUscc, e -> e));
        Instant now = clock.instant();
        int done = 0;
        for (Workbooks.SheetRow row : data) {
            String uscc = row.cells().size() > 1 && row.cells().get(1) != null ? row.cells().get(1).strip().toUpperCase() : "";
            Enterprise current = existing.get(uscc);
            EnterpriseSheet.Parsed parsed = EnterpriseSheet.parse(row.cells(), current);
            parsed.problems().forEach(p -> plan.error(row.number(), p.field(), p.message()));
            EnterpriseForm form = parsed.form();
            List<EnterpriseForm.Problem> problems = form.problems();
            problems.stream().filter(p -> parsed.problems().stream().noneMatch(q -> q.field().equals(p.field())))
                    .forEach(p -> plan.error(row.number(), p.field(), p.message()));
            if (!uscc.isEmpty()) {
                Integer first = seen.putIfAbsent(uscc, row.number());
                if (first != null) {
                    plan.error(row.number(), "统一社会信用代码", "与第 " + first + " 行的统一社会信用代码重复");
                }
            }
            if (plan.errors.containsKey(row.number())) {
                continue;
            }
            Optional<OrganizationView> owner = jurisdiction.owner(form.level(), form.townCode().strip());
            if (owner.isEmpty()) {
                plan.error(row.number(), "乡镇（街道）区划代码", "“" + form.townCode().strip() + "”不是本辖区内已设立的乡镇（街道）");
                continue;
            }
            if (!visible.computeIfAbsent(owner.get().id(), scope::canSee)) {
                plan.error(row.number(), "监管层级", "该企业应由“" + owner.get().name() + "”监管，不在本单位及下级单位的范围内");
                continue;
            }
            if (current != null && !visible.computeIfAbsent(current.getOrganizationId(), scope::canSee)) {
                plan.error(row.number(), "统一社会信用代码", "该企业已由其他单位登记，不在本单位及下级单位的范围内");
                continue;
            }
            try {
                if (current == null) {
                    plan.inserts.add(Enterprise.register(form, owner.get().id(), false, now));
                } else {
                    List<FieldChange> changed = current.describe(form, owner.get().id(), now);
                    if (!changed.isEmpty()) {
                        plan.updates.add(current);
                        plan.changes.put(current, changed);
                    }
                }
            } catch (RuleViolation refused) {
                plan.error(row.number(), "经营状态", refused.getMessage());
            }
            if (++done % 1000 == 0) {
                progress(id, "校验", data.size(), done);
            }
        }
        return plan;
    }

    private void write(long id, Plan plan, Actor actor) {
        int total = plan.inserts.size() + plan.updates.size();
        progress(id, "写入", total, 0);
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            int written = 0;
            for (int from = 0; from < plan.inserts.size(); from += 2000) {
                List<Enterprise> chunk = plan.inserts.subList(from, Math.min(plan.inserts.size(), from + 2000));
                enterprises.insertAll(chunk);
                // the registration entry of each new firm, found by its USCC through the unique index: selecting by
                // created_at instead scanned the whole 1M-row table with an anti-join (36.8 s of a 75.8 s import)
                jdbc.sql("INSERT INTO enterprise_change (enterprise_id, field, old_value, new_value, changed_by, changed_at, source, organization_id) "
                                + "SELECT e.id, '登记', NULL, e.name, :by, e.created_at, '导入', e.organization_id FROM enterprise e "
                                + "WHERE e.uscc IN (:usccs) AND e.merged_into IS NULL")
                        .param("by", actor.username()).param("usccs", chunk.stream().map(Enterprise::getUscc).toList())
                        .update();
                written += chunk.size();
                progress(id, "写入", total, written);
            }
            if (!plan.updates.isEmpty()) {
                enterprises.updateAll(plan.updates);
                List<Object[]> history = new ArrayList<>();
                plan.changes.forEach((enterprise, changes) -> changes.forEach(c -> history.add(new Object[]{enterprise.getId(),
                        c.field(), Enterprises.cut(Enterprises.masked(c.field(), c.oldValue())),
                        Enterprises.cut(Enterprises.masked(c.field(), c.newValue())), actor.username(),
                        Timestamp.from(now), "导入"})));
                enterprises.recordChanges(history);
                progress(id, "写入", total, total);
            }
        });
    }

    private void finish(long id, Status status, int total, int done, int created, int updated, int errors, String message,
                        byte[] report) {
        jdbc.sql("UPDATE enterprise_import SET status = ?, total_rows = ?, done_rows = ?, created_count = ?, updated_count = ?, "
                        + "error_count = ?, message = ?, error_report = ?, finished_at = ? WHERE id = ?")
                .params(status.name(), total, done, created, updated, errors,
                        message == null ? null : message.length() > 500 ? message.substring(0, 499) : message, report,
                        Timestamp.from(clock.instant()), id)
                .update();
        running.remove(id);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
