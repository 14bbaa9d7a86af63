package cn.zhifa.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every create or command call that names an id of another aggregate (the firm, the officers of a team, ...)
 * checks it against the caller's data scope: with another district's firm or officer, officer1 of 东城's
 * brigade is refused with 403 and nothing is stored.
 */
@ZhifaIntegrationTest
@Tag("external-db")
class ForeignIdTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    cn.zhifa.supervision.review.CaseReviews caseReviews;
    @Autowired
    cn.zhifa.supervision.fault.EnforcementFaults faults;
    @Autowired
    cn.zhifa.inspection.InspectionManagement inspections;
    @Autowired
    cn.zhifa.registry.OfficerManagement officers;

    long ownFirm;
    long foreignFirm;
    long foreignOfficer;
    List<Long> ownTeam;

    @BeforeEach
    void ids() {
        String brigadePath = path("officer1");
        String districtPath = brigadePath.substring(0, brigadePath.lastIndexOf('/', brigadePath.length() - 2) + 1);
        ownFirm = jdbc.sql("SELECT e.id FROM enterprise e JOIN organization o ON o.id = e.organization_id "
                        + "WHERE o.path LIKE :p AND e.status = 'OPERATING' ORDER BY e.id LIMIT 1")
                .param("p", brigadePath + "%").query(Long.class).single();
        foreignFirm = jdbc.sql("SELECT e.id FROM enterprise e JOIN organization o ON o.id = e.organization_id "
                        + "WHERE o.path NOT LIKE :p AND o.kind <> 'CITY' AND e.merged_into IS NULL ORDER BY e.id LIMIT 1")
                .param("p", districtPath + "%").query(Long.class).single();
        foreignOfficer = jdbc.sql("SELECT u.id FROM app_user u JOIN organization o ON o.id = u.organization_id "
                        + "JOIN user_role r ON r.app_user = u.id AND r.role = 'OFFICER' WHERE o.path NOT LIKE :p ORDER BY u.id LIMIT 1")
                .param("p", districtPath + "%").query(Long.class).single();
        ownTeam = jdbc.sql("SELECT id FROM app_user WHERE username IN ('officer1', 'officer2') ORDER BY username")
                .query(Long.class).list();
    }

    @Test
    void an_inspection_task_for_another_districts_firm_is_refused_on_the_api_and_the_page() throws Exception {
        long before = count("inspection_task");
        assertThat(api("/api/v1/inspection/tasks", task(foreignFirm, ownTeam)).getStatus()).isEqualTo(403);
        assertThat(page(post("/inspection/tasks").param("source", "COMPLAINT").param("enterpriseId", String.valueOf(foreignFirm))
                .param("kind", "GENERAL").param("mode", "ON_SITE").param("team", String.valueOf(ownTeam.get(0)))
                .param("team", String.valueOf(ownTeam.get(1))).param("dueMonth", YearMonth.now().toString())).getStatus())
                .isEqualTo(403);
        assertThat(count("inspection_task")).isEqualTo(before);
        assertThat(lastOutcome()).isEqualTo("REJECTED");
    }

    @Test
    void a_task_team_with_an_officer_of_another_unit_is_refused() throws Exception {
        long before = count("inspection_task");
        MockHttpServletResponse response = api("/api/v1/inspection/tasks", task(ownFirm, List.of(ownTeam.get(0), foreignOfficer)));
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("只能选择本单位及下级单位的人员");
        assertThat(count("inspection_task")).isEqualTo(before);
    }

    @Test
    void a_monitoring_point_on_another_districts_firm_is_refused() throws Exception {
        long before = count("monitoring_point");
        assertThat(page(get("/monitoring/firms/{id}/points", foreignFirm)).getStatus()).isEqualTo(403);
        assertThat(page(post("/monitoring/firms/{id}/points", foreignFirm).param("kind", "VIDEO").param("tag", "FOREIGN-CAM1")
                .param("name", "罐区摄像机").param("location", "罐区")).getStatus()).isEqualTo(403);
        assertThat(count("monitoring_point")).isEqualTo(before);
        assertThat(lastOutcome()).isEqualTo("REJECTED");
    }

    @Test
    void a_self_report_link_for_another_districts_firm_is_refused() throws Exception {
        long before = count("hazard_report_link");
        assertThat(api("/api/v1/hazards/report-links", "{\"enterpriseId\":" + foreignFirm + "}").getStatus()).isEqualTo(403);
        assertThat(page(post("/hazards/report-links").param("enterpriseId", String.valueOf(foreignFirm))).getStatus()).isEqualTo(403);
        assertThat(count("hazard_report_link")).isEqualTo(before);
    }

    @Test
    void a_case_against_another_districts_firm_is_refused() throws Exception {
        long before = count("penalty_case");
        long org = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        String body = """
                {"source":"INSPECTION","kind":"ENFORCEMENT","organizationId":%d,"enterpriseId":%d,"partyKind":"UNIT",
                 "partyName":"外区企业","partyCode":"91350100M000100Y43","legalRepresentative":"赵某","address":"示例市",
                 "title":"未设置安全警示标志"}""".formatted(org, foreignFirm);
        assertThat(api("/api/v1/cases", body).getStatus()).isEqualTo(403);
        assertThat(count("penalty_case")).isEqualTo(before);
    }

    @Test
    void a_complaint_about_another_districts_firm_or_assigned_to_another_unit_is_refused() throws Exception {
        long before = count("complaint");
        String body = """
                {"channel":"HOTLINE_12350","receivedOn":"%s","content":"夜间违规动火","enterpriseId":%d,"anonymous":true}"""
                .formatted(java.time.LocalDate.now(), foreignFirm);
        assertThat(api("/api/v1/complaints", body).getStatus()).isEqualTo(403);
        assertThat(count("complaint")).isEqualTo(before);
        long foreignUnit = jdbc.sql("SELECT organization_id FROM enterprise WHERE id = ?").param(foreignFirm).query(Long.class).single();
        MockHttpServletResponse own = api("/api/v1/complaints", """
                {"channel":"HOTLINE_12350","receivedOn":"%s","content":"夜间违规动火","enterpriseId":%d,"anonymous":true}"""
                .formatted(java.time.LocalDate.now(), ownFirm));
        assertThat(own.getStatus()).isEqualTo(201);
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(own.getContentAsString(), "$.id")).longValue();
        assertThat(api("/api/v1/complaints/" + id + "/accept", "{\"unitId\":" + foreignUnit + "}").getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT status FROM complaint WHERE id = ?").param(id).query(String.class).single()).isEqualTo("RECEIVED");
    }

    @Test
    void an_accident_report_for_another_districts_firm_is_refused_on_the_api_and_the_page() throws Exception {
        long before = count("accident");
        String time = java.time.LocalDateTime.now().minusHours(3).withSecond(0).withNano(0).toString();
        assertThat(api("/api/v1/accidents", """
                {"enterpriseId":%d,"title":"“外区”机械伤害事故","occurredAt":"%s","receivedAt":"%s","place":"车间","kind":"MACHINERY",
                 "deaths":1,"seriousInjuries":0,"missing":0,"directLossYuan":100000,"summary":"经过"}""".formatted(foreignFirm, time, time))
                .getStatus()).isEqualTo(403);
        assertThat(page(post("/accidents").param("enterpriseId", String.valueOf(foreignFirm)).param("title", "“外区”机械伤害事故")
                .param("occurredAt", time).param("receivedAt", time).param("place", "车间").param("kind", "MACHINERY")
                .param("deaths", "1").param("directLossYuan", "100000").param("summary", "经过")).getStatus()).isEqualTo(403);
        assertThat(count("accident")).isEqualTo(before);
        assertThat(lastOutcome()).isEqualTo("REJECTED");
    }

    @Test
    void equipment_of_another_districts_unit_or_held_by_its_officer_is_refused() throws Exception {
        long before = count("equipment");
        long foreignUnit = jdbc.sql("SELECT organization_id FROM app_user WHERE id = ?").param(foreignOfficer).query(Long.class).single();
        long ownUnit = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        assertThat(page(post("/equipment").param("organizationId", String.valueOf(foreignUnit)).param("kind", "RECORDER")
                .param("number", "外区-001").param("status", "IN_USE")).getStatus()).isEqualTo(403);
        assertThat(page(post("/equipment").param("organizationId", String.valueOf(ownUnit)).param("kind", "RECORDER")
                .param("number", "外区-002").param("status", "IN_USE").param("holderUserId", String.valueOf(foreignOfficer)))
                .getStatus()).isEqualTo(403);
        assertThat(count("equipment")).isEqualTo(before);
    }

    @Test
    void the_hazard_form_does_not_show_another_districts_firm() throws Exception {
        MockHttpServletResponse response = page(get("/hazards/new").param("enterpriseId", String.valueOf(foreignFirm)));
        assertThat(response.getStatus()).isEqualTo(403);
        String name = jdbc.sql("SELECT name FROM enterprise WHERE id = ?").param(foreignFirm).query(String.class).single();
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(name);
    }

    @Test
    void the_same_calls_with_own_ids_pass_the_scope_check() throws Exception {
        assertThat(page(get("/hazards/new").param("enterpriseId", String.valueOf(ownFirm))).getStatus()).isEqualTo(200);
        long before = count("inspection_task");
        MockHttpServletResponse created = api("/api/v1/inspection/tasks", task(ownFirm, ownTeam));
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        assertThat(count("inspection_task")).isEqualTo(before + 1);
    }

    @Test
    void a_review_plan_or_a_fault_naming_another_districts_unit_or_officer_is_refused() {
        String brigadePath = path("officer1");
        String districtPath = brigadePath.substring(0, brigadePath.lastIndexOf('/', brigadePath.length() - 2) + 1);
        long district = jdbc.sql("SELECT id FROM organization WHERE path = ?").param(districtPath).query(Long.class).single();
        long ownUnit = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        long foreignUnit = jdbc.sql("SELECT organization_id FROM enterprise WHERE id = ?").param(foreignFirm).query(Long.class).single();
        long ownReviewer = jdbc.sql("SELECT id FROM app_user WHERE username = 'leader1'").query(Long.class).single();
        actAsDistrictSupervisor(district);
        try {
            long plans = count("case_review_plan");
            int year = java.time.LocalDate.now().getYear();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> caseReviews.createPlan(new cn.zhifa.supervision.review.CaseReviews.CreatePlan(
                            year, "外区互查", List.of(foreignUnit), 3, List.of(), List.of(ownReviewer))))
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> caseReviews.createPlan(new cn.zhifa.supervision.review.CaseReviews.CreatePlan(
                            year, "外区评查员", List.of(ownUnit), 3, List.of(), List.of(foreignOfficer))))
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
            assertThat(count("case_review_plan")).isEqualTo(plans);

            long recorded = count("enforcement_fault");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> faults.record(new cn.zhifa.supervision.fault.EnforcementFaults.RecordFault(
                            foreignOfficer, null, "违反法定程序", cn.zhifa.supervision.fault.FaultFoundBy.OTHER, null,
                            java.time.LocalDate.now(), "外区人员")))
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
            assertThat(count("enforcement_fault")).isEqualTo(recorded);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    @Test
    void a_training_session_or_an_award_naming_another_districts_officer_is_refused() throws Exception {
        MockHttpSession leader = (MockHttpSession) mvc.perform(formLogin().user("leader1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        long sessions = count("training_session");
        long contests = count("training_contest");
        MockHttpServletResponse session = mvc.perform(post("/training/sessions").session(leader).with(csrf())
                .param("topic", "外区人员培训").param("startsOn", "2026-11-02").param("endsOn", "2026-11-02").param("hours", "4")
                .param("trainer", "张三").param("participantIds", String.valueOf(ownTeam.get(0)), String.valueOf(foreignOfficer)))
                .andReturn().getResponse();
        assertThat(session.getStatus()).isEqualTo(403);
        MockHttpServletResponse contest = mvc.perform(post("/training/contests").session(leader).with(csrf())
                .param("kind", "CONTEST").param("name", "外区人员比武").param("heldOn", "2026-11-02")
                .param("awardedOfficers", String.valueOf(foreignOfficer)).param("individualPrize", "优秀个人"))
                .andReturn().getResponse();
        assertThat(contest.getStatus()).isEqualTo(403);
        assertThat(count("training_session")).isEqualTo(sessions);
        assertThat(count("training_contest")).isEqualTo(contests);
    }

    @Test
    void a_district_leader_cannot_grant_powers_to_another_districts_township() throws Exception {
        long foreignTownship = jdbc.sql("SELECT id FROM organization WHERE name = '西关街道'").query(Long.class).single();
        long power = jdbc.sql("SELECT id FROM publicity_power ORDER BY id LIMIT 1").query(Long.class).single();
        long before = count("township_power");
        MockHttpSession leader = (MockHttpSession) mvc.perform(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin()
                                .user("leader2").password(Tokens.DEMO_PASSWORD)).andReturn().getRequest().getSession();
        assertThat(mvc.perform(post("/township/powers").session(leader)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("organizationId", String.valueOf(foreignTownship)).param("powerId", String.valueOf(power))
                        .param("mode", "ENTRUSTED").param("instrumentTitle", "委托书").param("instrumentNumber", "外区委〔2026〕1号")
                        .param("validFrom", "2026-01-01")).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(count("township_power")).isEqualTo(before);
    }

    /** A supervisor of officer1's district, in memory only (the demo has only a city-wide supervisor). */
    private void actAsDistrictSupervisor(long district) {
        cn.zhifa.shared.security.Actor actor = new cn.zhifa.shared.security.Actor() {
            public long userId() { return 0; }
            public String username() { return "district-supervisor"; }
            public String displayName() { return "区监督员"; }
            public long organizationId() { return district; }
            public java.util.Set<cn.zhifa.shared.security.Role> roles() { return java.util.Set.of(cn.zhifa.shared.security.Role.SUPERVISOR); }
        };
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(actor, null,
                        List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                cn.zhifa.shared.security.Role.SUPERVISOR.authority()))));
    }

    private String task(long firm, List<Long> team) {
        return """
                {"source":"COMPLAINT","enterpriseId":%d,"kind":"GENERAL","mode":"ON_SITE","team":[%d,%d],"dueMonth":"%s",
                 "templateCode":"GM-MGMT","noticeRequired":false,"capException":"COMPLAINT","capExceptionNote":"举报件〔2026〕1号"}"""
                .formatted(firm, team.get(0), team.get(1), YearMonth.now());
    }

    private MockHttpServletResponse api(String path, String json) throws Exception {
        MockHttpServletResponse response = mvc.perform(post(path).header("Authorization", Tokens.bearer(mvc, "officer1"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    @Test
    void an_emergency_register_entry_of_another_districts_unit_firm_or_plan_is_refused() throws Exception {
        long foreignUnit = jdbc.sql("SELECT organization_id FROM enterprise WHERE id = ?").param(foreignFirm).query(Long.class).single();
        long teams = count("rescue_team");
        assertThat(page(post("/emergency/teams").param("unit_id", String.valueOf(foreignUnit)).param("name", "外区救援队")
                .param("kind", "专业").param("members", "20").param("contact_person", "王五").param("contact_phone", "13800001111"))
                .getStatus()).isEqualTo(403);
        assertThat(count("rescue_team")).isEqualTo(teams);

        long policies = count("liability_policy");
        String foreignUscc = jdbc.sql("SELECT uscc FROM enterprise WHERE id = ?").param(foreignFirm).query(String.class).single();
        assertThat(page(post("/emergency/insurance").param("enterprise_id", foreignUscc).param("insurer", "某保险公司")
                .param("policy_number", "FOREIGN-1").param("starts_on", "2026-01-01").param("ends_on", "2026-12-31")
                .param("amount", "100")).getStatus()).isEqualTo(403);
        assertThat(count("liability_policy")).isEqualTo(policies);

        long foreignPlan = jdbc.sql("INSERT INTO emergency_plan (organization_id, name, level, kind, lead_department) "
                + "VALUES (?, '外区预案', '专项', '综合', '外区应急局') RETURNING id").param(foreignUnit).query(Long.class).single();
        try {
            long own = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
            long drills = count("emergency_drill");
            assertThat(page(post("/emergency/drills").param("unit_id", String.valueOf(own)).param("title", "演练")
                    .param("drilled_on", "2026-01-05").param("plan_id", String.valueOf(foreignPlan)).param("kind", "桌面")
                    .param("participants", "10")).getStatus()).isEqualTo(403);
            assertThat(count("emergency_drill")).isEqualTo(drills);
            assertThat(page(get("/emergency/plans/" + foreignPlan)).getStatus()).isEqualTo(403);
            assertThat(page(post("/emergency/plans/" + foreignPlan).param("unit_id", String.valueOf(own)).param("name", "改名")
                    .param("level", "专项").param("kind", "综合").param("lead_department", "本区")).getStatus()).isEqualTo(403);
        } finally {
            jdbc.sql("DELETE FROM emergency_plan WHERE id = ?").param(foreignPlan).update();
        }
    }

    @Test
    void a_visit_or_letter_for_another_districts_firm_or_with_its_officer_is_refused() throws Exception {
        long visits = count("outreach_visit");
        long letters = count("outreach_letter");
        String today = java.time.LocalDate.now().toString();
        assertThat(page(post("/outreach/visits").param("enterpriseId", String.valueOf(foreignFirm)).param("visitedOn", today)
                .param("problems", "未设警示标志").param("advice", "设置警示标志")).getStatus()).isEqualTo(403);
        assertThat(page(post("/outreach/visits").param("enterpriseId", String.valueOf(ownFirm)).param("visitedOn", today)
                .param("officerIds", String.valueOf(foreignOfficer))
                .param("problems", "未设警示标志").param("advice", "设置警示标志")).getStatus()).isEqualTo(403);
        assertThat(page(post("/outreach/letters").param("enterpriseId", String.valueOf(foreignFirm)).param("kind", "TIP")
                .param("subject", "汛期安全").param("risks", "排水不畅").param("demands", "疏通排水")
                .param("replyBy", java.time.LocalDate.now().plusDays(10).toString())).getStatus()).isEqualTo(403);
        assertThat(page(get("/outreach/letters/new").param("enterpriseId", String.valueOf(foreignFirm))).getStatus()).isEqualTo(403);
        assertThat(count("outreach_visit")).isEqualTo(visits);
        assertThat(count("outreach_letter")).isEqualTo(letters);
    }

    @Test
    void the_issue_20_apis_refuse_another_districts_unit_firm_item_and_officer() throws Exception {
        long foreignUnit = jdbc.sql("SELECT organization_id FROM enterprise WHERE id = ?").param(foreignFirm).query(Long.class).single();
        String foreignUscc = jdbc.sql("SELECT uscc FROM enterprise WHERE id = ?").param(foreignFirm).query(String.class).single();
        long teams = count("rescue_team");
        long policies = count("liability_policy");
        assertThat(api("/api/v1/emergency/teams", """
                {"unitId":%d,"fields":{"name":"外区救援队","kind":"专业","members":"20","contact_person":"王五","contact_phone":"13800001111"}}"""
                .formatted(foreignUnit)).getStatus()).isEqualTo(403);
        assertThat(api("/api/v1/emergency/insurance", """
                {"fields":{"enterprise_id":"%s","insurer":"某保险公司","policy_number":"FOREIGN-API-1","starts_on":"2026-01-01",
                 "ends_on":"2026-12-31","amount":"100"}}""".formatted(foreignUscc)).getStatus()).isEqualTo(403);
        assertThat(count("rescue_team")).isEqualTo(teams);
        assertThat(count("liability_policy")).isEqualTo(policies);

        long visits = count("outreach_visit");
        assertThat(api("/api/v1/outreach/visits", """
                {"enterpriseId":%d,"visitedOn":"%s","problems":"未设警示标志","advice":"设置警示标志"}"""
                .formatted(foreignFirm, java.time.LocalDate.now())).getStatus()).isEqualTo(403);
        assertThat(api("/api/v1/outreach/visits", """
                {"enterpriseId":%d,"visitedOn":"%s","officerIds":[%d],"problems":"未设警示标志","advice":"设置警示标志"}"""
                .formatted(ownFirm, java.time.LocalDate.now(), foreignOfficer)).getStatus()).isEqualTo(403);
        assertThat(count("outreach_visit")).isEqualTo(visits);

        long ownItem = jdbc.sql("SELECT q.id FROM equipment q JOIN app_user u ON u.organization_id = q.organization_id "
                + "WHERE u.username = 'officer1' AND q.status = 'IN_USE' ORDER BY q.id LIMIT 1").query(Long.class).single();
        Long holder = jdbc.sql("SELECT holder_user_id FROM equipment WHERE id = ?").param(ownItem).query(Long.class).optional().orElse(null);
        assertThat(api("/api/v1/equipment/" + ownItem + "/assignment", "{\"holderUserId\":" + foreignOfficer + "}").getStatus())
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT holder_user_id FROM equipment WHERE id = ?").param(ownItem).query(Long.class).optional()
                .orElse(null)).isEqualTo(holder);
        long foreignItem = jdbc.sql("INSERT INTO equipment (organization_id, kind, number, status) VALUES (?, 'PRINTER', '外区API-1', 'IN_USE') "
                + "RETURNING id").param(foreignUnit).query(Long.class).single();
        try {
            assertThat(api("/api/v1/equipment/" + foreignItem + "/return", "{}").getStatus()).isEqualTo(403);
            assertThat(mvc.perform(get("/api/v1/equipment/" + foreignItem).header("Authorization", Tokens.bearer(mvc, "officer1")))
                    .andReturn().getResponse().getStatus()).isEqualTo(403);
        } finally {
            jdbc.sql("DELETE FROM equipment WHERE id = ?").param(foreignItem).update();
        }
    }

    @Test
    void a_lead_turned_into_a_task_with_another_districts_officer_or_a_visit_for_another_townships_staff_is_refused()
            throws Exception {
        long ownLead = jdbc.sql("""
                SELECT l.id FROM township_lead l JOIN app_user u ON u.id = l.assignee_id
                WHERE u.username = 'officer1' AND l.status = 'OPEN' ORDER BY l.id LIMIT 1""").query(Long.class).single();
        long tasks = count("inspection_task");
        assertThat(page(post("/township/leads/" + ownLead + "/inspection").param("partnerId", String.valueOf(foreignOfficer))
                .param("dueMonth", YearMonth.now().toString())).getStatus()).isEqualTo(403);
        assertThat(count("inspection_task")).isEqualTo(tasks);
        assertThat(jdbc.sql("SELECT status FROM township_lead WHERE id = ?").param(ownLead).query(String.class).single())
                .isEqualTo("OPEN");
        long demoStaff = jdbc.sql("SELECT id FROM township_safety_staff WHERE demo AND status = 'ACTIVE' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        long visits = count("township_staff_visit");
        assertThat(page(post("/township/safety-staff/" + demoStaff + "/visits").param("enterpriseId", String.valueOf(ownFirm))
                .param("visitedOn", java.time.LocalDate.now().toString()).param("observations", "巡查")
                .param("findings", "通道堆物").param("assigneeId", String.valueOf(ownTeam.get(0)))).getStatus())
                .as("the township lies beside officer1's brigade, outside his subtree").isEqualTo(403);
        assertThat(count("township_staff_visit")).isEqualTo(visits);
    }

    @Test
    void a_spot_quiz_on_another_districts_record_is_refused_on_the_api_and_the_page() throws Exception {
        String brigadePath = path("officer1");
        String districtPath = brigadePath.substring(0, brigadePath.lastIndexOf('/', brigadePath.length() - 2) + 1);
        long foreignRecord = foreignRecord(districtPath);
        long before = count("spot_quiz");
        assertThat(api("/api/v1/inspection/records/" + foreignRecord + "/spot-quiz",
                "{\"personName\":\"王某\",\"personPost\":\"主要负责人\",\"count\":5}").getStatus()).isEqualTo(403);
        assertThat(api("/api/v1/inspection/records/" + foreignRecord + "/spot-quiz/answers",
                "{\"answers\":[{\"questionId\":1,\"answer\":\"A\"}]}").getStatus()).isEqualTo(403);
        assertThat(page(get("/inspection/records/{id}/spot-quiz", foreignRecord)).getStatus()).isEqualTo(403);
        assertThat(page(post("/inspection/records/{id}/spot-quiz", foreignRecord).param("personName", "王某")
                .param("post", "主要负责人").param("count", "5")).getStatus()).isEqualTo(403);
        assertThat(count("spot_quiz")).isEqualTo(before);
        assertThat(lastOutcome()).isEqualTo("REJECTED");
    }

    @Test
    void commands_on_another_districts_accident_are_refused_on_the_api_and_change_nothing() throws Exception {
        long foreignUnit = jdbc.sql("SELECT organization_id FROM enterprise WHERE id = ?").param(foreignFirm).query(Long.class).single();
        long accident = jdbc.sql("""
                INSERT INTO accident (organization_id, enterprise_id, enterprise_name, title, occurred_at, received_at, place, kind,
                    deaths, serious_injuries, missing, direct_loss_yuan, grade, summary, status, version)
                VALUES (?, ?, '外区企业', '“外区”机械伤害事故', now() - interval '3 hours', now() - interval '2 hours', '车间',
                    'MACHINERY', 1, 0, 0, 100000, 'GENERAL', '经过', 'REPORTED', 0) RETURNING id""")
                .params(foreignUnit, foreignFirm).query(Long.class).single();
        try {
            String today = java.time.LocalDate.now().toString();
            String officer = Tokens.bearer(mvc, "officer1");
            String leader = Tokens.bearer(mvc, "leader1");
            java.util.Map<String, String[]> calls = new java.util.LinkedHashMap<>();
            calls.put("/follow-ups", new String[] {officer, """
                    {"reportedAt":"%s","deaths":2,"seriousInjuries":0,"missing":0,"directLossYuan":200000,"note":"续报"}"""
                    .formatted(java.time.LocalDateTime.now().withNano(0))});
            calls.put("/investigation", new String[] {officer, """
                    {"startedOn":"%s","team":[{"role":"LEADER","name":"张某","unit":"应急管理局"}]}""".formatted(today)});
            calls.put("/investigation/extension", new String[] {leader, "{\"reason\":\"经批准延期\"}"});
            calls.put("/report", new String[] {officer, """
                    {"receivedOn":"%s","causes":"违章作业","unitResponsible":true,
                     "measures":[{"content":"加装防护","responsibleUnit":"外区企业","due":"%s"}]}""".formatted(today, today)});
            calls.put("/approval/extension", new String[] {leader, "{}"});
            calls.put("/approval", new String[] {leader, "{\"approvedOn\":\"%s\",\"text\":\"同意\"}".formatted(today)});
            calls.put("/measures/0/done", new String[] {officer, "{\"doneOn\":\"%s\"}".formatted(today)});
            calls.put("/evaluation", new String[] {leader, "{\"evaluatedOn\":\"%s\",\"result\":\"已落实\"}".formatted(today)});
            for (var call : calls.entrySet()) {
                MockHttpServletResponse response = mvc.perform(post("/api/v1/accidents/" + accident + call.getKey())
                        .header("Authorization", call.getValue()[0]).header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON).content(call.getValue()[1])).andReturn().getResponse();
                assertThat(response.getStatus()).as(call.getKey()).isEqualTo(403);
            }
            assertThat(mvc.perform(get("/api/v1/accidents/" + accident).header("Authorization", officer)).andReturn().getResponse()
                    .getStatus()).isEqualTo(403);
            String list = mvc.perform(get("/api/v1/accidents").param("unitId", String.valueOf(foreignUnit))
                    .header("Authorization", officer)).andReturn().getResponse().getContentAsString();
            assertThat(com.jayway.jsonpath.JsonPath.<Integer>read(list, "$.total")).as("another district's unit lists nothing").isZero();
            assertThat(jdbc.sql("SELECT status || ' ' || version || ' ' || deaths FROM accident WHERE id = ?").param(accident)
                    .query(String.class).single()).isEqualTo("REPORTED 0 1");
            assertThat(jdbc.sql("SELECT count(*) FROM accident_team_member WHERE accident_id = ?").param(accident)
                    .query(Long.class).single()).isZero();
        } finally {
            jdbc.sql("DELETE FROM accident WHERE id = ?").param(accident).update();
        }
    }

    @Test
    void a_township_api_visit_for_another_townships_staff_or_with_another_units_photo_and_a_register_entry_for_another_districts_township_are_refused()
            throws Exception {
        String brigadePath = path("officer1");
        String districtPath = brigadePath.substring(0, brigadePath.lastIndexOf('/', brigadePath.length() - 2) + 1);
        long foreignTownship = jdbc.sql("SELECT id FROM organization WHERE kind = 'TOWNSHIP' AND path NOT LIKE :p ORDER BY id LIMIT 1")
                .param("p", districtPath + "%").query(Long.class).single();
        long staff = count("township_safety_staff");
        MockHttpServletResponse register = mvc.perform(post("/api/v1/township/safety-staff").header("Authorization", Tokens.bearer(mvc, "leader1"))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"organizationId":%d,"name":"外区人员","phone":"13900001111","areaKind":"VILLAGE","areaName":"外区村",
                         "termFrom":"2026-01-01"}""".formatted(foreignTownship))).andReturn().getResponse();
        assertThat(register.getStatus()).isEqualTo(403);
        assertThat(count("township_safety_staff")).isEqualTo(staff);

        long demoStaff = jdbc.sql("SELECT id FROM township_safety_staff WHERE demo AND status = 'ACTIVE' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        long visits = count("township_staff_visit");
        String visit = """
                {"enterpriseId":%d,"visitedOn":"%s","observations":"巡查","findings":"","photoIds":[]}"""
                .formatted(ownFirm, java.time.LocalDate.now());
        assertThat(api("/api/v1/township/safety-staff/" + demoStaff + "/visits", visit).getStatus())
                .as("the township lies beside officer1's brigade, outside his subtree").isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/township/safety-staff/" + demoStaff + "/visits")
                .header("Authorization", Tokens.bearer(mvc, "officer1"))).andReturn().getResponse().getStatus()).isEqualTo(403);

        long foreignPhoto = jdbc.sql("""
                INSERT INTO evidence_file (sha256, media_type, kind, size_bytes, original_name, source, uploaded_by, organization_id, uploaded_at)
                VALUES (repeat('ab', 32), 'image/png', 'PHOTO', 1, '外区.png', 'PHONE', ?, ?, now()) RETURNING id""")
                .params(foreignOfficer, jdbc.sql("SELECT organization_id FROM app_user WHERE id = ?").param(foreignOfficer)
                        .query(Long.class).single()).query(Long.class).single();
        try {
            long donghua = jdbc.sql("SELECT organization_id FROM township_safety_staff WHERE id = ?").param(demoStaff).query(Long.class).single();
            String code = jdbc.sql("SELECT division_code FROM organization WHERE id = ?").param(donghua).query(String.class).single();
            long townFirm = jdbc.sql("SELECT id FROM enterprise WHERE town_code = ? AND status = 'OPERATING' ORDER BY id LIMIT 1")
                    .param(code).query(Long.class).single();
            MockHttpServletResponse withPhoto = mvc.perform(post("/api/v1/township/safety-staff/" + demoStaff + "/visits")
                    .header("Authorization", Tokens.bearer(mvc, "township1")).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"enterpriseId":%d,"visitedOn":"%s","observations":"巡查","findings":"","photoIds":[%d]}"""
                            .formatted(townFirm, java.time.LocalDate.now(), foreignPhoto))).andReturn().getResponse();
            assertThat(withPhoto.getStatus()).as("a photo of another unit's evidence").isEqualTo(403);
            assertThat(count("township_staff_visit")).isEqualTo(visits);
        } finally {
            jdbc.sql("DELETE FROM evidence_file WHERE id = ?").param(foreignPhoto).update();
        }
    }

    /** A record in progress of another district's unit, started by two of its certified officers. */
    private long foreignRecord(String districtPath) {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        List<Long> units = jdbc.sql("SELECT id FROM organization WHERE path NOT LIKE :p").param("p", districtPath + "%")
                .query(Long.class).list();
        List<cn.zhifa.registry.OfficerSummary> team = officers.certifiedOfficers(units, today).stream()
                .collect(java.util.stream.Collectors.groupingBy(cn.zhifa.registry.OfficerSummary::organizationId)).values().stream()
                .filter(l -> l.size() >= 2).findFirst().orElseThrow();
        long unit = team.get(0).organizationId();
        long firm = jdbc.sql("SELECT id FROM enterprise WHERE organization_id = ? AND status = 'OPERATING' ORDER BY id LIMIT 1")
                .param(unit).query(Long.class).optional().orElse(foreignFirm);
        cn.zhifa.shared.security.Actor actor = new cn.zhifa.shared.security.Actor() {
            public long userId() { return team.get(0).userId(); }
            public String username() { return "foreign"; }
            public String displayName() { return team.get(0).name(); }
            public long organizationId() { return unit; }
            public java.util.Set<cn.zhifa.shared.security.Role> roles() { return java.util.Set.of(cn.zhifa.shared.security.Role.OFFICER); }
        };
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(actor, null,
                        List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                cn.zhifa.shared.security.Role.OFFICER.authority()))));
        try {
            var task = inspections.createTask(new cn.zhifa.inspection.NewTask(cn.zhifa.inspection.TaskSource.PLAN, "外区计划", firm,
                    cn.zhifa.inspection.InspectionKind.KEY, cn.zhifa.inspection.InspectionMode.ON_SITE,
                    List.of(team.get(0).userId(), team.get(1).userId()), YearMonth.now(), "GM-MGMT", false), actor, true);
            return inspections.startRecord(task.id(), actor, true);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    private MockHttpServletResponse page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder call) throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("officer1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        return mvc.perform(call.session(session).with(csrf())).andReturn().getResponse();
    }

    private String path(String username) {
        return jdbc.sql("SELECT o.path FROM organization o JOIN app_user u ON u.organization_id = o.id WHERE u.username = ?")
                .param(username).query(String.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private String lastOutcome() {
        return jdbc.sql("SELECT outcome FROM audit_log ORDER BY id DESC LIMIT 1").query(String.class).single();
    }
}
