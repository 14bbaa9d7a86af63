package cn.zhifa.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.casework.internal.PenaltyCases;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18: the 案件期限 list and the daily sweep read the maintained {@code case_deadline} read model; it must say what
 * each case's timeline says, follow a change to a case, and the set-based sweep must raise each warning once.
 */
@ZhifaIntegrationTest
class CaseDeadlineReadModelTests {

    @Autowired
    CaseDeadlines deadlines;
    @Autowired
    PenaltyCases cases;
    @Autowired
    CaseScope caseScope;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Test
    void the_watch_list_from_the_read_model_is_what_every_cases_timeline_says_and_follows_a_change() {
        List<String> fromTimelines = fromTimelines();
        List<String> fromReadModel = asLeader(() -> deadlines.watchList().stream().map(CaseDeadlineReadModelTests::key).toList());
        assertThat(fromReadModel).as("the demo city has cases near and past deadlines").isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(fromTimelines);
        assertThat(asLeader(() -> deadlines.watchList())).as("most urgent first").isSortedAccordingTo(Comparator.comparing(CaseWarning::due));

        // a case decided outside the aggregate's own save (as any write to its rows) leaves the list at the next read
        CaseWarning decision = asLeader(() -> deadlines.watchList().stream().filter(w -> w.code().equals("DECISION")).findFirst().orElseThrow());
        try {
            jdbc.sql("UPDATE penalty_case SET decided_on = :today WHERE id = :id").param("today", deadlines.today())
                    .param("id", decision.caseId()).update();
            assertThat(asLeader(() -> deadlines.watchList())).noneMatch(w -> w.caseId() == decision.caseId() && w.code().equals("DECISION"));
            assertThat(asLeader(() -> deadlines.watchList().stream().map(CaseDeadlineReadModelTests::key).toList()))
                    .containsExactlyInAnyOrderElementsOf(fromTimelines());
        } finally {
            jdbc.sql("UPDATE penalty_case SET decided_on = NULL WHERE id = :id").param("id", decision.caseId()).update();
        }
        assertThat(asLeader(() -> deadlines.watchList())).anyMatch(w -> w.caseId() == decision.caseId() && w.code().equals("DECISION"));

        // paged in SQL: the pages put together are the list
        List<CaseWarning> all = asLeader(() -> deadlines.watchList());
        var first = asLeader(() -> deadlines.watchList(null, 0, 2));
        var second = asLeader(() -> deadlines.watchList(null, 1, 2));
        assertThat(first.total()).isEqualTo(all.size());
        assertThat(first.items()).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(second.items()).containsExactlyElementsOf(all.subList(2, Math.min(4, all.size())));
    }

    @Test
    void the_set_based_sweep_raises_each_warning_once_with_one_audit_entry_and_a_second_run_changes_nothing() {
        CaseWarning one = asLeader(() -> deadlines.watchList().get(0));
        // as if the sweep had never seen this case: its warnings gone, its deadlines not yet swept
        jdbc.sql("DELETE FROM case_deadline_warning WHERE penalty_case = :id").param("id", one.caseId()).update();
        jdbc.sql("UPDATE case_deadline SET warned = NULL, next_check = near_from WHERE penalty_case = :id").param("id", one.caseId()).update();
        long expected = asLeader(() -> deadlines.watchList().stream().filter(w -> w.caseId() == one.caseId()).count());
        long audits = count("SELECT count(*) FROM audit_log WHERE action = '案件期限预警'");

        int raised = deadlines.sweep();

        assertThat(raised).isGreaterThanOrEqualTo((int) expected);
        assertThat(count("SELECT count(*) FROM case_deadline_warning WHERE penalty_case = " + one.caseId())).isEqualTo(expected);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = '案件期限预警'")).as("one audit entry per sweep").isEqualTo(audits + 1);
        String before = fingerprint();
        assertThat(deadlines.sweep()).as("a second run finds nothing").isZero();
        assertThat(fingerprint()).as("and changes nothing").isEqualTo(before);
    }

    /** The list as it was computed before the read model: every watched case's timeline built in Java. */
    private List<String> fromTimelines() {
        LocalDate today = deadlines.today();
        List<Long> ids = jdbc.sql("SELECT id FROM penalty_case WHERE organization_id IN (:orgs)")
                .param("orgs", asLeader(() -> caseScope.visibleOrganizationIds())).query(Long.class).list();
        List<CaseWarning> all = new ArrayList<>();
        cases.findAllById(ids).forEach(c -> all.addAll(deadlines.warnings(c, today)));
        return all.stream().sorted(Comparator.comparing(CaseWarning::due).thenComparing(CaseWarning::caseNumber)
                .thenComparing(CaseWarning::code)).map(CaseDeadlineReadModelTests::key).toList();
    }

    private static String key(CaseWarning w) {
        return w.caseNumber() + " " + w.code() + " " + w.due() + " " + w.level() + " " + w.label() + " " + w.handlerName()
                + " " + w.organizationId() + " " + w.provisional();
    }

    private String fingerprint() {
        return jdbc.sql("""
                SELECT (SELECT count(*) || '/' || count(warned) || '/' || coalesce(sum(next_check - DATE '2000-01-01'), 0) || '/' || count(swept_on) FROM case_deadline)
                    || ' ' || (SELECT count(*) FROM case_deadline_warning) || ' ' || (SELECT count(*) FROM audit_log)
                    || ' ' || (SELECT count(*) FROM event_publication)""").query(String.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** Runs as the demo city's leader (scope: every unit), logged in through the form like a person. */
    private <T> T asLeader(java.util.function.Supplier<T> work) {
        try {
            var session = mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin()
                    .user("leader1").password(cn.zhifa.Tokens.DEMO_PASSWORD)).andReturn().getRequest().getSession();
            org.springframework.security.core.context.SecurityContextHolder.setContext(
                    (org.springframework.security.core.context.SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT"));
            return work.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }
}
