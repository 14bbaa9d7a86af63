package cn.zhifa.planning;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.UserManagement;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The LEADER's year: grade the district with the rule table, generate the plan, take it through
 * 集体审议 → 批准 → 备案 → 公开, amend it, draw a month's 双随机 tasks and check the public page recomputes them.
 */
@ZhifaIntegrationTest
@Tag("external-db")
@org.springframework.test.context.event.RecordApplicationEvents
class PlanningFlowTests {

    @Autowired
    org.springframework.test.context.event.ApplicationEvents events;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserManagement users;
    @Autowired
    PlanManagement plans;

    MockHttpSession leader;
    long brigade;

    @BeforeEach
    void login() throws Exception {
        leader = (MockHttpSession) mvc.perform(formLogin().user("leader1").password(Tokens.DEMO_PASSWORD)).andReturn()
                .getRequest().getSession();
        brigade = users.findByUsername("leader1").orElseThrow().organizationId();
    }

    /** Service calls as the logged-in leader (MockMvc clears the security context after each request). */
    private <T> T asLeader(java.util.function.Supplier<T> action) {
        var context = (org.springframework.security.core.context.SecurityContext) leader.getAttribute("SPRING_SECURITY_CONTEXT");
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    private MvcResult send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.session(leader).with(csrf())).andReturn();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).session(leader)).andReturn().getResponse().getContentAsString();
    }

    private long idFrom(MvcResult result, String prefix) {
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).as(result.getResponse().getContentAsByteArray().length + " bytes, no redirect").startsWith(prefix);
        return Long.parseLong(location.substring(prefix.length()));
    }

    @Test
    void a_leader_grades_plans_approves_publishes_amends_and_draws_and_the_public_can_recompute_the_draw() throws Exception {
        int year = 2030;
        send(post("/planning/grading/copy").param("org", "" + brigade).param("fromYear", "2026").param("year", "" + year));
        MvcResult graded = send(post("/planning/grading/run").param("org", "" + brigade).param("year", "" + year));
        assertThat(graded.getFlashMap().get("message").toString()).contains("已完成 2030 年度分类分级");
        String results = page("/planning/grading?org=" + brigade + "&year=" + year);
        assertThat(results).contains("A 重点").contains("为何");

        long hazardFirm = jdbc.sql("SELECT enterprise_id FROM planning_grading WHERE year = ? AND rule_name LIKE '%重大危险源%' ORDER BY enterprise_id LIMIT 1")
                .param(year).query(Long.class).single();
        assertThat(page("/planning/grading/firms/" + hazardFirm + "?year=" + year)).contains("重大危险源等级").contains("决定分级");

        long planId = idFrom(send(post("/planning/plans").param("org", "" + brigade).param("year", "" + year)), "/planning/plans/");
        InspectionPlan draft = asLeader(() -> plans.get(planId));
        assertThat(draft.getStatus()).isEqualTo(PlanStatus.DRAFT);
        assertThat(draft.keyFirms()).isNotEmpty().allSatisfy(i -> assertThat(i.grade()).isIn(Grade.A, Grade.B));
        assertThat(draft.getRandomCount()).isPositive();

        send(post("/planning/plans/" + planId + "/campaigns").param("kind", "CONFINED_SPACE").param("riskFeature", "有限空间")
                .param("basis", "示例市有限空间专项执法方案"));
        long firm = draft.keyFirms().get(0).enterpriseId();
        send(post("/planning/plans/" + planId + "/claims").param("enterpriseId", "" + firm).param("departmentId", "" + brigade));
        send(post("/planning/plans/" + planId + "/deliberate").param("meetingDate", "2030-01-08").param("meetingRecord", "局党委会审议通过"));
        assertThat(page("/")).contains("待批准的检查计划");
        send(post("/planning/plans/" + planId + "/approve"));
        String twice = send(post("/planning/plans/" + planId + "/approve")).getResponse().getContentAsString();
        assertThat(twice).contains("不能重复批准");
        send(post("/planning/plans/" + planId + "/file").param("filedWith", "示例市应急管理局"));
        send(post("/planning/plans/" + planId + "/publish"));
        assertThat(asLeader(() -> plans.get(planId)).getStatus()).isEqualTo(PlanStatus.PUBLISHED);

        String noReason = send(post("/planning/plans/" + planId + "/amendments").param("enterpriseId", "" + firm)
                .param("visits", "5").param("reason", "")).getResponse().getContentAsString();
        assertThat(noReason).contains("必须填写理由");
        assertThat(asLeader(() -> plans.get(planId)).getAmendments()).isEmpty();
        send(post("/planning/plans/" + planId + "/amendments").param("enterpriseId", "" + firm).param("visits", "3")
                .param("reason", "接群众投诉，增加一次检查"));
        assertThat(asLeader(() -> plans.get(planId)).getAmendments()).singleElement().satisfies(a -> assertThat(a.number()).isEqualTo(1));
        assertThat(page("/planning/plans/" + planId)).contains("第 1 号变更").contains("部门工作量");

        plans.recordVisit(new VisitCompleted(firm, planId, null, LocalDate.of(year, 3, 5), "KEY", brigade, "test-visit-" + planId));
        plans.recordVisit(new VisitCompleted(firm, planId, null, LocalDate.of(year, 3, 5), "KEY", brigade, "test-visit-" + planId));
        assertThat(asLeader(() -> plans.completion(planId)).done()).isEqualTo(1);
        assertThat(page("/planning/plans/" + planId)).contains("各部门计划与完成");

        long drawId = idFrom(send(post("/planning/draws").param("organizationId", "" + brigade).param("mode", "OWN")
                .param("itemCode", "AQ-01").param("month", year + "-03").param("count", "5").param("teamSize", "2")
                .param("excludeKeyFirms", "true")), "/planning/draws/");
        assertThat(page("/planning/draws/" + drawId)).contains("已冻结待抽取").contains("抽取后公开");
        send(post("/planning/draws/" + drawId + "/execute"));

        String publicPage = mvc.perform(get("/public/draws/" + drawId)).andReturn().getResponse().getContentAsString();
        String seed = jdbc.sql("SELECT seed FROM planning_draw WHERE id = ?").param(drawId).query(String.class).single();
        assertThat(publicPage).contains(seed).contains("zhifa-draw-v1").contains("在线复算");
        assertThat(mvc.perform(get("/public/draws")).andReturn().getResponse().getContentAsString()).contains(year + "-03");

        String recomputed = mvc.perform(get("/public/draws/" + drawId + "/recompute")).andReturn().getResponse().getContentAsString();
        assertThat((Boolean) JsonPath.read(recomputed, "$.resultMatches")).isTrue();
        assertThat((Boolean) JsonPath.read(recomputed, "$.commitmentMatches")).isTrue();

        String candidates = mvc.perform(get("/public/draws/" + drawId + "/candidates.txt")).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String secret = JsonPath.read(recomputed, "$.secret");
        DrawInput input = DrawInput.parse(candidates);
        DrawOutcome outcome = DrawAlgorithm.draw(input, DrawAlgorithm.seed(secret, input.hash(), drawId));
        assertThat(outcome.hash()).isEqualTo(JsonPath.<String>read(recomputed, "$.publishedResultHash"));
        assertThat(outcome.assignments()).hasSize(5).allSatisfy(a -> assertThat(a.officers()).hasSize(2));

        assertThat(events.stream(InspectionTasksDrawn.class).filter(e -> e.drawId() == drawId)).singleElement()
                .satisfies(e -> assertThat(e.tasks()).hasSize(5).allSatisfy(t -> assertThat(t.officerUserIds()).hasSize(2)));
        assertThat(events.stream(PlanEvents.PlanPublished.class).filter(e -> e.planId() == planId)).hasSize(1);

        assertThat(page("/planning/statistics?year=" + year)).contains("每月抽取数量").contains("draw-chart");
        assertThat(page("/planning/caps?year=" + year)).contains("涉企检查频次控制").contains("已达上限");
        assertThat(page("/planning/grading/conflicts?org=" + brigade + "&year=" + year)).contains("层级认领冲突报告");
        assertThat(page("/planning/plans")).contains(String.valueOf(year));
        assertThat(page("/planning/draws")).contains("冻结名单").contains(year + "-03");
        assertThat(page("/planning/recusals")).contains("执法人员回避登记");
    }
}
