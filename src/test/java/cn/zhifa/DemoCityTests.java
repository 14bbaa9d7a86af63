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
    void loading_the_demo_again_adds_nothing() {
        String[] counts = {"SELECT count(*) FROM planning_plan WHERE year = 2026",
                "SELECT count(*) FROM planning_draw WHERE month = '2026-10'",
                "SELECT count(*) FROM inspection_task WHERE demo", "SELECT count(*) FROM inspection_record WHERE demo",
                "SELECT count(*) FROM hazard WHERE demo", "SELECT count(*) FROM penalty_case WHERE source_reference LIKE 'DEMO-%'",
                """
                SELECT count(*) FROM doc_issued d JOIN penalty_case c ON d.source_type = 'case' AND d.source_id = c.case_number
                WHERE c.source_reference LIKE 'DEMO-%'"""};
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
