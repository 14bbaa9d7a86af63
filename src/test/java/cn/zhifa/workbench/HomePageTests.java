package cn.zhifa.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The 工作台 reads only the officer's first open tasks and still says how many there are in all. */
@ZhifaIntegrationTest
class HomePageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void an_officers_home_shows_the_first_five_open_tasks_oldest_month_first_and_the_total_of_all() throws Exception {
        LocalDate month = YearMonth.from(LocalDate.now(clock)).atDay(1);
        List<Long> open = jdbc.sql("""
                        SELECT t.id FROM inspection_task t JOIN inspection_task_member m ON m.inspection_task = t.id
                        JOIN app_user u ON u.id = m.user_id WHERE u.username = 'officer1'
                        AND t.status IN ('ASSIGNED', 'IN_PROGRESS') AND t.due_month <= :month ORDER BY t.due_month, t.id""")
                .param("month", month).query(Long.class).list();
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("officer1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        String home = mvc.perform(get("/").session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(home).contains("全部 <span>" + open.size() + "</span> 项");
        Matcher shown = Pattern.compile("data-task=\"(\\d+)\"").matcher(home);
        List<Long> tasks = shown.results().map(m -> Long.parseLong(m.group(1))).toList();
        assertThat(tasks).isEqualTo(open.subList(0, Math.min(HomePage.TODAY_TASKS_SHOWN, open.size())));
    }
}
