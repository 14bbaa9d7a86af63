package cn.zhifa.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.inspection.FindingsRecorded;
import cn.zhifa.inspection.InspectionFixtures;
import cn.zhifa.organization.UserManagement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Issue 18: a FindingsRecorded delivered a second time registers no hazard twice, free findings included. */
@ZhifaIntegrationTest
class FindingsDeliveredTwiceTests {

    @Autowired
    HazardManagement hazards;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserManagement users;
    @Autowired
    Clock clock;

    @Test
    void the_second_delivery_of_the_same_findings_adds_nothing() {
        LocalDate today = LocalDate.now(clock);
        var officer = users.findByUsername("officer1").orElseThrow();
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 61);
        long recordId = 8_000_000_000L + System.nanoTime() % 1_000_000_000L;
        FindingsRecorded recorded = new FindingsRecorded(recordId, recordId, officer.organizationId(), firm.id(), firm.name(),
                today, List.of(officer.id()), List.of(
                new FindingsRecorded.Finding(null, "消防通道堆放杂物", null, false, null, "一号仓库", today.plusDays(10), null, List.of()),
                new FindingsRecorded.Finding(null, "配电箱未上锁", null, false, null, "配电室", today.plusDays(10), null, List.of()),
                new FindingsRecorded.Finding("AQ-1-01", "未建立安全生产责任制", null, false, null, null, today.plusDays(10), null,
                        List.of())),
                false, null);

        transaction.executeWithoutResult(status -> hazards.on(recorded));
        transaction.executeWithoutResult(status -> hazards.on(recorded));

        assertThat(jdbc.sql("SELECT description FROM hazard WHERE record_id = ? ORDER BY description").param(recordId)
                .query(String.class).list())
                .containsExactlyInAnyOrder("未建立安全生产责任制", "消防通道堆放杂物", "配电箱未上锁");
    }
}
