package cn.zhifa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhifa.hazard.HazardLevel;
import cn.zhifa.hazard.HazardOverdue;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.PoolFilter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ModuleWiringTests}' overdue hazard, delivered twice, many times over: each round must propose one case and
 * complete every publication of the event. Skipped unless asked for:
 * {@code ./mvnw -o -q test -Dtest=RedeliveryRepeatTests -Dzhifa.wiring.rounds=60}. With one event instance published
 * twice (instead of two equal ones) 9 of 60 rounds left a publication open for good (PUBLISHED or PROCESSING, of the
 * case or the credit listener): both deliveries completed the second publication (2026-12-06).
 */
@ZhifaIntegrationTest
@EnabledIfSystemProperty(named = "zhifa.wiring.rounds", matches = "\\d+")
class RedeliveryRepeatTests {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EnterpriseManagement enterprises;
    @Autowired
    OrganizationManagement organizations;

    @Test
    void every_redelivered_overdue_hazard_proposes_one_case_and_completes_its_publications() {
        int rounds = Integer.getInteger("zhifa.wiring.rounds");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long brigade = jdbc.sql("SELECT id FROM organization WHERE name = '东城区应急管理综合行政执法大队'").query(Long.class).single();
        EnterpriseSummary firm = enterprises.pool(PoolFilter.of(Set.copyOf(organizations.subtreeIds(brigade)))).get(0);
        long first = 400_000 + System.nanoTime() % 50_000;
        List<String> open = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long hazardId = first + round;
            for (int delivery = 0; delivery < 2; delivery++) {
                HazardOverdue overdue = new HazardOverdue(hazardId, brigade, firm.id(), firm.name(), "配电箱未接地",
                        HazardLevel.GENERAL, today.minusDays(3), today, "《安全生产法》第一百零二条", "安全生产法第一百零二条", null);
                transaction.executeWithoutResult(status -> events.publishEvent(overdue));
            }
            String pending = "FROM event_publication WHERE completion_date IS NULL AND event_type LIKE '%HazardOverdue' "
                    + "AND serialized_event LIKE ?";
            String tag = "%\"hazardId\":" + hazardId + ",%";
            try {
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        jdbc.sql("SELECT count(*) " + pending).param(tag).query(Long.class).single() == 0);
            } catch (ConditionTimeoutException e) {
                open.add("round " + round + ": " + jdbc.sql("SELECT listener_id || ' ' || coalesce(status, '') " + pending)
                        .param(tag).query(String.class).list());
            }
            assertThat(jdbc.sql("SELECT count(*) FROM penalty_case WHERE source = 'HAZARD' AND source_reference = ?")
                    .param("隐患#" + hazardId).query(Long.class).single()).as("cases of round %d", round).isEqualTo(1);
        }
        System.out.printf("%d rounds of an overdue hazard delivered twice, %d left a publication open%n", rounds, open.size());
        assertThat(open).as("publications left open").isEmpty();
    }
}
