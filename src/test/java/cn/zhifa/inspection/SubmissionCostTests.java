package cn.zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.EventPublications;
import cn.zhifa.StatementCount;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.organization.UserManagement;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 18, load-independent guards on what one terminal submission costs: the statements on the request thread (the
 * token, the record, its hazards, the audit entry) and the event publications it stores, each of which is delivered
 * in one transaction (shared.scheduling.ListenerTransactions). A record with general hazards only, submitted on site: the monitoring patrol list (online
 * records only) and the credit file (major hazards only) get no publication; the officers' enforcement acts and the
 * firm's timeline entry travel in one.
 */
@ZhifaIntegrationTest
class SubmissionCostTests {

    /**
     * Counted on MockMvc after issue 18's request-side work (was 61 over HTTP, 9 publications; then 36 here, in 3
     * transactions), each JDBC batch logged twice: no look-up of the user's unit for a page shell the API does not render,
     * the team's certificates in one statement without their history, the hazards in one batch without first reading
     * the record's registered items or asking inspection for the 专项, the documents settings of the unit and its
     * ancestors in one statement.
     */
    static final int REQUEST_STATEMENTS = 29;
    /** The submission's own (the key, the record, its hazards) and the audit entry's after it. */
    static final int REQUEST_TRANSACTIONS = 2;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserManagement users;
    @Autowired LegalCalendar calendar;

    @Test
    @SuppressWarnings("unchecked")
    void an_on_site_record_with_general_hazards_stores_five_publications_and_its_acts_arrive_in_one() throws Exception {
        String token = Tokens.bearer(mvc, "officer1");
        long a = users.findByUsername("officer1").orElseThrow().id();
        long b = users.findByUsername("officer2").orElseThrow().id();
        long firm = InspectionFixtures.enterprise(jdbc, 211).id();
        LocalDate deadline = calendar.addWorkingDays(LocalDate.now(ZoneId.of("Asia/Shanghai")), 10).due();
        long task = InspectionFixtures.createdTask(mvc, token, a, b, firm);
        String body = InspectionFixtures.twoHazardsRecordJson(task, a, b, deadline);

        String[] answer = new String[1];
        StatementCount count = StatementCount.of(() -> answer[0] = mvc.perform(post("/api/v1/inspection/records")
                        .header("Authorization", token).header("Idempotency-Key", InspectionFixtures.key())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        long record = ((Number) JsonPath.read(answer[0], "$.id")).longValue();

        List<String> publications = count.sql().stream().filter(s -> s.contains("INSERT INTO EVENT_PUBLICATION")).toList();
        assertThat(publications).as("reporting's visit, planning's visit, the registry's acts, reporting's hazards, the documents")
                .hasSize(5);
        assertThat(count.statements()).as(String.join("\n", count.sql())).isLessThanOrEqualTo(REQUEST_STATEMENTS);
        assertThat(count.transactions()).as("transactions begun on the request thread").isEqualTo(REQUEST_TRANSACTIONS);
        assertThat(jdbc.sql("SELECT count(*) FROM hazard WHERE record_id = ? AND item_code IN ('AQ-22', 'AQ-28') AND version = 1")
                .param(record).query(Long.class).single()).as("both failed items registered as hazards, once").isEqualTo(2);
        assertThat((List<String>) JsonPath.read(answer[0], "$.documents[*].state")).containsExactly("PENDING", "PENDING");

        // the acts and the timeline entry travel in one publication, stored in one transaction: the acts of the entry's
        // day (the firm may have been inspected by the same officers on other days: by the demo city or an earlier test)
        EventPublications.awaitArrival(jdbc, "the firm's timeline entry", () -> jdbc.sql(
                        "SELECT count(*) FROM enterprise_timeline WHERE enterprise_id = ? AND link = ?")
                .params(firm, "/inspection/records/" + record).query(Long.class).single() == 1);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM enforcement_act WHERE enterprise_id = ? AND kind = '检查' AND user_id IN (?, ?)
                        AND occurred_on = (SELECT occurred_on FROM enterprise_timeline WHERE enterprise_id = ? AND link = ?)""")
                .params(firm, a, b, firm, "/inspection/records/" + record).query(Long.class).single())
                .as("both officers' enforcement acts of the visit's day").isEqualTo(2);
        EventPublications.awaitCompleted(jdbc, "EnforcementVisitRecorded");
        EventPublications.awaitRecordDocuments(jdbc);
    }
}
