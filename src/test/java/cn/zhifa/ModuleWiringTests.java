package cn.zhifa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhifa.hazard.HazardLevel;
import cn.zhifa.hazard.HazardOverdue;
import cn.zhifa.inspection.InspectionKind;
import cn.zhifa.inspection.InspectionMode;
import cn.zhifa.inspection.InspectionRecorded;
import cn.zhifa.inspection.TaskSource;
import cn.zhifa.inspection.internal.RecordDocumentsDue;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.planning.DrawMode;
import cn.zhifa.planning.InspectionTasksDrawn;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.registry.OfficerSummary;
import cn.zhifa.registry.PoolFilter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The event flows between modules: draw → tasks, record → plan completion, overdue hazard → case. */
@ZhifaIntegrationTest
class ModuleWiringTests {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EnterpriseManagement enterprises;
    @Autowired
    OfficerManagement officers;
    @Autowired
    OrganizationManagement organizations;
    @Autowired
    DataSource dataSource;

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private final Set<Object> published = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * Publishes in a transaction of its own. A redelivery is published as a new instance, as the application does (each
     * sweep builds its events; the registry resubmits a copy read back from the database): Spring Modulith keeps the
     * publications in flight by event instance and listener, so the two publications of one instance share one entry,
     * both deliveries can complete the same one, and the other stays incomplete for good (seen in 9 of 60 repeats).
     */
    private void publish(Object event) {
        if (!published.add(event)) {
            throw new IllegalArgumentException("publish a new instance for a redelivery, not the same one again: " + event);
        }
        transaction.executeWithoutResult(status -> events.publishEvent(event));
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private long brigade() {
        return jdbc.sql("SELECT id FROM organization WHERE name = '东城区应急管理综合行政执法大队'").query(Long.class).single();
    }

    @Test
    void an_executed_draw_becomes_inspection_tasks_for_the_drawn_teams_once() {
        long brigade = brigade();
        List<Long> subtree = organizations.subtreeIds(brigade);
        List<Long> walkthroughOfficers = jdbc.sql("SELECT id FROM app_user WHERE username IN ('officer1', 'officer2', 'leader1')")
                .query(Long.class).list();
        List<OfficerSummary> certified = officers.certifiedOfficers(subtree, today).stream()
                .filter(officer -> !walkthroughOfficers.contains(officer.userId())).toList();
        assertThat(certified).as("certified officers besides the ones other tests walk through").hasSizeGreaterThanOrEqualTo(2);
        EnterpriseSummary firm = enterprises.pool(PoolFilter.of(Set.copyOf(organizations.subtreeIds(
                jdbc.sql("SELECT id FROM organization WHERE name = '示例市东城区应急管理局'").query(Long.class).single())))).get(0);
        long drawId = 900_000 + System.nanoTime() % 100_000;
        Supplier<InspectionTasksDrawn> drawn = () -> new InspectionTasksDrawn(drawId, brigade, DrawMode.OWN, YearMonth.from(today),
                "SC-01", "安全生产双随机抽查", "《安全生产法》第六十五条",
                List.of(new InspectionTasksDrawn.Task(firm.id(), List.of(certified.get(0).userId(), certified.get(1).userId()), List.of())));
        String ref = "抽查#" + drawId + " 安全生产双随机抽查";

        publish(drawn.get());
        await().atMost(Duration.ofSeconds(90)).until(() ->
                count("SELECT count(*) FROM inspection_task WHERE source = 'DRAW' AND source_ref = ?", ref) == 1);
        publish(drawn.get());
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(90)).until(() ->
                count("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND event_type LIKE '%InspectionTasksDrawn'") == 0);
        assertThat(count("SELECT count(*) FROM inspection_task WHERE source = 'DRAW' AND source_ref = ?", ref)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM inspection_task_member m JOIN inspection_task t ON t.id = m.inspection_task "
                + "WHERE t.source_ref = ?", ref)).isEqualTo(2);
    }

    @Test
    void a_submitted_inspection_counts_as_a_done_visit_for_the_plan_and_its_draw() {
        long recordId = 800_000 + System.nanoTime() % 100_000;
        publish(new InspectionRecorded(recordId, 0, 1, "测试企业", InspectionKind.GENERAL, InspectionMode.ON_SITE, today,
                brigade(), TaskSource.DRAW, "抽查#4242 安全生产双随机抽查", List.of(), 0, null));
        await().atMost(Duration.ofSeconds(90)).until(() ->
                count("SELECT count(*) FROM planning_visit WHERE source_ref = ? AND draw_id = 4242", "inspection-record#" + recordId) == 1);
    }

    @Test
    void a_hazard_not_rectified_in_time_proposes_one_case_under_article_102() {
        long brigade = brigade();
        EnterpriseSummary firm = enterprises.pool(PoolFilter.of(Set.copyOf(organizations.subtreeIds(brigade)))).stream().findFirst()
                .orElseGet(() -> enterprises.pool(PoolFilter.of(Set.copyOf(organizations.subtreeIds(
                        organizations.find(brigade).map(OrganizationView::parentId).orElseThrow())))).get(0));
        long hazardId = 700_000 + System.nanoTime() % 100_000;
        Supplier<HazardOverdue> overdue = () -> new HazardOverdue(hazardId, brigade, firm.id(), firm.name(), "配电箱未接地",
                HazardLevel.GENERAL, today.minusDays(3), today, "《安全生产法》第一百零二条", "安全生产法第一百零二条", null);
        publish(overdue.get());
        publish(overdue.get());
        try {
            await().atMost(Duration.ofSeconds(90)).until(() ->
                    count("SELECT count(*) FROM penalty_case WHERE source = 'HAZARD' AND source_reference = ?", "隐患#" + hazardId) == 1);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // seen once in a full run (2026-12-05) and never alone: say what the database was doing, for the next look
            throw new AssertionError("no case proposed for 隐患#" + hazardId + "; pending publications: "
                    + jdbc.sql("SELECT event_type || ' since ' || publication_date FROM event_publication WHERE completion_date IS NULL")
                            .query(String.class).list()
                    + "; sessions: " + jdbc.sql("""
                            SELECT coalesce(state, '') || ' ' || coalesce(wait_event_type, '') || ':' || coalesce(wait_event, '')
                                   || ' ' || left(query, 160) FROM pg_stat_activity
                            WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'""")
                            .query(String.class).list()
                    + "; listener threads: " + listenerThreads(), e);
        }
        try {
            await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(90)).until(() ->
                    count("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND event_type LIKE '%HazardOverdue' "
                            + "AND serialized_event LIKE ?", "%\"hazardId\":" + hazardId + ",%") == 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // seen once in a full run (2026-12-06), after the case was proposed: which listener's publication stayed open
            throw new AssertionError("publications of 隐患#" + hazardId + " still open: " + jdbc.sql("""
                            SELECT listener_id || ' ' || coalesce(status, '') || ' attempts ' || coalesce(completion_attempts, 0)
                            FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?""")
                    .param("%\"hazardId\":" + hazardId + ",%").query(String.class).list()
                    + "; listener threads: " + listenerThreads(), e);
        }
        assertThat(count("SELECT count(*) FROM penalty_case WHERE source = 'HAZARD' AND source_reference = ?", "隐患#" + hazardId)).isEqualTo(1);
    }

    /**
     * The documents of a burst of submissions are issued on their own small pool: while every one of its threads is
     * busy (here: each issue waits for a record another transaction holds, as a slow rendering would), an overdue
     * hazard's case is still proposed at once. On one shared pool the issues took all of its threads and the proposal
     * waited in the queue behind them.
     */
    @Test
    void a_burst_of_document_issues_does_not_hold_up_an_overdue_hazards_case() throws Exception {
        Map<String, Object> issued = jdbc.sql("""
                        SELECT r.id, u.username FROM inspection_record r JOIN app_user u ON u.id = r.submitted_by
                        WHERE r.status = 'SUBMITTED' AND r.mode = 'ON_SITE' AND EXISTS (SELECT 1 FROM doc_issued d
                              WHERE d.source_type = '现场检查记录' AND d.source_id = r.id::text AND d.kind = 'INSPECTION_RECORD')
                        ORDER BY r.id LIMIT 1""").query().singleRow();
        long record = ((Number) issued.get("id")).longValue();
        String recordDocuments = "SELECT count(*) FROM doc_issued WHERE source_type = '现场检查记录' AND source_id = ?";
        long documentsBefore = count(recordDocuments, String.valueOf(record));
        long hazardId = 600_000 + System.nanoTime() % 100_000;
        try (var held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            try (var lock = held.prepareStatement("SELECT id FROM inspection_record WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, record);
                lock.executeQuery().close();
            }
            try {
                // more orders than the shared pool has threads (8): re-deliveries of an issued record's order, each
                // waiting for the record's lock and then issuing nothing
                for (int i = 0; i < 12; i++) {
                    publish(new RecordDocumentsDue(record, (String) issued.get("username"), null));
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> count("""
                        SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'
                        AND query LIKE 'SELECT id FROM inspection_record WHERE id = % FOR UPDATE'""") >= 2);
                long brigade = brigade();
                EnterpriseSummary firm = enterprises.pool(PoolFilter.of(Set.copyOf(organizations.subtreeIds(brigade)))).stream()
                        .findFirst().orElseGet(() -> enterprises.pool(PoolFilter.of(Set.copyOf(organizations.subtreeIds(
                                organizations.find(brigade).map(OrganizationView::parentId).orElseThrow())))).get(0));
                long start = System.nanoTime();
                publish(new HazardOverdue(hazardId, brigade, firm.id(), firm.name(), "消防通道堵塞", HazardLevel.GENERAL,
                        today.minusDays(5), today, "《安全生产法》第一百零二条", "安全生产法第一百零二条", null));
                try {
                    await().atMost(Duration.ofSeconds(20)).until(() -> count(
                            "SELECT count(*) FROM penalty_case WHERE source = 'HAZARD' AND source_reference = ?", "隐患#" + hazardId) == 1);
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    throw new AssertionError("the case waited behind the document issues; listener threads: " + listenerThreads(), e);
                }
                System.out.printf("case proposed %d ms after the hazard went overdue, 12 document issues waiting%n",
                        (System.nanoTime() - start) / 1_000_000);
            } finally {
                held.rollback();
            }
        }
        EventPublications.awaitRecordDocuments(jdbc);
        assertThat(count(recordDocuments, String.valueOf(record))).as("the re-delivered orders issued nothing again")
                .isEqualTo(documentsBefore);
    }

    /**
     * What each asynchronous listener thread is doing, for a failure's message: its name, state, innermost frame and
     * the application's own frames (the listener and what it waits in), or "idle" when it runs none.
     */
    private static String listenerThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(entry -> entry.getKey().getName().startsWith("task-") || entry.getKey().getName().startsWith("documents-"))
                .map(entry -> {
                    StackTraceElement[] stack = entry.getValue();
                    String ours = Arrays.stream(stack).filter(frame -> frame.getClassName().startsWith("cn.zhifa."))
                            .limit(4).map(frame -> frame.getClassName().replaceAll(".*\\.", "") + "." + frame.getMethodName()
                                    + ":" + frame.getLineNumber()).collect(Collectors.joining(" < "));
                    return entry.getKey().getName() + " " + entry.getKey().getState() + " "
                            + (ours.isEmpty() ? "idle" : (stack.length > 0 ? stack[0].getMethodName() + " < " : "") + ours);
                })
                .sorted().collect(Collectors.joining("; "));
    }
}
