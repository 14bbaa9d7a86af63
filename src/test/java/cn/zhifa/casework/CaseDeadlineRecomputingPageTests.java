package cn.zhifa.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The 案件期限 list with more marked cases than a read recomputes (zhifa.casework.deadlines.read-refresh-max, 500): the
 * page answers at once from the model as it is and says the deadlines are being recomputed; once the background run
 * has finished, the notice is gone.
 */
@ZhifaIntegrationTest
class CaseDeadlineRecomputingPageTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired CaseDeadlines deadlines;

    @Test
    void the_list_says_the_deadlines_are_being_recomputed_while_a_mass_recomputation_runs() throws Exception {
        deadlines.refresh();
        MockHttpSession leader = (MockHttpSession) mvc.perform(formLogin().user("leader1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        assertThat(page(leader)).doesNotContain("deadlines-recomputing");

        // as many marks as an import leaves (ids of no case: the recomputation only removes them)
        jdbc.sql("INSERT INTO case_deadline_stale (penalty_case, marked) SELECT g, nextval('case_deadline_stale_seq')"
                + " FROM generate_series(900000000, 900020000) g").update();

        assertThat(page(leader)).contains("id=\"deadlines-recomputing\"").contains("案〔");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !deadlines.recomputing()
                && jdbc.sql("SELECT count(*) FROM case_deadline_stale").query(Long.class).single() == 0);
        assertThat(page(leader)).doesNotContain("deadlines-recomputing");
    }

    private String page(MockHttpSession session) throws Exception {
        return mvc.perform(get("/cases/deadlines").session(session)).andReturn().getResponse().getContentAsString();
    }
}
