package cn.zhifa.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo city has 逢查必考 taken on the officers' inspections in progress, drawn and answered through the quiz API,
 * so the statistics page shows figures; loading again adds nothing.
 */
@ZhifaIntegrationTest
class SpotQuizDemoDataTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SpotQuizDemoData demo;

    @Test
    void the_demo_city_has_answered_quizzes_on_draft_records_and_the_statistics_page_shows_them() throws Exception {
        List<BigDecimal> scores = jdbc.sql("SELECT score FROM spot_quiz WHERE demo AND answered_at IS NOT NULL ORDER BY score DESC")
                .query(BigDecimal.class).list();
        assertThat(scores).extracting(BigDecimal::intValue).containsExactly(100, 80, 40, 20);
        assertThat(jdbc.sql("SELECT count(*) FROM spot_quiz q JOIN inspection_record r ON r.id = q.record_id "
                + "WHERE q.demo AND r.demo AND r.status = 'DRAFT'").query(Long.class).single()).as("taken during the visit").isEqualTo(4);

        demo.load();
        assertThat(jdbc.sql("SELECT count(*) FROM spot_quiz WHERE demo").query(Long.class).single()).as("loading again adds nothing")
                .isEqualTo(4);

        int year = jdbc.sql("SELECT max(answered_at) FROM spot_quiz WHERE demo").query(Timestamp.class).single().toInstant()
                .atZone(SpotQuizzes.ZONE).getYear();
        List<String> firms = jdbc.sql("SELECT enterprise_name FROM spot_quiz WHERE demo").query(String.class).list();
        MockHttpSession leader = (MockHttpSession) mvc.perform(formLogin().user("leader1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        MockHttpServletResponse page = mvc.perform(get("/training/spot-quiz").param("year", String.valueOf(year)).session(leader))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"spot-quiz-total\"", "id=\"spot-quiz-firms\"")
                .doesNotContain("id=\"spot-quiz-none\"").contains(firms);
    }
}
