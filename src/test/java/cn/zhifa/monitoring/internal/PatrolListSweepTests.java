package cn.zhifa.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.inspection.DemoActor;
import cn.zhifa.organization.UserManagement;
import java.sql.Date;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The morning sweep prepares each patrolling unit's list of the day without anyone opening the page, drawn as the unit,
 * and a second run the same day adds nothing.
 */
@ZhifaIntegrationTest
class PatrolListSweepTests {

    @Autowired PatrolListSweep sweep;
    @Autowired PatrolLists patrols;
    @Autowired UserManagement users;
    @Autowired JdbcClient jdbc;

    @Test
    void the_morning_sweep_prepares_each_patrolling_units_list_once_a_day() {
        var leader = users.findByUsername("leader1").orElseThrow();
        LocalDate today = patrols.today();
        // the unit patrols: its list of today exists (the page or the demo made it)
        DemoActor.of(leader).run(() -> patrols.listOf(leader.organizationId(), today));
        LocalDate tomorrow = today.plusDays(1);
        try {
            assertThat(patrols.exists(leader.organizationId(), tomorrow)).isFalse();

            int created = sweep.prepare(tomorrow);

            assertThat(created).isPositive();
            assertThat(patrols.exists(leader.organizationId(), tomorrow)).isTrue();
            long items = items(tomorrow);
            assertThat(items).isPositive();
            assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = '生成今日在线巡查名单' AND outcome = 'SUCCESS' AND detail LIKE ?")
                    .param(tomorrow + " %").query(Long.class).single()).isEqualTo(1);

            // the second run of the same day: nothing added, nothing audited
            assertThat(sweep.prepare(tomorrow)).isZero();
            assertThat(items(tomorrow)).isEqualTo(items);
            assertThat(jdbc.sql("SELECT count(*) FROM monitoring_patrol_list WHERE day = ?").param(Date.valueOf(tomorrow))
                    .query(Long.class).single()).isEqualTo(created);
            assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = '生成今日在线巡查名单' AND detail LIKE ?")
                    .param(tomorrow + " %").query(Long.class).single()).isEqualTo(1);
        } finally {
            jdbc.sql("DELETE FROM monitoring_patrol_list WHERE day = ?").param(Date.valueOf(tomorrow)).update();
        }
    }

    private long items(LocalDate day) {
        return jdbc.sql("SELECT count(*) FROM monitoring_patrol_item i JOIN monitoring_patrol_list l ON l.id = i.list_id WHERE l.day = ?")
                .param(Date.valueOf(day)).query(Long.class).single();
    }
}
