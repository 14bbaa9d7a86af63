package cn.zhifa.accident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rest of an accident's lifecycle on the API, as a terminal or another system drives it: 快报 → investigation (team,
 * the one extension) → report → 批复 proposing the two cases (Idempotency-Key: a retry proposes nothing more) → measure
 * done → evaluation; refusals are problem details in Chinese with nothing changed, and the roles are the pages' roles.
 */
@ZhifaIntegrationTest
class AccidentApiTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired java.time.Clock clock;

    @Test
    void an_accident_goes_from_its_first_report_to_the_approval_and_the_evaluation_on_the_api() throws Exception {
        long firm = jdbc.sql("SELECT e.id FROM enterprise e JOIN organization o ON o.id = e.organization_id JOIN app_user u "
                        + "ON o.path LIKE (SELECT path FROM organization WHERE id = u.organization_id) || '%' "
                        + "WHERE u.username = 'officer1' AND e.status = 'OPERATING' ORDER BY e.id DESC LIMIT 1")
                .query(Long.class).single();
        LocalDateTime now = LocalDateTime.now(clock).withSecond(0).withNano(0);
        LocalDate today = now.toLocalDate();
        DateTimeFormatter t = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        String officer = Tokens.bearer(mvc, "officer1");
        String leader = Tokens.bearer(mvc, "leader1");

        MockHttpServletResponse created = call(officer, post("/api/v1/accidents"), UUID.randomUUID().toString(), """
                {"enterpriseId":%d,"title":"“接口”物体打击事故","occurredAt":"%s","receivedAt":"%s","place":"成品库",
                 "kind":"OBJECT_STRIKE","deaths":1,"seriousInjuries":0,"missing":0,"directLossYuan":1200000,"summary":"叉车倒运货物时货物坠落"}"""
                .formatted(firm, t.format(now.minusDays(3)), t.format(now.minusDays(3).plusMinutes(30))));
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        long id = json.readTree(created.getContentAsString()).get("id").asLong();
        String base = "/api/v1/accidents/" + id;

        // a team without a leader: refused in Chinese, the accident still only reported
        MockHttpServletResponse noLeader = call(officer, post(base + "/investigation"), null, """
                {"startedOn":"%s","team":[{"role":"MEMBER","name":"陈立新","unit":"区公安分局"},{"role":"EXPERT","name":"高志远"}]}"""
                .formatted(today.minusDays(2)));
        assertThat(noLeader.getStatus()).isEqualTo(422);
        assertThat(noLeader.getContentAsString()).contains("组长");
        MockHttpServletResponse blankName = call(officer, post(base + "/investigation"), null, """
                {"startedOn":"%s","team":[{"role":"LEADER","name":"","unit":"区应急管理局"},{"role":"MEMBER","name":"陈立新"}]}"""
                .formatted(today.minusDays(2)));
        assertThat(blankName.getStatus()).isEqualTo(400);
        assertThat(blankName.getContentAsString()).contains("请填写成员姓名");
        assertThat(status(id)).isEqualTo("REPORTED");

        JsonNode investigating = ok(call(officer, post(base + "/investigation"), null, """
                {"startedOn":"%s","team":[{"role":"LEADER","name":"刘建国","unit":"区应急管理局"},
                 {"role":"MEMBER","name":"陈立新","unit":"区公安分局"},{"role":"EXPERT","name":"高志远","unit":"专家库"}]}"""
                .formatted(today.minusDays(2))));
        assertThat(investigating.get("status").asString()).isEqualTo("INVESTIGATING");
        assertThat(investigating.get("team")).hasSize(3);

        // the extension is the leader's, and only once
        assertThat(call(officer, post(base + "/investigation/extension"), null, "{\"reason\":\"区政府批准\"}").getStatus()).isEqualTo(403);
        assertThat(ok(call(leader, post(base + "/investigation/extension"), null, "{\"reason\":\"需技术鉴定，区政府已批准延期\"}"))
                .get("investigationExtended").asBoolean()).isTrue();
        MockHttpServletResponse again = call(leader, post(base + "/investigation/extension"), null, "{\"reason\":\"再次延期\"}");
        assertThat(again.getStatus()).isEqualTo(422);
        assertThat(again.getContentAsString()).contains("不能再次延长");

        // no evaluation before the 批复
        MockHttpServletResponse early = call(leader, post(base + "/evaluation"), null,
                "{\"evaluatedOn\":\"%s\",\"result\":\"措施已落实\"}".formatted(today));
        assertThat(early.getStatus()).isEqualTo(422);
        assertThat(early.getContentAsString()).contains("批复后才能评估");

        JsonNode reported = ok(call(officer, post(base + "/report"), null, """
                {"receivedOn":"%s","causes":"货物码放超高，叉车司机无证驾驶","unitResponsible":true,"unitResponsibility":"未落实安全生产责任制",
                 "principalName":"孙立强","principalIncomeYuan":240000,
                 "measures":[{"content":"开展厂内机动车辆专项整治","responsibleUnit":"事故发生单位","due":"%s"},
                             {"content":"全员安全培训","responsibleUnit":"事故发生单位","due":"%s"}]}"""
                .formatted(today.minusDays(1), today.plusDays(30), today.plusDays(60))));
        assertThat(reported.get("status").asString()).isEqualTo("REPORT_SUBMITTED");
        assertThat(reported.get("measures")).hasSize(2);

        // 批复: the officer may not, a blank opinion is refused, the leader's proposes the two cases once per key
        String approval = "{\"approvedOn\":\"%s\",\"text\":\"同意调查报告的原因分析和处理建议\"}".formatted(today);
        assertThat(call(officer, post(base + "/approval"), UUID.randomUUID().toString(), approval).getStatus()).isEqualTo(403);
        MockHttpServletResponse blank = call(leader, post(base + "/approval"), UUID.randomUUID().toString(),
                "{\"approvedOn\":\"%s\",\"text\":\"\"}".formatted(today));
        assertThat(blank.getStatus()).isEqualTo(400);
        assertThat(blank.getContentAsString()).contains("请填写批复意见");
        long casesBefore = count("penalty_case");
        String key = UUID.randomUUID().toString();
        MockHttpServletResponse approved = call(leader, post(base + "/approval"), key, approval);
        assertThat(approved.getStatus()).as(approved.getContentAsString()).isEqualTo(201);
        JsonNode view = json.readTree(approved.getContentAsString());
        assertThat(view.get("status").asString()).isEqualTo("APPROVED");
        assertThat(view.get("cases")).hasSize(2);
        assertThat(view.get("cases").get(0).get("article").asString()).isEqualTo("安全生产法第一百一十四条");
        assertThat(view.get("cases").get(1).get("article").asString()).isEqualTo("安全生产法第九十五条");
        MockHttpServletResponse retried = call(leader, post(base + "/approval"), key, approval);
        assertThat(retried.getStatus()).isEqualTo(201);
        assertThat(json.readTree(retried.getContentAsString()).get("cases")).hasSize(2);
        assertThat(count("penalty_case")).isEqualTo(casesBefore + 2);
        MockHttpServletResponse secondApproval = call(leader, post(base + "/approval"), UUID.randomUUID().toString(), approval);
        assertThat(secondApproval.getStatus()).isEqualTo(422);
        assertThat(count("penalty_case")).isEqualTo(casesBefore + 2);

        // follow-up: a measure done, then the evaluation
        assertThat(call(officer, post(base + "/measures/5/done"), null, "{\"doneOn\":\"%s\"}".formatted(today)).getStatus())
                .isEqualTo(404);
        JsonNode done = ok(call(officer, post(base + "/measures/0/done"), null, "{\"doneOn\":\"%s\"}".formatted(today)));
        assertThat(done.get("measures").get(0).get("doneOn").asString()).isEqualTo(today.toString());
        JsonNode evaluated = ok(call(leader, post(base + "/evaluation"), null,
                "{\"evaluatedOn\":\"%s\",\"result\":\"整改措施已落实，专项整治完成\"}".formatted(today)));
        assertThat(evaluated.get("status").asString()).isEqualTo("EVALUATED");
        assertThat(evaluated.get("evaluationResult").asString()).contains("专项整治完成");
    }

    @Test
    void the_admin_law_page_lists_the_unconfirmed_accident_values() throws Exception {
        MockHttpSession admin = (MockHttpSession) mvc.perform(formLogin().user("admin").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        MockHttpServletResponse page = mvc.perform(get("/admin/law/holidays").session(admin)).andReturn().getResponse();
        page.setCharacterEncoding("UTF-8");
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("事故：较大及以上事故挂牌督办单位：事故查处挂牌督办（按本地规定配置）",
                "事故：事故定级时下落不明人数计入死亡人数");
    }

    private JsonNode ok(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return json.readTree(response.getContentAsString());
    }

    private MockHttpServletResponse call(String bearer, MockHttpServletRequestBuilder call, String key, String body) throws Exception {
        call = call.header("Authorization", bearer);
        if (key != null) {
            call = call.header("Idempotency-Key", key);
        }
        call = call.contentType(MediaType.APPLICATION_JSON).content(body);
        MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    private String status(long id) {
        return jdbc.sql("SELECT status FROM accident WHERE id = ?").param(id).query(String.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
