package cn.zhifa.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import cn.zhifa.Tokens;
import cn.zhifa.organization.DataScope;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.WebAttributes;
import cn.zhifa.ZhifaIntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role × action matrix: every state-changing page route and API operation of the application, enumerated
 * from Spring's handler mapping, against the table below (who may do it, by demo user). A new route without a
 * row fails, a role gaining or losing an action fails; every refusal is a 403 before validation, audited as
 * refused, and stores nothing.
 */
@ZhifaIntegrationTest
@Tag("external-db")
class RoleActionMatrixTests {

    /** Demo users, one per role (leader1 is also an officer). */
    static final List<String> USERS = List.of("officer1", "leader1", "legal1", "supervisor1", "admin", "secadmin", "auditor");

    static final String O = "officer1 leader1";
    static final String LEADER = "leader1";
    static final String CASE = "officer1 leader1 legal1";
    static final String ANYONE = "officer1 leader1 legal1 supervisor1 admin secadmin auditor";
    static final String PUBLIC = "public";

    /** Who may: the table kept here, not read from the code. */
    static final Map<String, String> EXPECTED = new TreeMap<>(Map.ofEntries(
            // organisation, users, security policy, login
            Map.entry("POST /admin/organizations", "admin"),
            Map.entry("POST /admin/organizations/{id}", "admin"),
            Map.entry("POST /admin/organizations/{id}/move", "admin"),
            Map.entry("POST /admin/users", "admin"),
            Map.entry("POST /admin/users/{id}", "admin"),
            Map.entry("POST /admin/users/{id}/password", "admin secadmin"),
            Map.entry("POST /admin/users/{id}/unlock", "admin secadmin"),
            Map.entry("POST /admin/users/{id}/enabled", "admin secadmin"),
            Map.entry("POST /admin/users/{id}/roles", "secadmin"),
            Map.entry("POST /api/v1/users", "admin"),
            Map.entry("POST /admin/security-policy", "secadmin"),
            Map.entry("POST /api/v1/auth/token", PUBLIC),
            Map.entry("POST /profile/password", ANYONE),
            Map.entry("POST /api/v1/auth/logout", ANYONE),
            Map.entry("POST /api/v1/auth/password", ANYONE),
            Map.entry("POST /admin/users/approvals/{approval}/approve", "admin secadmin"),
            Map.entry("POST /admin/users/approvals/{approval}/reject", "admin secadmin"),
            Map.entry("POST /admin/users/{id}/second-factor/reset", "admin secadmin"),
            Map.entry("POST /profile/second-factor/start", ANYONE),
            Map.entry("POST /profile/second-factor/confirm", ANYONE),
            Map.entry("POST /login/second-factor", ANYONE),
            Map.entry("POST /admin/law/holidays", "admin"),
            // registry
            Map.entry("POST /registry/enterprises", O),
            Map.entry("POST /registry/enterprises/{id}", O),
            Map.entry("POST /registry/enterprises/{id}/merge", O),
            Map.entry("POST /registry/import", O),
            Map.entry("POST /api/v1/enterprises", O),
            Map.entry("POST /registry/agencies", O),
            Map.entry("POST /registry/agencies/{id}/clients", O),
            Map.entry("POST /registry/agencies/{id}/clients/end", O),
            Map.entry("POST /registry/agencies/{id}/qualification", O),
            Map.entry("POST /registry/agencies/{id}/suspend", LEADER),
            Map.entry("POST /registry/agencies/{id}/restore", LEADER),
            Map.entry("POST /registry/agencies/{id}/revoke", LEADER),
            Map.entry("POST /registry/officers/certificates", LEADER),
            Map.entry("POST /registry/officers/certificates/{id}/renew", LEADER),
            Map.entry("POST /registry/officers/certificates/{id}/suspend", LEADER),
            Map.entry("POST /registry/officers/certificates/{id}/reinstate", LEADER),
            Map.entry("POST /registry/officers/certificates/{id}/revoke", LEADER),
            Map.entry("POST /registry/officers/certificates/{id}/town", LEADER),
            Map.entry("POST /registry/officers/trainings", LEADER),
            Map.entry("POST /registry/officers/certificates/{id}/trainings", LEADER),
            Map.entry("POST /registry/supervisors", "leader1 supervisor1"),
            Map.entry("POST /registry/supervisors/{id}", "leader1 supervisor1"),
            Map.entry("POST /registry/supervisors/{id}/term", "leader1 supervisor1"),
            Map.entry("POST /registry/supervisors/{id}/end", "leader1 supervisor1"),
            // planning
            Map.entry("POST /planning/grading/rules", "leader1 admin"),
            Map.entry("POST /planning/grading/rules/{id}/delete", "leader1 admin"),
            Map.entry("POST /planning/grading/copy", "leader1 admin"),
            Map.entry("POST /planning/grading/run", "leader1 admin"),
            Map.entry("POST /planning/plans", LEADER),
            Map.entry("POST /planning/plans/{id}/quota", LEADER),
            Map.entry("POST /planning/plans/{id}/campaigns", LEADER),
            Map.entry("POST /planning/plans/{id}/claims", O),
            Map.entry("POST /planning/plans/{id}/deliberate", LEADER),
            Map.entry("POST /planning/plans/{id}/approve", LEADER),
            Map.entry("POST /planning/plans/{id}/file", LEADER),
            Map.entry("POST /planning/plans/{id}/publish", LEADER),
            Map.entry("POST /planning/plans/{id}/amendments", LEADER),
            Map.entry("POST /planning/caps/extra", O),
            Map.entry("POST /planning/draws", LEADER),
            Map.entry("POST /planning/draws/{id}/execute", LEADER),
            Map.entry("POST /planning/draws/{id}/void", LEADER),
            Map.entry("POST /planning/recusals", LEADER),
            // inspection
            Map.entry("POST /inspection/tasks", O),
            Map.entry("POST /api/v1/inspection/tasks", O),
            Map.entry("POST /inspection/tasks/{id}/notice", O),
            Map.entry("POST /api/v1/inspection/tasks/{id}/notice", O),
            Map.entry("POST /inspection/tasks/{id}/start", O),
            Map.entry("POST /api/v1/inspection/records", O),
            Map.entry("POST /inspection/records/{id}/basics", O),
            Map.entry("POST /inspection/records/{id}/items", O),
            Map.entry("POST /inspection/records/{id}/items/{code}", O),
            Map.entry("POST /inspection/records/{id}/photos", O),
            Map.entry("POST /inspection/records/{id}/signatures/officer", O),
            Map.entry("POST /inspection/records/{id}/signatures/representative", O),
            Map.entry("POST /inspection/records/{id}/submit", O),
            Map.entry("POST /inspection/records/{id}/documents", O),
            Map.entry("POST /api/v1/inspection/records/{id}/documents", O),
            Map.entry("POST /inspection/records/{id}/correction", O),
            Map.entry("POST /inspection/checklists/{id}", "admin"),
            // hazards
            Map.entry("POST /hazards/new", O),
            Map.entry("POST /api/v1/hazards", O),
            Map.entry("POST /hazards/{id}/rectification", O),
            Map.entry("POST /api/v1/hazards/{id}/rectification", O),
            Map.entry("POST /hazards/{id}/reinspection", O),
            Map.entry("POST /api/v1/hazards/{id}/reinspection", O),
            Map.entry("POST /hazards/{id}/confirmation", O),
            Map.entry("POST /api/v1/hazards/{id}/confirmation", O),
            Map.entry("POST /hazards/{id}/closure", O),
            Map.entry("POST /api/v1/hazards/{id}/closure", O),
            Map.entry("POST /hazards/{id}/extension", O),
            Map.entry("POST /hazards/{id}/extension/decision", LEADER),
            Map.entry("POST /hazards/{id}/supervision", LEADER),
            Map.entry("POST /api/v1/hazards/{id}/supervision", LEADER),
            Map.entry("POST /hazards/{id}/exposure", LEADER),
            Map.entry("POST /hazards/report-links", O),
            Map.entry("POST /api/v1/hazards/report-links", O),
            Map.entry("POST /hazard-report/{token}", PUBLIC),
            // cases
            Map.entry("POST /cases", O),
            Map.entry("POST /api/v1/cases", O),
            Map.entry("POST /cases/on-the-spot", O),
            Map.entry("POST /api/v1/cases/on-the-spot", O),
            Map.entry("POST /cases/{id}/{action}", CASE),
            Map.entry("POST /cases/{id}/measures/{number}/testing", O),
            Map.entry("POST /api/v1/cases/{id}/measures/{number}/testing", O),
            Map.entry("POST /cases/{id}/service-address", O),
            Map.entry("POST /api/v1/cases/{id}/service-address", O),
            Map.entry("POST /cases/{id}/services", O),
            Map.entry("POST /api/v1/cases/{id}/services", O),
            Map.entry("POST /cases/{id}/filings/{filingId}", CASE),
            Map.entry("POST /api/v1/cases/{id}/filings/{filingId}", CASE),
            Map.entry("POST /api/v1/cases/{id}/actions/{action}", CASE),
            Map.entry("POST /api/v1/cases/{id}/discretion", CASE),
            Map.entry("POST /cases/{id}/records/{kind}", CASE),
            Map.entry("POST /api/v1/cases/{id}/records/{kind}", CASE),
            Map.entry("POST /cases/{id}/records/{recordId}/preservation-decision", CASE),
            Map.entry("POST /api/v1/cases/{id}/records/{recordId}/preservation-decision", CASE),
            Map.entry("POST /cases/{id}/records/preservation-request", CASE),
            Map.entry("POST /api/v1/cases/{id}/records/preservation-request", CASE),
            Map.entry("POST /cases/{id}/records/{recordId}/preservation-issue", CASE),
            Map.entry("POST /api/v1/cases/{id}/records/{recordId}/preservation-issue", CASE),
            Map.entry("POST /cases/{id}/records/{recordId}/preservation-approval", LEADER),
            Map.entry("POST /api/v1/cases/{id}/records/{recordId}/preservation-approval", LEADER),
            Map.entry("POST /cases/meetings", "leader1 legal1"),
            Map.entry("POST /api/v1/cases/meetings", "leader1 legal1"),
            // evidence and documents
            Map.entry("POST /api/v1/evidence", O),
            Map.entry("POST /documents/{id}/void", O),
            Map.entry("POST /documents/{id}/void/decision", LEADER),
            Map.entry("POST /documents/signature", "officer1 leader1 legal1 supervisor1"),
            Map.entry("POST /documents/settings/{org}", "admin"),
            Map.entry("POST /verify/{code}", PUBLIC),
            // publicity
            Map.entry("POST /publicity/{id}/publish", LEADER),
            Map.entry("POST /publicity/{id}/withdraw", LEADER),
            Map.entry("POST /publicity/{id}/typical", LEADER),
            Map.entry("POST /publicity/{id}/typical/remove", LEADER),
            Map.entry("POST /api/v1/publicity/publications/{id}/publish", LEADER),
            Map.entry("POST /api/v1/publicity/publications/{id}/withdraw", LEADER),
            // credit
            Map.entry("POST /credit/listings", LEADER),
            Map.entry("POST /credit/listings/{id}/notify", LEADER),
            Map.entry("POST /credit/listings/{id}/statement", LEADER),
            Map.entry("POST /credit/listings/{id}/decide", LEADER),
            Map.entry("POST /credit/listings/{id}/drop", LEADER),
            Map.entry("POST /credit/listings/{id}/repair", LEADER),
            Map.entry("POST /credit/rules", "admin"),
            Map.entry("POST /credit/rules/copy", "admin"),
            Map.entry("POST /credit/rules/{id}/delete", "admin"),
            // publicity: 权责清单
            Map.entry("POST /publicity/powers", "admin"),
            Map.entry("POST /publicity/powers/{id}", "admin"),
            Map.entry("POST /publicity/powers/{id}/delete", "admin"),
            Map.entry("POST /publicity/powers/copy", "admin"),
            Map.entry("POST /api/v1/statistics/rebuild", "admin"),
            // audit: signed checkpoints on demand (issue 14)
            Map.entry("POST /audit/checkpoints", "auditor"),
            Map.entry("POST /api/v1/audit/checkpoints", "auditor"),
            // supervision: 督办/约谈 by supervisors, replies by the unit's leader; complaints handled by officers and leaders
            Map.entry("POST /supervision/orders", "supervisor1"),
            Map.entry("POST /supervision/orders/{id}/reply", LEADER),
            Map.entry("POST /supervision/interviews", "supervisor1"),
            Map.entry("POST /api/v1/supervision/orders", "supervisor1"),
            Map.entry("POST /api/v1/supervision/orders/{id}/reply", LEADER),
            Map.entry("POST /complaints", "officer1 leader1 supervisor1"),
            Map.entry("POST /complaints/{id}/accept", O),
            Map.entry("POST /complaints/{id}/reject", O),
            Map.entry("POST /complaints/{id}/assign", O),
            Map.entry("POST /complaints/{id}/inspection", O),
            Map.entry("POST /complaints/{id}/case", O),
            Map.entry("POST /complaints/{id}/reply", O),
            Map.entry("POST /complaints/{id}/close", O),
            Map.entry("POST /complaints/{id}/reward", O),
            Map.entry("POST /complaints/{id}/reward/approve", LEADER),
            Map.entry("POST /complaints/{id}/reward/paid", O),
            Map.entry("POST /api/v1/complaints", "officer1 leader1 supervisor1"),
            Map.entry("POST /api/v1/complaints/{id}/accept", O),
            Map.entry("POST /api/v1/complaints/{id}/reject", O),
            Map.entry("POST /api/v1/complaints/{id}/reply", O),
            Map.entry("POST /api/v1/complaints/{id}/close", O),
            Map.entry("POST /supervision/reviews", "leader1 legal1"),
            Map.entry("POST /supervision/reviews/{id}/decision", "leader1 legal1"),
            Map.entry("POST /api/v1/supervision/reviews", "leader1 legal1"),
            Map.entry("POST /api/v1/supervision/reviews/{id}/decision", "leader1 legal1"),
            Map.entry("POST /supervision/rankings/indicators/{id}", "supervisor1 admin"),
            Map.entry("PUT /api/v1/supervision/rankings/indicators/{id}", "supervisor1 admin"),
            Map.entry("POST /supervision/case-reviews/{id}/files/{fileId}/score", "leader1 legal1 supervisor1"),
            Map.entry("POST /supervision/case-reviews/{id}/problems/{problemId}/reply", LEADER),
            Map.entry("POST /api/v1/supervision/case-reviews", "supervisor1"),
            Map.entry("POST /api/v1/supervision/case-reviews/{id}/files/{fileId}/score", "leader1 legal1 supervisor1"),
            Map.entry("POST /api/v1/supervision/case-reviews/problems/{problemId}/reply", LEADER),
            Map.entry("PUT /api/v1/supervision/case-review-standard/items/{itemId}", "supervisor1 admin"),
            Map.entry("POST /supervision/faults", "supervisor1"),
            Map.entry("POST /supervision/faults/{id}/decision", "supervisor1"),
            Map.entry("POST /complaints/{id}/attachments", O),
            // accident: 快报/续报, investigation and measures by officers; extension, 批复, evaluation, 警示教育 by the leader
            Map.entry("POST /accidents", O),
            Map.entry("POST /accidents/{id}/follow-up", O),
            Map.entry("POST /accidents/{id}/investigation", O),
            Map.entry("POST /accidents/{id}/investigation/extend", LEADER),
            Map.entry("POST /accidents/{id}/report", O),
            Map.entry("POST /accidents/{id}/approval/extend", LEADER),
            Map.entry("POST /accidents/{id}/approve", LEADER),
            Map.entry("POST /accidents/{id}/measures/{index}/done", O),
            Map.entry("POST /accidents/{id}/evaluate", LEADER),
            Map.entry("POST /accidents/{id}/typical", LEADER),
            Map.entry("POST /accidents/{id}/typical/remove", LEADER),
            Map.entry("POST /api/v1/accidents", O),
            Map.entry("POST /api/v1/accidents/{id}/follow-ups", O),
            // accident API for the rest of the lifecycle (issue 21 loose ends): the same roles as the pages
            Map.entry("POST /api/v1/accidents/{id}/investigation", O),
            Map.entry("POST /api/v1/accidents/{id}/investigation/extension", LEADER),
            Map.entry("POST /api/v1/accidents/{id}/report", O),
            Map.entry("POST /api/v1/accidents/{id}/approval/extension", LEADER),
            Map.entry("POST /api/v1/accidents/{id}/approval", LEADER),
            Map.entry("POST /api/v1/accidents/{id}/measures/{index}/done", O),
            Map.entry("POST /api/v1/accidents/{id}/evaluation", LEADER),
            Map.entry("POST /supervision/case-reviews", "supervisor1"),
            Map.entry("POST /supervision/case-review-standard", "supervisor1 admin"),
            // field terminal offline (issue 19): the token the offline app takes from the page session
            Map.entry("POST /profile/terminal-token", O),
            // monitoring (issue 21): ingest is the system clients' only (no demo user may push), points and patrols
            Map.entry("POST /api/v1/monitoring/alarms", "system-client"),
            Map.entry("POST /api/v1/monitoring/patrols", "system-client"),
            Map.entry("POST /monitoring/firms/{id}/points", O),
            Map.entry("POST /monitoring/points/{pointId}", O),
            Map.entry("POST /monitoring/points/{pointId}/active", O),
            Map.entry("POST /monitoring/patrol/items/{itemId}/start", O),
            Map.entry("POST /admin/monitoring/clients", "admin"),
            Map.entry("POST /admin/monitoring/clients/{id}/active", "admin"),
            // training
            Map.entry("POST /training/questions", "leader1 admin"),
            Map.entry("POST /training/questions/import", "leader1 admin"),
            Map.entry("POST /training/checklist", "leader1 admin"),
            Map.entry("POST /training/plans", LEADER),
            Map.entry("POST /training/sessions", LEADER),
            Map.entry("POST /training/contests", LEADER),
            Map.entry("POST /training/exams", LEADER),
            Map.entry("POST /training/exams/{id}/start", "officer1 leader1 legal1 supervisor1"),
            Map.entry("POST /training/exams/attempts/{id}", "officer1 leader1 legal1 supervisor1"),
            Map.entry("POST /inspection/records/{id}/spot-quiz", O),
            Map.entry("POST /inspection/records/{id}/spot-quiz/answers", O),
            Map.entry("POST /api/v1/inspection/records/{id}/spot-quiz", O),
            Map.entry("POST /api/v1/inspection/records/{id}/spot-quiz/answers", O),
            // emergency registers and 安责险 (issue 20)
            Map.entry("POST /emergency/{register}", O),
            Map.entry("POST /emergency/{register}/{id}", O),
            Map.entry("POST /emergency/plans/{id}/card", O),
            // equipment (issue 20): the 执法装备 register, kept by officers and leaders
            Map.entry("POST /equipment", O),
            Map.entry("POST /equipment/{id}", O),
            // townships' 赋权/委托 (issue 21): kept by a LEADER of a unit above the township
            Map.entry("POST /township/powers", LEADER),
            Map.entry("POST /township/powers/{id}/delete", LEADER),
            // township 专职安全员 (issue 20): the register by a LEADER or the ADMIN; visits and leads by officers and leaders
            Map.entry("POST /township/safety-staff", "leader1 admin"),
            Map.entry("POST /township/safety-staff/{id}", "leader1 admin"),
            Map.entry("POST /township/safety-staff/{id}/trainings", "leader1 admin"),
            Map.entry("POST /township/safety-staff/{id}/end", "leader1 admin"),
            Map.entry("POST /township/safety-staff/{id}/visits", O),
            Map.entry("POST /township/leads/{id}/inspection", O),
            Map.entry("POST /township/leads/{id}/close", O),
            // outreach (issue 20): 普法活动, 专家名录, 帮扶走访, 提示函/警示函
            Map.entry("POST /outreach/activities", O),
            Map.entry("POST /outreach/experts", O),
            Map.entry("POST /outreach/visits", O),
            Map.entry("POST /outreach/letters", O),
            // JSON APIs of the issue-20 registers: the pages' actions
            Map.entry("POST /api/v1/emergency/{register}", O),
            Map.entry("PUT /api/v1/emergency/{register}/{id}", O),
            Map.entry("POST /api/v1/equipment", O),
            Map.entry("POST /api/v1/equipment/{id}/assignment", O),
            Map.entry("POST /api/v1/equipment/{id}/return", O),
            Map.entry("POST /api/v1/outreach/activities", O),
            Map.entry("POST /api/v1/outreach/visits", O),
            Map.entry("POST /api/v1/outreach/experts", O),
            Map.entry("POST /api/v1/training/exams/{id}/attempts", "officer1 leader1 legal1 supervisor1"),
            Map.entry("PUT /api/v1/training/attempts/{id}/answers", "officer1 leader1 legal1 supervisor1"),
            Map.entry("POST /api/v1/training/attempts/{id}/submission", "officer1 leader1 legal1 supervisor1"),
            // township 专职安全员 over JSON: the pages' actions
            Map.entry("POST /api/v1/township/safety-staff", "leader1 admin"),
            Map.entry("POST /api/v1/township/safety-staff/{id}/visits", O)));

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    JdbcClient jdbc;

    @Test
    void every_state_changing_route_has_a_row_in_the_table() {
        Map<String, String> routes = stateChangingRoutes();
        assertThat(routes.keySet()).as("routes of the application vs. the table in this test")
                .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @Test
    void each_demo_role_may_do_exactly_what_the_table_says_and_refusals_are_403_audited_and_store_nothing() throws Exception {
        Map<String, MockHttpSession> sessions = new LinkedHashMap<>();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String user : USERS) {
            sessions.put(user, (MockHttpSession) mvc.perform(formLogin().user(user).password(Tokens.DEMO_PASSWORD))
                    .andReturn().getRequest().getSession());
            tokens.put(user, Tokens.bearer(mvc, user));
        }
        long rejectedBefore = countRejected();
        long otherRowsBefore = businessRows();
        List<String> wrong = new ArrayList<>();
        int refusals = 0;
        for (Map.Entry<String, String> route : EXPECTED.entrySet()) {
            String[] methodAndPath = route.getKey().split(" ", 2);
            String path = methodAndPath[1].replaceAll("\\{[^}]+}", "999999999");
            Set<String> allowed = Set.of(route.getValue().split(" "));
            for (String user : USERS) {
                boolean api = path.startsWith("/api/");
                boolean upload = route.getKey().equals("POST /api/v1/evidence");
                AbstractMockHttpServletRequestBuilder<?> call = request(HttpMethod.valueOf(methodAndPath[0]), path);
                if (upload) {
                    call = multipart(path).file("file", new byte[0]);
                }
                String token = route.getKey().equals("POST /api/v1/auth/logout") // logout revokes: a token of its own
                        ? Tokens.bearer(mvc, user) : tokens.get(user);
                call = api && !upload
                        ? call.header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content("{}")
                        : api ? call.header("Authorization", tokens.get(user))
                        : call.session(sessions.get(user)).with(csrf());
                MvcResult result;
                try {
                    result = mvc.perform(call).andReturn();
                } catch (Exception passedTheRoleCheck) { // an empty body that the handler itself cannot read
                    result = null;
                }
                boolean refusedByRole = result != null && result.getResponse().getStatus() == 403 && isRoleRefusal(result, api);
                boolean shouldRefuse = !allowed.contains(user) && !allowed.contains(PUBLIC) ;
                if (shouldRefuse) {
                    refusals++;
                }
                if (refusedByRole != shouldRefuse) {
                    wrong.add(route.getKey() + " as " + user + ": HTTP " + (result == null ? "exception" : result.getResponse().getStatus())
                            + (shouldRefuse ? " (should be refused)" : " (should be allowed)"));
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(countRejected() - rejectedBefore).as("every refusal is audited as REJECTED").isGreaterThanOrEqualTo(refusals);
        assertThat(businessRows()).as("nothing stored by the walk").isEqualTo(otherRowsBefore);
    }

    /** The role check's refusal, told apart from a data-scope 403 by its reason. */
    private static boolean isRoleRefusal(MvcResult result, boolean api) throws Exception {
        if (api) {
            return result.getResponse().getContentAsString().contains("当前账号无权执行此操作");
        }
        Object denied = result.getRequest().getAttribute(WebAttributes.ACCESS_DENIED_403);
        return denied instanceof AccessDeniedException e && !DataScope.OUT_OF_SCOPE.equals(e.getMessage())
                && !DataScope.USER_OUT_OF_SCOPE.equals(e.getMessage());
    }

    private long countRejected() {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE outcome = 'REJECTED'").query(Long.class).single();
    }

    private long businessRows() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM inspection_task) + (SELECT count(*) FROM hazard) + (SELECT count(*) FROM penalty_case)
                     + (SELECT count(*) FROM enterprise) + (SELECT count(*) FROM app_user) + (SELECT count(*) FROM doc_void_request)
                     + (SELECT count(*) FROM evidence_file)""").query(Long.class).single();
    }

    private Map<String, String> stateChangingRoutes() {
        Map<String, String> routes = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getName().startsWith("cn.zhifa.")) {
                continue;
            }
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String pattern : entry.getKey().getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue;
                }
                for (RequestMethod method : new TreeSet<>(methods)) {
                    if (method != RequestMethod.GET && method != RequestMethod.HEAD && method != RequestMethod.OPTIONS) {
                        routes.put(method + " " + pattern, entry.getValue().toString());
                    }
                }
            }
        }
        return routes;
    }
}
