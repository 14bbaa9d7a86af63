package cn.zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.planning.DrawMode;
import cn.zhifa.planning.InspectionTasksDrawn;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.registry.OfficerSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** An executed 双随机 draw always becomes tasks: a past month's draw becomes tasks due now, flagged 逾期补做. */
@ZhifaIntegrationTest
class DrawnTasksTests {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserManagement users;
    @Autowired
    OrganizationManagement organizations;
    @Autowired
    OfficerManagement officers;
    @Autowired
    MockMvc mvc;
    @Autowired
    Clock clock;

    @Test
    void a_draw_for_a_past_month_becomes_tasks_due_this_month_flagged_late() throws Exception {
        LocalDate today = LocalDate.now(clock);
        YearMonth drawn = YearMonth.from(today).minusMonths(2);
        long brigade = users.findByUsername("leader1").orElseThrow().organizationId();
        List<OfficerSummary> certified = officers.certifiedOfficers(organizations.subtreeIds(brigade), today);
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "leader1", 41);
        long drawId = 600_000 + System.nanoTime() % 100_000;
        String ref = "抽查#" + drawId + " 安全生产双随机抽查";
        transaction.executeWithoutResult(status -> events.publishEvent(new InspectionTasksDrawn(drawId, brigade, DrawMode.OWN,
                drawn, "AQ-01", "安全生产双随机抽查", "《安全生产法》第六十五条", List.of(new InspectionTasksDrawn.Task(
                firm.id(), List.of(certified.get(0).userId(), certified.get(1).userId()), List.of())))));

        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
                "SELECT count(*) FROM inspection_task WHERE source = 'DRAW' AND source_ref = ?").param(ref).query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT due_month || '|' || planned_month FROM inspection_task WHERE source_ref = ?").param(ref)
                .query(String.class).single()).isEqualTo(YearMonth.from(today).atDay(1) + "|" + drawn.atDay(1));

        MockHttpSession leader = (MockHttpSession) mvc.perform(formLogin().user("leader1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        String list = mvc.perform(get("/inspection/tasks").session(leader)).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("逾期补做（原定" + drawn.getYear() + "年" + drawn.getMonthValue() + "月）");
    }

    @Test
    void a_task_typed_on_the_form_for_a_past_month_is_still_refused() throws Exception {
        long officerA = users.findByUsername("officer1").orElseThrow().id();
        long officerB = users.findByUsername("officer2").orElseThrow().id();
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 42);
        MockHttpSession officer = (MockHttpSession) mvc.perform(formLogin().user("officer1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        long before = jdbc.sql("SELECT count(*) FROM inspection_task WHERE enterprise_id = ?").param(firm.id()).query(Long.class).single();
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/inspection/tasks")
                        .session(officer).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("source", "PLAN").param("enterpriseId", String.valueOf(firm.id())).param("kind", "KEY")
                        .param("mode", "ON_SITE").param("team", String.valueOf(officerA)).param("team", String.valueOf(officerB))
                        .param("dueMonth", YearMonth.now(clock).minusMonths(1).toString()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("计划检查月份不能早于本月");
        assertThat(jdbc.sql("SELECT count(*) FROM inspection_task WHERE enterprise_id = ?").param(firm.id()).query(Long.class).single())
                .isEqualTo(before);
    }
}
