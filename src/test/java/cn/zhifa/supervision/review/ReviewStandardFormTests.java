package cn.zhifa.supervision.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The 案卷评查 standard edited on its page: refusals shown on the form with every row as typed and nothing stored; a
 * valid form saves a new current version with its groups, points and 否决项, and plans keep the version they were made with.
 */
@ZhifaIntegrationTest
class ReviewStandardFormTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void the_standard_form_refuses_on_the_form_and_saves_a_new_version_that_older_plans_do_not_follow() throws Exception {
        MockHttpSession supervisor = login("supervisor1");
        long previous = jdbc.sql("SELECT id FROM case_review_standard WHERE current").query(Long.class).single();
        Map<Long, Long> planStandards = planStandards();
        long standards = count("case_review_standard"), items = count("case_review_item");

        String page = html(get("/supervision/case-review-standard"), supervisor);
        assertThat(page).contains("案卷评查标准", "standard-form", "执法程序", "历史版本");
        assertThat(html(get("/supervision/case-review-standard"), login("officer1")))
                .as("an officer reads the standard but has no form").contains("案卷评查标准").doesNotContain("standard-form");

        String vetoWithPoints = html(form("评查标准测试版", "90", "60")
                .param("group", "SUBJECT", "PROCEDURE").param("text", "执法主体合法，执法人员持证", "未告知陈述申辩权利，含逗号,也保留")
                .param("points", "10", "5").param("veto", "no", "yes"), supervisor);
        assertThat(vetoWithPoints).contains("standard-form-error", "第2项：否决项不计分")
                .contains("value=\"评查标准测试版\"", "未告知陈述申辩权利，含逗号,也保留");
        String notANumber = html(form("评查标准测试版", "90", "60")
                .param("group", "SUBJECT").param("text", "执法主体合法").param("points", "十分").param("veto", "no"), supervisor);
        assertThat(notANumber).contains("第1项：分值应为数字", "value=\"十分\"");
        String badLine = html(form("评查标准测试版", "95", "60")
                .param("group", "SUBJECT").param("text", "执法主体合法").param("points", "10").param("veto", "no"), supervisor);
        assertThat(badLine).contains("优秀线 ≤ 总分（10分）");
        assertThat(count("case_review_standard")).isEqualTo(standards);
        assertThat(count("case_review_item")).isEqualTo(items);

        MockHttpServletResponse saved = mvc.perform(form("评查标准测试版", "12", "8")
                .param("group", "SUBJECT", "EVIDENCE", "EVIDENCE", "", "ARCHIVE")
                .param("text", "执法主体合法", "证据确凿充分", "证据来源合法", "", "案卷未按规定归档的，评为不合格")
                .param("points", "5", "4.5", "3", "", "0").param("veto", "no", "no", "no", "no", "yes")
                .session(supervisor).with(csrf())).andReturn().getResponse();
        try {
            assertThat(saved.getStatus()).isEqualTo(302);
            assertThat(saved.getRedirectedUrl()).isEqualTo("/supervision/case-review-standard");
            long current = jdbc.sql("SELECT id FROM case_review_standard WHERE current").query(Long.class).single();
            assertThat(current).isNotEqualTo(previous);
            assertThat(jdbc.sql("SELECT count(*) FROM case_review_standard WHERE id = ?").param(previous).query(Long.class).single())
                    .as("the older version is kept").isEqualTo(1L);
            List<String> rows = jdbc.sql("SELECT group_code || ':' || position || ':' || text || ':' || points || ':' || veto "
                    + "FROM case_review_item WHERE standard_id = ? ORDER BY id").param(current).query(String.class).list();
            assertThat(rows).containsExactly("SUBJECT:1:执法主体合法:5.0:false", "EVIDENCE:1:证据确凿充分:4.5:false",
                    "EVIDENCE:2:证据来源合法:3.0:false", "ARCHIVE:1:案卷未按规定归档的，评为不合格:0.0:true");
            assertThat(jdbc.sql("SELECT excellent_min FROM case_review_standard WHERE id = ?").param(current)
                    .query(BigDecimal.class).single()).isEqualByComparingTo("12");
            assertThat(planStandards()).as("plans keep the version they were made with").isEqualTo(planStandards);
            assertThat(html(get("/supervision/case-review-standard"), supervisor))
                    .contains("评查标准测试版", "证据来源合法", "否决项", "已保存并启用");
        } finally {
            jdbc.sql("DELETE FROM case_review_item WHERE standard_id IN (SELECT id FROM case_review_standard WHERE id <> ? AND current)")
                    .param(previous).update();
            jdbc.sql("DELETE FROM case_review_standard WHERE id <> ? AND current").param(previous).update();
            jdbc.sql("UPDATE case_review_standard SET current = true WHERE id = ?").param(previous).update();
        }
    }

    private MockHttpServletRequestBuilder form(String name, String excellent, String pass) {
        return post("/supervision/case-review-standard").param("name", name).param("excellentMin", excellent).param("passMin", pass);
    }

    private String html(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.session(session).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private Map<Long, Long> planStandards() {
        return jdbc.sql("SELECT id, standard_id FROM case_review_plan").query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(user).password(Tokens.DEMO_PASSWORD)).andReturn().getRequest().getSession();
    }
}
