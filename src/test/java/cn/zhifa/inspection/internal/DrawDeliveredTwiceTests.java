package cn.zhifa.inspection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.inspection.InspectionFixtures;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.planning.DrawMode;
import cn.zhifa.planning.InspectionTasksDrawn;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.registry.OfficerSummary;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;

/**
 * Issue 18: the same 双随机 draw delivered twice at the same moment (two nodes, or a republication racing the first
 * delivery) still becomes one task per drawn firm.
 */
@ZhifaIntegrationTest
class DrawDeliveredTwiceTests {

    @Autowired
    PlanningFeed feed;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserManagement users;
    @Autowired
    OrganizationManagement organizations;
    @Autowired
    OfficerManagement officers;
    @Autowired
    Clock clock;

    @Test
    void two_simultaneous_deliveries_of_a_draw_make_one_task_per_firm() throws Exception {
        LocalDate today = LocalDate.now(clock);
        long brigade = users.findByUsername("leader1").orElseThrow().organizationId();
        List<OfficerSummary> certified = officers.certifiedOfficers(organizations.subtreeIds(brigade), today);
        List<Long> team = List.of(certified.get(0).userId(), certified.get(1).userId());
        List<InspectionTasksDrawn.Task> tasks = new ArrayList<>();
        for (int offset = 51; offset < 55; offset++) {
            tasks.add(new InspectionTasksDrawn.Task(InspectionFixtures.enterpriseVisibleTo(jdbc, "leader1", offset).id(),
                    team, List.of()));
        }
        long drawId = 700_000 + System.nanoTime() % 100_000;
        InspectionTasksDrawn drawn = new InspectionTasksDrawn(drawId, brigade, DrawMode.OWN, YearMonth.from(today),
                "AQ-01", "安全生产双随机抽查", "《安全生产法》第六十五条", tasks);
        PlanningFeed direct = AopTestUtils.getTargetObject(feed); // the listener body itself, on this test's threads

        ExecutorService twoNodes = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<Void>> deliveries = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                deliveries.add(CompletableFuture.runAsync(() -> {
                    try {
                        together.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    direct.on(drawn);
                }, twoNodes));
            }
            CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            twoNodes.shutdownNow();
        }
        direct.on(drawn); // and a third, later delivery

        String ref = PlanningFeed.DRAW_REF + drawId + " 安全生产双随机抽查";
        List<Long> perFirm = jdbc.sql("""
                        SELECT count(*) FROM inspection_task WHERE source = 'DRAW' AND source_ref = ?
                        GROUP BY enterprise_id ORDER BY enterprise_id""")
                .param(ref).query(Long.class).list();
        assertThat(perFirm).as("one task for each of the four drawn firms").containsExactly(1L, 1L, 1L, 1L);
    }
}
