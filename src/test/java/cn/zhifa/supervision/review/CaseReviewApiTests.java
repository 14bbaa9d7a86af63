package cn.zhifa.supervision.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** 案卷评查 through the API: a plan with 互查, scoring with a veto and deductions, problems replied to, the DOCX report. */
@ZhifaIntegrationTest
class CaseReviewApiTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserManagement users;

    @Test
    void a_plan_is_scored_its_problems_replied_to_and_reported() throws Exception {
        UserView leader = users.findByUsername("leader1").orElseThrow();
        UserView supervisor = users.findByUsername("supervisor1").orElseThrow();
        assertThat(supervisor.organizationId()).isNotEqualTo(leader.organizationId());
        Map<String, Object> kase = jdbc.sql("""
                        SELECT id, EXTRACT(YEAR FROM proposed_on)::int AS year FROM penalty_case
                        WHERE organization_id = ? AND stage IN ('DECIDED','CLOSED','ARCHIVED') ORDER BY id LIMIT 1""")
                .param(leader.organizationId()).query().singleRow();
        String sup = Tokens.bearer(mvc, "supervisor1");
        String lead = Tokens.bearer(mvc, "leader1");

        // 互查: the only reviewer is of the case's own unit → refused, nothing stored
        long plansBefore = jdbc.sql("SELECT count(*) FROM case_review_plan").query(Long.class).single();
        MockHttpServletResponse own = call(post("/api/v1/supervision/case-reviews"), sup, """
                {"year":%d,"name":"本单位互查","unitIds":[%d],"caseIds":[%d],"reviewerIds":[%d]}"""
                .formatted(kase.get("year"), leader.organizationId(), kase.get("id"), leader.id()));
        assertThat(own.getStatus()).isEqualTo(422);
        assertThat(own.getContentAsString(StandardCharsets.UTF_8)).contains("不得评查本单位的案卷");
        assertThat(jdbc.sql("SELECT count(*) FROM case_review_plan").query(Long.class).single()).isEqualTo(plansBefore);

        MockHttpServletResponse created = call(post("/api/v1/supervision/case-reviews"), sup, """
                {"year":%d,"name":"测试评查计划","unitIds":[%d],"caseIds":[%d],"reviewerIds":[%d,%d]}"""
                .formatted(kase.get("year"), leader.organizationId(), kase.get("id"), leader.id(), supervisor.id()));
        assertThat(created.getStatus()).isEqualTo(201);
        String plan = created.getContentAsString(StandardCharsets.UTF_8);
        long planId = ((Number) JsonPath.read(plan, "$.id")).longValue();
        long fileId = ((Number) JsonPath.read(plan, "$.files[0].id")).longValue();
        assertThat((String) JsonPath.read(plan, "$.files[0].reviewerName")).isEqualTo(supervisor.displayName());
        assertThat((String) JsonPath.read(plan, "$.files[0].grade")).isEqualTo("待评查");

        String standard = call(get("/api/v1/supervision/case-review-standard"), sup, null).getContentAsString(StandardCharsets.UTF_8);
        assertThat(((Number) JsonPath.read(standard, "$.fullPoints")).doubleValue()).isEqualTo(100.0);
        List<Number> vetoIds = JsonPath.read(standard, "$.items[?(@.veto == true)].id");
        List<Number> evidence = JsonPath.read(standard, "$.items[?(@.group == 'EVIDENCE' && @.veto == false)].id");
        List<Number> archive = JsonPath.read(standard, "$.items[?(@.group == 'ARCHIVE')].id");

        // the case unit's leader is not the reviewer
        String marks = """
                {"version":0,"marks":[{"itemId":%d,"deducted":3,"comment":"询问笔录缺少被询问人签名"},
                 {"itemId":%d,"deducted":2,"comment":"卷内目录无页码"}]}""".formatted(evidence.get(0).longValue(), archive.get(0).longValue());
        assertThat(call(post("/api/v1/supervision/case-reviews/" + planId + "/files/" + fileId + "/score"), lead, marks)
                .getContentAsString(StandardCharsets.UTF_8)).contains("只有分配的评查人员");
        MockHttpServletResponse tooMuch = call(post("/api/v1/supervision/case-reviews/" + planId + "/files/" + fileId + "/score"), sup,
                """
                {"version":0,"marks":[{"itemId":%d,"deducted":99,"comment":"x"}]}""".formatted(archive.get(0).longValue()));
        assertThat(tooMuch.getStatus()).isEqualTo(422);
        assertThat(tooMuch.getContentAsString(StandardCharsets.UTF_8)).contains("扣分应在");
        String scored = call(post("/api/v1/supervision/case-reviews/" + planId + "/files/" + fileId + "/score"), sup, marks)
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(((Number) JsonPath.read(scored, "$.score")).doubleValue()).isEqualTo(95.0);
        assertThat((String) JsonPath.read(scored, "$.grade")).isEqualTo("优秀");
        assertThat(vetoIds).isNotEmpty();

        String detail = call(get("/api/v1/supervision/case-reviews/" + planId), lead, null).getContentAsString(StandardCharsets.UTF_8);
        List<Number> problems = JsonPath.read(detail, "$.problems[*].id");
        assertThat(problems).hasSize(2);
        assertThat((String) JsonPath.read(detail, "$.problems[0].unitName")).isEqualTo(leader.organizationName());
        assertThat(((Number) JsonPath.read(detail, "$.summary.problemsByGroup.事实证据")).intValue()).isEqualTo(1);
        assertThat(((Number) JsonPath.read(detail, "$.summary.grades.优秀")).intValue()).isEqualTo(1);

        MockHttpServletResponse reply = call(post("/api/v1/supervision/case-reviews/problems/" + problems.get(0) + "/reply"), lead,
                """
                {"reply":"已组织补签并开展文书制作培训"}""");
        assertThat(reply.getStatus()).isEqualTo(204);
        assertThat(call(post("/api/v1/supervision/case-reviews/problems/" + problems.get(0) + "/reply"), lead, """
                {"reply":"again"}""").getStatus()).isEqualTo(409);

        MockHttpSession leaderSession = (MockHttpSession) mvc.perform(formLogin().user("leader1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        String page = mvc.perform(get("/supervision/case-reviews/" + planId).session(leaderSession)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("测试评查计划").contains("卷内目录无页码").contains("已组织补签并开展文书制作培训")
                .contains("95.0 分 · 优秀").doesNotContain("EVIDENCE").doesNotContain("DONE_LATE");

        String list = call(get("/api/v1/supervision/case-reviews"), sup, null).getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<Number>>read(list, "$.items[*].id").stream().map(Number::longValue)).contains(planId);
        assertThat(((Number) JsonPath.read(list, "$.total")).intValue()).isPositive();

        MockHttpServletResponse docx = call(get("/api/v1/supervision/case-reviews/" + planId + "/report.docx"), sup, null);
        assertThat(docx.getContentType()).contains("wordprocessingml");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.getContentAsByteArray()));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("案卷评查情况报告").contains("共抽取案卷 1 件，已评查 1 件，平均得分 95.0 分")
                    .contains("询问笔录缺少被询问人签名").contains("已组织补签并开展文书制作培训").contains("立卷归档");
        }

        // an edit of a standard already used by a plan makes a new version; the plan keeps its own
        MockHttpServletResponse edited = call(put("/api/v1/supervision/case-review-standard/items/" + archive.get(0)), sup, """
                {"text":"案卷按立卷顺序装订，卷内目录、页码齐全，结案后及时归档","points":5,"veto":false}""");
        assertThat(edited.getStatus()).isEqualTo(200);
        String now = edited.getContentAsString(StandardCharsets.UTF_8);
        assertThat(((Number) JsonPath.read(now, "$.version")).intValue()).isGreaterThan(((Number) JsonPath.read(standard, "$.version")).intValue());
        assertThat(now).contains("结案后及时归档");
        assertThat(call(get("/api/v1/supervision/case-reviews/" + planId), sup, null).getContentAsString(StandardCharsets.UTF_8))
                .contains("卷内目录无页码").doesNotContain("结案后及时归档");
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String token, String json) throws Exception {
        request.header("Authorization", token);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request).andReturn().getResponse();
    }
}
