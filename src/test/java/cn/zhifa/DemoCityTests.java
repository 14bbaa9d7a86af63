package cn.zhifa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhifa.shared.demo.DemoDataLoader;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo is a believable bureau: the approved 2026 plan behind the 年度计划 tasks, the October draw's tasks (逾期补做
 * when started later), decided cases with their 决定书 and 送达回执, documents that match each case's stage; loading
 * again adds nothing.
 */
@ZhifaIntegrationTest
class DemoCityTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<DemoDataLoader> loaders;
    @Autowired
    Clock clock;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void the_annual_plan_is_approved_and_every_plan_task_is_one_of_its_key_firms() {
        long brigade = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'leader1'").query(Long.class).single();
        Map<String, Object> plan = jdbc.sql("SELECT id, title, status, approved_by_name FROM planning_plan WHERE organization_id = :o AND year = 2026")
                .param("o", brigade).query().singleRow();
        assertThat(plan.get("status")).isEqualTo("PUBLISHED");
        assertThat(plan.get("approved_by_name")).isNotNull();
        List<Map<String, Object>> planTasks = jdbc.sql("SELECT enterprise_id, source_ref FROM inspection_task WHERE demo AND source = 'PLAN'")
                .query().listOfRows();
        assertThat(planTasks).isNotEmpty().allSatisfy(t -> assertThat(t.get("source_ref")).isEqualTo(plan.get("title")));
        List<Long> keyFirms = jdbc.sql("SELECT enterprise_id FROM planning_plan_item WHERE plan_id = :p AND campaign_code IS NULL")
                .param("p", plan.get("id")).query(Long.class).list();
        assertThat(planTasks).allSatisfy(t -> assertThat(keyFirms).contains(((Number) t.get("enterprise_id")).longValue()));
    }

    @Test
    void the_october_draw_became_tasks_flagged_late_when_the_demo_starts_after_october() {
        await().atMost(Duration.ofSeconds(90)).until(() ->
                count("SELECT count(*) FROM inspection_task WHERE source = 'DRAW' AND source_ref LIKE '抽查#%'") > 0);
        long drawn = count("SELECT count(*) FROM planning_draw_task t JOIN planning_draw d ON d.id = t.draw_id WHERE d.month = '2026-10'");
        YearMonth now = YearMonth.now(clock);
        List<Map<String, Object>> tasks = jdbc.sql("""
                        SELECT t.due_month, t.planned_month FROM inspection_task t
                        WHERE t.source = 'DRAW' AND t.source_ref LIKE '抽查#' || (SELECT id FROM planning_draw WHERE month = '2026-10'
                              ORDER BY id LIMIT 1) || ' %'""").query().listOfRows();
        assertThat(tasks).hasSize((int) drawn);
        if (now.isAfter(YearMonth.of(2026, 10))) {
            assertThat(tasks).allSatisfy(t -> {
                assertThat(t.get("planned_month").toString()).isEqualTo("2026-10-01");
                assertThat(t.get("due_month").toString()).isEqualTo(now.atDay(1).toString());
            });
        }
    }

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Test
    void the_october_draw_s_firms_inspected_by_the_demo_show_their_results_on_the_public_page() throws Exception {
        // the demo's 双随机 records from October on are inspections of the October draw's firms, in draw order
        long inspected = count("""
                SELECT count(DISTINCT r.enterprise_id) FROM inspection_record r JOIN inspection_task t ON t.id = r.task_id
                WHERE r.demo AND t.source = 'DRAW' AND r.supersedes_id IS NULL AND r.started_at >= '2026-10-01'
                  AND r.enterprise_id IN (SELECT t2.enterprise_id FROM planning_draw_task t2 JOIN planning_draw d ON d.id = t2.draw_id
                                          WHERE d.month = '2026-10')""");
        if (YearMonth.now(clock).isAfter(YearMonth.of(2026, 10))) {
            assertThat(inspected).isPositive();
        }
        var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/public/double-random").param("month", "2026-10").param("size", "50")).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).isEqualTo(200);
        List<Map<String, Object>> items = com.jayway.jsonpath.JsonPath.read(response.getContentAsString(), "$.items");
        // every October firm the demo drew is listed (draws other tests of the shared context make may add rows)
        assertThat(items.size()).isGreaterThanOrEqualTo((int) count("""
                SELECT count(*) FROM planning_draw_task t JOIN planning_draw d ON d.id = t.draw_id
                WHERE d.month = '2026-10'"""));
        assertThat(items.stream().filter(i -> !"待检查".equals(i.get("result")))).hasSize((int) inspected);
        // each result counts the hazards registered from the record
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT c.enterprise_name, c.case_filed_on, (SELECT count(*) FROM hazard h WHERE h.origin_record_id = c.record_id) AS hazards
                FROM publicity_random_check c WHERE c.draw_month = '2026-10' AND c.record_id IS NOT NULL""").query().listOfRows();
        assertThat(rows).hasSize((int) inspected).allSatisfy(row -> {
            long hazards = ((Number) row.get("hazards")).longValue();
            String expected = row.get("case_filed_on") != null ? "立案查处"
                    : hazards > 0 ? "发现隐患 " + hazards + " 项，已责令整改" : "未发现问题";
            assertThat(items).anySatisfy(i -> {
                assertThat(i.get("enterpriseName")).isEqualTo(row.get("enterprise_name"));
                assertThat(i.get("result")).isEqualTo(expected);
            });
        });
    }

    @Test
    void decided_cases_carry_their_decision_and_served_ones_their_service_receipt_and_nothing_beyond_their_stage() {
        List<Map<String, Object>> decided = jdbc.sql("""
                        SELECT c.case_number, c.decision_number, c.served_on FROM penalty_case c
                        WHERE c.source_reference LIKE 'DEMO-%' AND c.decision_number IS NOT NULL AND c.procedure_kind = 'ORDINARY'""").query().listOfRows();
        assertThat(decided).hasSizeGreaterThanOrEqualTo(8);
        for (Map<String, Object> c : decided) {
            List<String> decisions = jdbc.sql("""
                            SELECT number_text FROM doc_issued WHERE source_type = 'case' AND source_id = :n AND kind LIKE 'PENALTY_DECISION%'""")
                    .param("n", c.get("case_number")).query(String.class).list();
            assertThat(decisions).as("决定书 of %s", c.get("case_number")).containsExactly((String) c.get("decision_number"));
            long receipts = jdbc.sql("SELECT count(*) FROM doc_issued WHERE source_type = 'case' AND source_id = :n AND kind = 'SERVICE_RECEIPT'")
                    .param("n", c.get("case_number")).query(Long.class).single();
            assertThat(receipts).as("送达回执 of %s", c.get("case_number")).isEqualTo(c.get("served_on") == null ? 0 : 1);
        }
        assertThat(count("""
                SELECT count(*) FROM doc_issued d JOIN penalty_case c ON d.source_type = 'case' AND d.source_id = c.case_number
                WHERE c.source_reference LIKE 'DEMO-%' AND c.decided_on IS NULL
                  AND d.kind IN ('PENALTY_DECISION_UNIT', 'PENALTY_DECISION_PERSON', 'SERVICE_RECEIPT', 'CASE_CLOSING_APPROVAL')"""))
                .as("no decision, receipt or closing approval on an undecided case").isZero();
        assertThat(count("""
                SELECT count(*) FROM doc_issued d JOIN penalty_case c ON d.source_type = 'case' AND d.source_id = c.case_number
                WHERE c.source_reference LIKE 'DEMO-%' AND c.closed_on IS NULL AND d.kind = 'CASE_CLOSING_APPROVAL'"""))
                .as("no closing approval on an open case").isZero();
    }

    @Test
    void the_on_the_spot_case_carries_its_on_the_spot_decision() {
        Map<String, Object> spot = jdbc.sql("""
                        SELECT case_number, decision_number FROM penalty_case
                        WHERE source_reference LIKE 'DEMO-%' AND procedure_kind = 'SUMMARY'""").query().singleRow();
        List<String> decisions = jdbc.sql("""
                        SELECT number_text FROM doc_issued WHERE source_type = 'case' AND source_id = :n AND kind = 'ON_SPOT_PENALTY'""")
                .param("n", spot.get("case_number")).query(String.class).list();
        assertThat(decisions).as("行政（当场）处罚决定书").hasSize(1).containsExactly((String) spot.get("decision_number"));
    }

    @Test
    void submitted_on_site_demo_records_carry_their_inspection_record_and_orders() {
        List<Map<String, Object>> records = jdbc.sql("""
                        SELECT r.id,
                               (SELECT count(DISTINCT i.rectify_by) FROM inspection_item_result i
                                 WHERE i.inspection_record = r.id AND i.result = 'FAILS' AND i.rectify_by IS NOT NULL) AS deadlines,
                               (SELECT count(*) FROM inspection_item_result i
                                 WHERE i.inspection_record = r.id AND i.result = 'FAILS' AND i.immediate_measure IS NOT NULL) AS immediate
                        FROM inspection_record r WHERE r.demo AND r.status = 'SUBMITTED' AND r.mode = 'ON_SITE'""").query().listOfRows();
        assertThat(records).hasSizeGreaterThanOrEqualTo(10);
        for (Map<String, Object> r : records) {
            String id = r.get("id").toString();
            Map<String, Long> kinds = new java.util.HashMap<>();
            jdbc.sql("SELECT kind, count(*) FROM doc_issued WHERE source_type = '现场检查记录' AND source_id = :id GROUP BY kind")
                    .param("id", id).query((rs, n) -> kinds.put(rs.getString(1), rs.getLong(2))).list();
            assertThat(kinds.get("INSPECTION_RECORD")).as("现场检查记录 of record %s", id).isEqualTo(1L);
            assertThat(kinds.getOrDefault("RECTIFICATION_ORDER", 0L)).as("责令限期整改指令书 of record %s", id)
                    .isEqualTo(((Number) r.get("deadlines")).longValue());
            assertThat(kinds.getOrDefault("ON_SITE_MEASURES", 0L)).as("现场处理措施决定书 of record %s", id)
                    .isEqualTo(((Number) r.get("immediate")).longValue() > 0 ? 1L : 0L);
        }
        assertThat(records).anySatisfy(r -> assertThat(((Number) r.get("deadlines")).longValue()).isPositive());
    }

    @Test
    void loading_the_demo_again_adds_nothing() {
        String[] counts = {"SELECT count(*) FROM planning_plan WHERE year = 2026",
                "SELECT count(*) FROM planning_draw WHERE month = '2026-10'",
                "SELECT count(*) FROM inspection_task WHERE demo", "SELECT count(*) FROM inspection_record WHERE demo",
                "SELECT count(*) FROM hazard WHERE demo", "SELECT count(*) FROM penalty_case WHERE source_reference LIKE 'DEMO-%'",
                """
                SELECT count(*) FROM doc_issued d JOIN penalty_case c ON d.source_type = 'case' AND d.source_id = c.case_number
                WHERE c.source_reference LIKE 'DEMO-%'""",
                """
                SELECT count(*) FROM doc_issued d JOIN inspection_record r ON d.source_type = '现场检查记录' AND d.source_id = r.id::text
                WHERE r.demo"""};
        // once to settle what earlier tests purged and reloaded of single modules' demo data, then once more: nothing new
        loaders.stream().sorted(java.util.Comparator.comparingInt(DemoDataLoader::order)).forEach(DemoDataLoader::load);
        long[] before = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            before[i] = count(counts[i]);
        }
        loaders.stream().sorted(java.util.Comparator.comparingInt(DemoDataLoader::order)).forEach(DemoDataLoader::load);
        for (int i = 0; i < counts.length; i++) {
            assertThat(count(counts[i])).as(counts[i]).isEqualTo(before[i]);
        }
    }
}
