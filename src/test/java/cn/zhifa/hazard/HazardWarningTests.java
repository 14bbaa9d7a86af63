package cn.zhifa.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The hazard register and the hazard page say how a hazard stands in calendar days on the injected clock, worded
 * like the case deadlines: "今日到期" on the deadline, "逾期 N 天" after it.
 */
@ZhifaIntegrationTest
class HazardWarningTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void a_view_words_its_warning_in_calendar_days() {
        LocalDate today = LocalDate.of(2026, 12, 7);
        assertThat(view(today.minusDays(10), true, false).warning(today)).isEqualTo("逾期 10 天");
        assertThat(view(today.minusDays(1), true, false).warning(today)).isEqualTo("逾期 1 天");
        assertThat(view(today, false, true).warning(today)).isEqualTo("今日到期");
        assertThat(view(today.plusDays(2), false, true).warning(today)).isEqualTo("即将到期，还剩 2 天");
        assertThat(view(today.plusDays(20), false, false).warning(today)).isEmpty();
    }

    private static HazardView view(LocalDate deadline, boolean overdue, boolean dueSoon) {
        return new HazardView(1, "企业", 1, HazardLevel.GENERAL, HazardStatus.RECTIFYING, "未对从业人员进行安全生产教育和培训",
                "车间", Measure.ORDER, deadline, deadline.minusDays(30), overdue, dueSoon, false, false, null, 1, "单位");
    }

    @Test
    void register_and_hazard_page_say_due_today_and_days_overdue() throws Exception {
        List<Long> ids = jdbc.sql("""
                        SELECT h.id FROM hazard h JOIN organization o ON o.id = h.organization_id
                        WHERE h.status = 'RECTIFYING' AND h.measure = 'ORDER' AND h.record_id IS NOT NULL
                        AND o.path LIKE (SELECT uo.path FROM app_user u JOIN organization uo ON uo.id = u.organization_id
                                         WHERE u.username = 'leader1') || '%'
                        ORDER BY h.id LIMIT 2""").query(Long.class).list();
        assertThat(ids).as("the demo has hazards under rectification").hasSize(2);
        long dueToday = ids.get(0);
        long overdue = ids.get(1);
        LocalDate today = LocalDate.now(clock);
        Date[] before = ids.stream().map(id -> jdbc.sql("SELECT deadline FROM hazard WHERE id = :id").param("id", id)
                .query(Date.class).single()).toArray(Date[]::new);
        try {
            setDeadline(dueToday, today);
            setDeadline(overdue, today.minusDays(10));
            MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("leader1").password(Tokens.DEMO_PASSWORD))
                    .andReturn().getRequest().getSession();

            String todayPage = page("/hazards/" + dueToday, session);
            assertThat(todayPage).contains("id=\"due-soon-warning\">今日到期</span>").doesNotContain("id=\"overdue-warning\"");
            String overduePage = page("/hazards/" + overdue, session);
            assertThat(overduePage).contains("id=\"overdue-warning\">逾期 10 天未整改</span>");

            String register = page("/hazards?filter=all&size=100&record=" + recordOf(dueToday), session);
            assertThat(card(register, dueToday)).contains(">今日到期</span>");
            register = page("/hazards?filter=overdue&size=100&record=" + recordOf(overdue), session);
            assertThat(card(register, overdue)).contains(">逾期 10 天</span>").doesNotContain("已逾期");
        } finally {
            for (int i = 0; i < ids.size(); i++) {
                jdbc.sql("UPDATE hazard SET deadline = :d WHERE id = :id").param("d", before[i]).param("id", ids.get(i)).update();
            }
        }
    }

    private void setDeadline(long id, LocalDate deadline) {
        jdbc.sql("UPDATE hazard SET deadline = :d WHERE id = :id").param("d", Date.valueOf(deadline)).param("id", id).update();
    }

    private long recordOf(long hazard) {
        return jdbc.sql("SELECT record_id FROM hazard WHERE id = :id").param("id", hazard).query(Long.class).single();
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** The phone card of one hazard in the register. */
    private static String card(String page, long id) {
        int start = page.indexOf("id=\"hazard-" + id + "\"");
        assertThat(start).as("hazard %d is listed", id).isPositive();
        int end = page.indexOf("hazard-card", start);
        return page.substring(start, end < 0 ? page.length() : end);
    }
}
