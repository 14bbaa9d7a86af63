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

    @Test
    void a_refused_rule_shows_the_table_again_with_the_message_and_what_was_typed() throws Exception {
        MockHttpSession admin = login("admin");
        LocalDate future = LocalDate.now(clock).plusYears(2).withDayOfYear(1);
        MockHttpServletResponse refused = mvc.perform(post("/credit/rules").session(admin).with(csrf())
                .param("effectiveFrom", future.toString()).param("priority", "47").param("name", "近两年处罚三次以上")
                .param("grade", "较差").param("lookbackMonths", "24").param("listed", "false").param("minPenalties", "三次"))
                .andReturn().getResponse();
        refused.setCharacterEncoding("UTF-8");
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("id=\"refusal\"").contains("处罚次数应为整数").contains("信用等级规则表")
                .contains("value=\"近两年处罚三次以上\"").contains("value=\"47\"").contains("value=\"24\"").contains("value=\"三次\"")
                .contains("value=\"" + future + "\"").containsPattern("value=\"较差\"\\s+selected").containsPattern("value=\"false\"\\s+selected");
        assertThat(jdbc.sql("SELECT count(*) FROM credit_rule WHERE effective_from = ?").param(future).query(Long.class).single()).isZero();

        MockHttpServletResponse copy = mvc.perform(post("/credit/rules/copy").session(admin).with(csrf()).param("from", "2023-10-01")
                .param("to", "2020-05-01")).andReturn().getResponse();
        copy.setCharacterEncoding("UTF-8");
        assertThat(copy.getStatus()).isEqualTo(422);
        assertThat(copy.getContentAsString()).contains("新版本的施行日期须晚于今天").contains("value=\"2020-05-01\"");

        MockHttpServletResponse frozen = mvc.perform(post("/credit/rules/" + jdbc.sql(
                "SELECT id FROM credit_rule WHERE effective_from = '2023-10-01' ORDER BY priority LIMIT 1").query(Long.class).single()
                + "/delete").session(admin).with(csrf())).andReturn().getResponse();
        frozen.setCharacterEncoding("UTF-8");
        assertThat(frozen.getStatus()).isEqualTo(422);
        assertThat(frozen.getContentAsString()).contains("已施行的规则版本不能修改").contains("2023-10-01 起施行");
    }

    @Test
    void a_refused_listing_step_shows_the_form_again_with_the_message_not_the_error_page() throws Exception {
        MockHttpSession leader = login("leader1");
        MockHttpServletResponse refused = mvc.perform(post("/credit/listings").session(leader).with(csrf())
                .param("uscc", "91139902MA0000009Z").param("ground", "6-1").param("caseReference", "（东城）应急罚〔2026〕77号"))
                .andReturn().getResponse();
        refused.setCharacterEncoding("UTF-8");
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("未找到该统一社会信用代码的企业").contains("提议列入（其他情形）")
                .contains("value=\"（东城）应急罚〔2026〕77号\"").contains("value=\"91139902MA0000009Z\"");

        long listed = jdbc.sql("SELECT id FROM credit_listing WHERE demo AND status = 'LISTED' ORDER BY id LIMIT 1").query(Long.class).single();
        int version = jdbc.sql("SELECT version FROM credit_listing WHERE id = ?").param(listed).query(Integer.class).single();
        MockHttpServletResponse wrongStep = mvc.perform(post("/credit/listings/" + listed + "/statement").session(leader).with(csrf())
                .param("version", String.valueOf(version)).param("statement", "补充的陈述申辩")).andReturn().getResponse();
        wrongStep.setCharacterEncoding("UTF-8");
        assertThat(wrongStep.getStatus()).isEqualTo(422);
        assertThat(wrongStep.getContentAsString()).contains("id=\"refusal\"").contains("严重失信主体名单");
        assertThat(jdbc.sql("SELECT statement FROM credit_listing WHERE id = ?").param(listed).query(String.class).optional())
                .isNotEqualTo(java.util.Optional.of("补充的陈述申辩"));
    }
}
