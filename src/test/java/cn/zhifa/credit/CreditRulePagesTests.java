package cn.zhifa.credit;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** ADMIN keeps the dated rule table: the version in force is shown and frozen; a new version starts in the future. */
@ZhifaIntegrationTest
class CreditRulePagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(user).password(Tokens.DEMO_PASSWORD)).andReturn().getRequest().getSession();
    }

    @Test
    void an_admin_copies_the_table_to_a_future_date_and_edits_only_that_version() throws Exception {
        MockHttpSession admin = login("admin");
        MockHttpServletResponse page = mvc.perform(get("/credit/rules").session(admin)).andReturn().getResponse();
        page.setCharacterEncoding("UTF-8");
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("2023-10-01 起施行").contains("现行").contains("其他企业");

        LocalDate future = LocalDate.now(clock).plusYears(1).withDayOfYear(1);
        assertThat(mvc.perform(post("/credit/rules/copy").session(admin).with(csrf()).param("from", "2023-10-01")
                .param("to", future.toString())).andReturn().getResponse().getStatus()).isEqualTo(302);
        long copied = jdbc.sql("SELECT count(*) FROM credit_rule WHERE effective_from = ?").param(future).query(Long.class).single();
        assertThat(copied).isEqualTo(jdbc.sql("SELECT count(*) FROM credit_rule WHERE effective_from = '2023-10-01'").query(Long.class).single());

        assertThat(mvc.perform(post("/credit/rules").session(admin).with(csrf()).param("effectiveFrom", future.toString())
                .param("priority", "45").param("name", "近一年重大隐患两项以上").param("grade", "较差").param("lookbackMonths", "12")
                .param("minMajorHazards", "2")).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(mvc.perform(post("/credit/rules").session(admin).with(csrf()).param("effectiveFrom", future.toString())
                .param("priority", "46").param("name", "错误").param("grade", "优秀")).andReturn().getResponse().getStatus()).isEqualTo(422);
        assertThat(mvc.perform(post("/credit/rules").session(admin).with(csrf()).param("effectiveFrom", "2020-01-01")
                .param("priority", "46").param("name", "追溯").param("grade", "较差")).andReturn().getResponse().getStatus()).isEqualTo(422);

        long inForce = jdbc.sql("SELECT id FROM credit_rule WHERE effective_from = '2023-10-01' ORDER BY priority LIMIT 1").query(Long.class).single();
        assertThat(mvc.perform(post("/credit/rules/" + inForce + "/delete").session(admin).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(422);
        long added = jdbc.sql("SELECT id FROM credit_rule WHERE effective_from = ? AND priority = 45").param(future).query(Long.class).single();
        assertThat(mvc.perform(post("/credit/rules/" + added + "/delete").session(admin).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(302);
        jdbc.sql("DELETE FROM credit_rule WHERE effective_from = ?").param(future).update();

        assertThat(mvc.perform(get("/credit/rules").session(login("leader1"))).andReturn().getResponse().getStatus()).isEqualTo(403);
    }
}
