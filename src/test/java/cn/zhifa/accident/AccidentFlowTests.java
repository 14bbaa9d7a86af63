package cn.zhifa.accident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.inspection.DemoActor;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.reporting.AnnualFigures;
import cn.zhifa.reporting.ReportingManagement;
import cn.zhifa.reporting.WorkFigure;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
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
 * One accident from 快报 to its evaluation: reported on the API (idempotent, bad input refused with nothing stored),
 * re-graded by a 续报, investigated and approved on the pages, the unit's and the principal's cases proposed and linked
 * both ways with suggested amounts, the measures done and the evaluation recorded; the demo unit's annual figures
 * carry the accidents.
 */
@ZhifaIntegrationTest
class AccidentFlowTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired UserManagement users;
    @Autowired ReportingManagement reporting;
    @Autowired java.time.Clock clock;

    @Test
    void an_accident_goes_from_its_first_report_to_the_approval_its_two_cases_and_the_evaluation() throws Exception {
        long firm = jdbc.sql("SELECT e.id FROM enterprise e JOIN organization o ON o.id = e.organization_id JOIN app_user u "
                        + "ON o.path LIKE (SELECT path FROM organization WHERE id = u.organization_id) || '%' "
                        + "WHERE u.username = 'officer1' AND e.status = 'OPERATING' ORDER BY e.id LIMIT 1")
                .query(Long.class).single();
        LocalDateTime now = LocalDateTime.now(clock).withSecond(0).withNano(0);
        LocalDateTime occurred = now.minusDays(2);
        DateTimeFormatter t = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        long before = count("accident");

        // bad input: refused with a Chinese problem detail, nothing stored
        MockHttpServletResponse bad = api(post("/api/v1/accidents"), UUID.randomUUID().toString(), """
                {"enterpriseId":%d,"title":"","occurredAt":"%s","receivedAt":"%s","place":"车间","kind":"POISONING",
                 "deaths":-1,"seriousInjuries":0,"missing":0,"directLossYuan":100,"summary":"经过"}"""
                .formatted(firm, t.format(occurred), t.format(occurred.plusMinutes(30))));
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).containsAnyOf("请填写事故名称", "死亡人数不能为负数");
        assertThat(count("accident")).isEqualTo(before);

        String key = UUID.randomUUID().toString();
        String body = """
                {"enterpriseId":%d,"title":"“测试”中毒窒息事故","occurredAt":"%s","receivedAt":"%s","place":"污水处理车间调节池",
                 "kind":"POISONING","deaths":2,"seriousInjuries":1,"missing":0,"directLossYuan":1800000,"summary":"清淤作业中毒窒息"}"""
                .formatted(firm, t.format(occurred), t.format(occurred.plusMinutes(40)));
        MockHttpServletResponse created = api(post("/api/v1/accidents"), key, body);
        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode view = json.readTree(created.getContentAsString());
        long id = view.get("id").asLong();
        assertThat(view.get("gradeLabel").asString()).isEqualTo("一般事故");
        assertThat(view.get("deadlines").toString()).contains("事故发生单位报告", "上报设区的市级应急管理部门", "续报期限");
        MockHttpServletResponse retried = api(post("/api/v1/accidents"), key, body);
        assertThat(json.readTree(retried.getContentAsString()).get("id").asLong()).isEqualTo(id);
        assertThat(count("accident")).isEqualTo(before + 1);

        // 续报: a third death makes it 较大, the first report kept
        MockHttpServletResponse followed = api(post("/api/v1/accidents/" + id + "/follow-ups"), null, """
                {"reportedAt":"%s","deaths":3,"seriousInjuries":0,"missing":0,"directLossYuan":2600000,"note":"重伤人员抢救无效死亡"}"""
                .formatted(t.format(now.minusDays(1))));
        assertThat(followed.getStatus()).isEqualTo(200);
        JsonNode regraded = json.readTree(followed.getContentAsString());
        assertThat(regraded.get("gradeLabel").asString()).isEqualTo("较大事故");
        assertThat(regraded.get("supervisedBy").asString()).isNotBlank();
        assertThat(regraded.get("reports")).hasSize(2);

        // investigation, report and 批复 on the pages, by the leader
        MockHttpSession leader = login("leader1");
        LocalDate today = now.toLocalDate();
        assertThat(page(leader, post("/accidents/" + id + "/investigation").param("startedOn", today.minusDays(1).toString())
                .param("leader", "刘建国").param("leaderUnit", "市应急管理局").param("members", "陈立新 市公安局\n王海燕 市总工会")
                .param("experts", "高志远 专家库")).getRedirectedUrl()).isEqualTo("/accidents/" + id);
        assertThat(page(leader, post("/accidents/" + id + "/report").param("receivedOn", today.toString())
                .param("causes", "未执行受限空间作业审批，未通风检测").param("unitResponsible", "true")
                .param("unitResponsibility", "安全管理制度不落实").param("principalName", "周建华").param("principalIncomeYuan", "360000")
                .param("measures", "排查受限空间作业点；事故发生单位；" + today.plusDays(30) + "\n专项培训；事故发生单位；" + today.plusDays(60)))
                .getRedirectedUrl()).isEqualTo("/accidents/" + id);
        long casesBefore = count("penalty_case");
        MockHttpServletResponse approved = page(leader, post("/accidents/" + id + "/approve").param("approvedOn", today.toString())
                .param("text", "同意调查报告"));
        assertThat(approved.getRedirectedUrl()).isEqualTo("/accidents/" + id);
        assertThat(lastMessage).contains("处罚案件 2 件");
        assertThat(count("penalty_case")).isEqualTo(casesBefore + 2);

        // the two cases: kind 事故, source 事故调查, 114 (较大 row) for the unit and 95 for the principal, linked to each other
        List<Map<String, Object>> cases = jdbc.sql("""
                        SELECT c.id, c.kind, c.source, c.violation_code, c.party_kind, c.linked_case_id, c.source_reference
                        FROM accident_case ac JOIN penalty_case c ON c.id = ac.case_id WHERE ac.accident_id = :id ORDER BY ac.position""")
                .param("id", id).query().listOfRows();
        assertThat(cases).hasSize(2);
        assertThat(cases).extracting(r -> r.get("violation_code")).containsExactly("114-2", "95-2");
        assertThat(cases).extracting(r -> r.get("kind")).containsOnly("ACCIDENT");
        assertThat(cases).extracting(r -> r.get("source")).containsOnly("ACCIDENT");
        assertThat(cases.get(0).get("linked_case_id")).isEqualTo(cases.get(1).get("id"));
        long unitCase = ((Number) cases.get(0).get("id")).longValue();
        assertThat(mvc.perform(get("/accidents/by-case/" + unitCase).session(leader)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/accidents/" + id);
        JsonNode detail = json.readTree(api(get("/api/v1/accidents/" + id), null, null).getContentAsString());
        assertThat(detail.get("cases")).hasSize(2);
        assertThat(detail.get("cases").get(0).get("suggestion").asString()).contains("较大事故", "罚款");
        assertThat(detail.get("cases").get(1).get("suggestion").asString()).contains("百分之60");
        assertThat(detail.get("status").asString()).isEqualTo("APPROVED");

        // measures, then the evaluation
        page(leader, post("/accidents/" + id + "/measures/0/done").param("doneOn", today.toString()));
        page(leader, post("/accidents/" + id + "/evaluate").param("evaluatedOn", today.toString()).param("result", "措施已落实"));
        JsonNode evaluated = json.readTree(api(get("/api/v1/accidents/" + id), null, null).getContentAsString());
        assertThat(evaluated.get("status").asString()).isEqualTo("EVALUATED");
        assertThat(evaluated.get("measures").get(0).get("doneOn").asString()).isEqualTo(today.toString());

        // the accident page shows the timeline and the deadlines
        String html = mvc.perform(get("/accidents/" + id).session(leader)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("时间线", "续报", "批复", "提出处罚案件", "评估", "提交事故调查报告");
        MockHttpServletResponse list = api(get("/api/v1/accidents?grade=LARGER&size=5"), null, null);
        JsonNode page = json.readTree(list.getContentAsString());
        assertThat(page.has("items") && page.has("total") && page.has("page") && page.has("size")).isTrue();
    }

    @Test
    void the_annual_figures_of_the_demo_unit_count_its_accidents() {
        var leader = users.findByUsername("leader1").orElseThrow();
        int year = jdbc.sql("SELECT CAST(EXTRACT(YEAR FROM occurred_at) AS INT) FROM accident WHERE demo AND title LIKE '%受限空间中毒窒息事故'")
                .query(Integer.class).single();
        AtomicReference<AnnualFigures> figures = new AtomicReference<>();
        DemoActor.of(leader).run(() -> figures.set(reporting.annual(year, leader.organizationId())));
        assertThat(figures.get().workFigures()).filteredOn(w -> w.section().equals("生产安全事故调查处理"))
                .extracting(WorkFigure::label).contains("发生生产安全事故", "死亡", "较大事故");
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(Tokens.DEMO_PASSWORD)).andReturn().getRequest().getSession();
    }

    /** A page command that must succeed: redirected, with no refusal flashed. */
    private MockHttpServletResponse page(MockHttpSession session, MockHttpServletRequestBuilder call) throws Exception {
        org.springframework.test.web.servlet.MvcResult result = mvc.perform(call.session(session).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getFlashMap().get("refusal")).as("refusal").isNull();
        lastMessage = String.valueOf(result.getFlashMap().get("message"));
        return result.getResponse();
    }

    private String lastMessage;

    private MockHttpServletResponse api(MockHttpServletRequestBuilder call, String key, String body) throws Exception {
        call = call.header("Authorization", Tokens.bearer(mvc, "officer1"));
        if (key != null) {
            call = call.header("Idempotency-Key", key);
        }
        if (body != null) {
            call = call.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
