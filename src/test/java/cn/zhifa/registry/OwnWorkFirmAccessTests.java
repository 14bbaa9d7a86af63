package cn.zhifa.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * officer1 opens (profile page and enterprise API) a firm outside his brigade's data scope when it is part of his own
 * work — an inspection task he is on, a hazard he found, a case he handles — and is refused (403) one that is not.
 */
@ZhifaIntegrationTest
class OwnWorkFirmAccessTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    long officer1;
    MockHttpSession session;
    String token;

    /** Firms outside officer1's subtree that are no work of his. */
    private static final String FOREIGN = """
            e.organization_id NOT IN (SELECT o.id FROM organization o WHERE o.path LIKE (SELECT uo.path FROM app_user u
                JOIN organization uo ON uo.id = u.organization_id WHERE u.id = :me) || '%')
            AND NOT EXISTS (SELECT 1 FROM inspection_task t JOIN inspection_task_member m ON m.inspection_task = t.id
                            WHERE t.enterprise_id = e.id AND m.user_id = :me)
            AND NOT EXISTS (SELECT 1 FROM inspection_record r JOIN inspection_record_member m ON m.inspection_record = r.id
                            WHERE r.enterprise_id = e.id AND m.user_id = :me)
            AND NOT EXISTS (SELECT 1 FROM hazard h WHERE h.enterprise_id = e.id
                            AND (h.found_by = :me OR h.reinspected_by = :me OR h.closed_by = :me))
            AND NOT EXISTS (SELECT 1 FROM penalty_case c WHERE c.enterprise_id = e.id
                            AND (c.handler_id = :me OR c.co_handler_id = :me))
            AND NOT EXISTS (SELECT 1 FROM township_lead l WHERE l.enterprise_id = e.id AND l.assignee_id = :me)""";

    @BeforeEach
    void login() throws Exception {
        officer1 = jdbc.sql("SELECT id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        session = (MockHttpSession) mvc.perform(formLogin().user("officer1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        token = Tokens.bearer(mvc, "officer1");
    }

    private int page(long firm) throws Exception {
        return mvc.perform(get("/registry/enterprises/" + firm).session(session)).andReturn().getResponse().getStatus();
    }

    private int api(long firm) throws Exception {
        return mvc.perform(get("/api/v1/enterprises/" + firm).header("Authorization", token)).andReturn().getResponse().getStatus();
    }

    private void opens(long firm) throws Exception {
        assertThat(page(firm)).as("profile page of firm %d", firm).isEqualTo(200);
        assertThat(api(firm)).as("enterprise API of firm %d", firm).isEqualTo(200);
    }

    private void refused(long firm) throws Exception {
        assertThat(page(firm)).as("profile page of firm %d", firm).isEqualTo(403);
        assertThat(api(firm)).as("enterprise API of firm %d", firm).isEqualTo(403);
    }

    @Test
    void a_firm_outside_the_scope_opens_only_while_it_is_part_of_his_own_work() throws Exception {
        List<Long> strangers = jdbc.sql("SELECT e.id FROM enterprise e WHERE " + FOREIGN + " ORDER BY e.id LIMIT 5")
                .param("me", officer1).query(Long.class).list();
        assertThat(strangers).as("the demo has firms outside officer1's scope").isNotEmpty();
        refused(strangers.get(0));
    }

    /** A firm outside officer1's scope and no work of his (the demo's other districts and townships). */
    private long stranger() {
        return jdbc.sql("SELECT e.id FROM enterprise e WHERE " + FOREIGN + " AND e.merged_into IS NULL ORDER BY e.id LIMIT 1")
                .param("me", officer1).query(Long.class).single();
    }

    /**
     * Moves one row of his own work (table, id) to the stranger firm while the check runs: the firm opens then, and is
     * refused again once the row is back.
     */
    private void opensWhileHisWorkNamesIt(String table, long rowId) throws Exception {
        long firm = stranger();
        refused(firm);
        Long was = jdbc.sql("SELECT enterprise_id FROM " + table + " WHERE id = :id").param("id", rowId)
                .query((rs, n) -> rs.getObject(1, Long.class)).list().get(0);
        jdbc.sql("UPDATE " + table + " SET enterprise_id = :firm WHERE id = :id").param("firm", firm).param("id", rowId).update();
        try {
            opens(firm);
        } finally {
            jdbc.sql("UPDATE " + table + " SET enterprise_id = :was WHERE id = :id").param("was", was, java.sql.Types.BIGINT)
                    .param("id", rowId).update();
        }
        refused(firm);
    }

    @Test
    void an_inspection_task_he_is_on_opens_its_firm() throws Exception {
        long task = jdbc.sql("""
                        SELECT t.id FROM inspection_task t JOIN inspection_task_member m ON m.inspection_task = t.id
                        WHERE m.user_id = :me AND NOT EXISTS (SELECT 1 FROM inspection_record r WHERE r.task_id = t.id)
                        ORDER BY t.id LIMIT 1""")
                .param("me", officer1).query(Long.class).optional()
                .orElseThrow(() -> new AssertionError("officer1 is on a demo task"));
        opensWhileHisWorkNamesIt("inspection_task", task);
    }

    @Test
    void a_hazard_he_found_opens_its_firm() throws Exception {
        long hazard = jdbc.sql("SELECT id FROM hazard WHERE found_by = :me ORDER BY id LIMIT 1")
                .param("me", officer1).query(Long.class).optional()
                .orElseThrow(() -> new AssertionError("officer1 found a demo hazard"));
        opensWhileHisWorkNamesIt("hazard", hazard);
    }

    @Test
    void a_case_he_handles_opens_its_firm() throws Exception {
        long unit = jdbc.sql("SELECT organization_id FROM app_user WHERE id = :me").param("me", officer1).query(Long.class).single();
        String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/cases")
                        .header("Authorization", token).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("""
                                {"source": "INSPECTION", "kind": "ENFORCEMENT", "organizationId": %d, "partyKind": "UNIT",
                                 "partyName": "承办范围测试有限公司", "partyCode": "91350100M000100Y43", "legalRepresentative": "赵某",
                                 "address": "示例市东城区", "title": "未按规定开展安全生产教育和培训"}""".formatted(unit)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();
        assertThat(jdbc.sql("SELECT handler_id FROM penalty_case WHERE id = :id").param("id", id).query(Long.class).single())
                .as("officer1 handles the case he opened").isEqualTo(officer1);
        opensWhileHisWorkNamesIt("penalty_case", id);
    }
}
