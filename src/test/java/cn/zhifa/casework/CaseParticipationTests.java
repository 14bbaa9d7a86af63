package cn.zhifa.casework;

import static cn.zhifa.casework.CaseApiSupport.firm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhifa.TestClock;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.registry.OfficerManagement;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** 执法参与率 counts case handling: every case step is an enforcement act of the officers who took part in it. */
@ZhifaIntegrationTest
class CaseParticipationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OfficerManagement officers;
    @Autowired
    cn.zhifa.documents.DocumentManagement documents;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long user(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
    }

    private List<String> acts(String username, LocalDate on) {
        return jdbc.sql("SELECT kind FROM enforcement_act WHERE user_id = ? AND occurred_on = ? ORDER BY kind")
                .params(user(username), Date.valueOf(on)).query(String.class).list();
    }

    @Test
    void filing_and_investigating_a_case_count_as_enforcement_acts_of_the_leader_and_both_handlers() throws Exception {
        CaseApiSupport api = new CaseApiSupport(mvc, clock);
        long org = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        cn.zhifa.documents.SampleDocuments.ensureSettings(documents, documents.authorityFor(org).orElseThrow().organizationId());
        LocalDate certifiedOn = LocalDate.now(clock);
        api.today("2029-03-14");
        LocalDate day = LocalDate.of(2029, 3, 14);
        assertThat(acts("officer2", day)).isEmpty();

        long id = api.open("officer1", firm(org, "参与率测试有限公司", "未设置安全警示标志"));
        api.act("leader1", id, "file", Map.of("opinion", "同意立案", "secondHandler", "officer2"));
        api.act("officer1", id, "investigate", Map.of("what", "EVIDENCE", "content", "现场照片三张"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(acts("leader1", day)).contains("案件：立案审批");
            assertThat(acts("officer1", day)).contains("案件：案件来源登记", "案件：证据");
            assertThat(acts("officer2", day)).containsExactly("案件：证据");
        });
        assertThat(officers.statistics(2029, certifiedOn, List.of(org)).participating())
                .as("officer1 and officer2 of the unit took part in 2029 through the case alone").isGreaterThanOrEqualTo(2);
    }
}
