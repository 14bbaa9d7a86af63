package cn.zhifa.township;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.reporting.ReportingManagement;
import cn.zhifa.reporting.WorkFigure;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import cn.zhifa.township.internal.AreaKind;
import cn.zhifa.township.internal.AssistingVisits;
import cn.zhifa.township.internal.SafetyStaffRegister;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * 专职安全员 (issue 20) on the real database, through the pages: township1 (LEADER of 东华街道) keeps the register and
 * records a visit on a 专职安全员's behalf; each finding becomes a lead for a certified officer of 东城; officer1 turns one
 * into an inspection task and closes another with a reason; a lead of 西城 stays closed to him.
 */
@ZhifaIntegrationTest
class SafetyStaffTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired SafetyStaffRegister register;
    @Autowired AssistingVisits visits;
    @Autowired ReportingManagement reporting;

    long donghua;
    String donghuaCode;
    long officer1;
    long officer2;
    LocalDate today;
    MockHttpSession township;

    @BeforeEach
    void ids() throws Exception {
        donghua = jdbc.sql("SELECT id FROM organization WHERE name = '东华街道'").query(Long.class).single();
        donghuaCode = jdbc.sql("SELECT division_code FROM organization WHERE id = ?").param(donghua).query(String.class).single();
        officer1 = user("officer1");
        officer2 = user("officer2");
        today = LocalDate.now(clock);
        township = login("township1");
    }

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        jdbc.sql("DELETE FROM township_safety_staff WHERE NOT demo").update();
    }

    @Test
    void a_township_leader_registers_corrects_trains_and_ends_the_term_of_a_safety_staff_member_with_the_phone_sealed_and_masked()
            throws Exception {
        long before = count("township_safety_staff");
        MockHttpServletResponse refused = page(post("/township/safety-staff").session(township).with(csrf())
                .param("organizationId", String.valueOf(donghua)).param("name", "赵志强").param("phone", "12345")
                .param("areaKind", "VILLAGE").param("areaName", "东华村").param("termFrom", today.toString())
                .param("termTo", today.minusDays(1).toString()));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("联系电话应为11位手机号码或带区号的固定电话", "任期截止日期不能早于起始日期",
                "赵志强");
        assertThat(count("township_safety_staff")).isEqualTo(before);

        long id = registerZhao();
        assertThat(jdbc.sql("SELECT phone FROM township_safety_staff WHERE id = ?").param(id).query(String.class).single())
                .startsWith("sm4gcm:").doesNotContain("13900001234");
        String list = page(get("/township/safety-staff").session(township).param("q", "赵志")).getContentAsString();
        assertThat(list).contains("赵志强", "139****1234", "东华村", "在岗").doesNotContain("13900001234");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                page(get("/township/safety-staff.xlsx").session(township).param("q", "赵志")).getContentAsByteArray()))) {
            var row = book.getSheetAt(0).getRow(1);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("赵志强");
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("139****1234");
        }
        assertThat(page(get("/township/safety-staff/" + id).session(township)).getContentAsString()).contains("13900001234");

        int version = jdbc.sql("SELECT version FROM township_safety_staff WHERE id = ?").param(id).query(Integer.class).single();
        assertThat(page(staffForm(post("/township/safety-staff/" + id), "东华工业园").param("version", String.valueOf(version)))
                .getStatus()).isEqualTo(302);
        assertThat(page(staffForm(post("/township/safety-staff/" + id), "旧值").param("version", String.valueOf(version)))
                .getStatus()).as("a stale version is refused, not overwritten").isEqualTo(409);
        assertThat(jdbc.sql("SELECT area_name FROM township_safety_staff WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("东华工业园");

        assertThat(page(post("/township/safety-staff/" + id + "/trainings").session(township).with(csrf())
                .param("trainedOn", today.toString()).param("topic", "").param("hours", "0")).getContentAsString())
                .contains("请填写培训内容", "请填写培训学时");
        assertThat(page(post("/township/safety-staff/" + id + "/trainings").session(township).with(csrf())
                .param("trainedOn", today.toString()).param("topic", "岗前培训").param("hours", "8")).getStatus()).isEqualTo(302);
        assertThat(page(get("/township/safety-staff/" + id).session(township)).getContentAsString()).contains("岗前培训", "8学时");

        assertThat(page(post("/township/safety-staff/" + id + "/end").session(township).with(csrf())
                .param("endedOn", today.toString()).param("reason", " ")).getStatus()).isEqualTo(422);
        assertThat(page(post("/township/safety-staff/" + id + "/end").session(township).with(csrf())
                .param("endedOn", today.minusDays(1).toString()).param("reason", "本人辞职")).getStatus()).isEqualTo(302);
        assertThat(page(get("/township/safety-staff").session(township).param("status", "ENDED")).getContentAsString())
                .contains("赵志强", "已离任");
        MockHttpServletResponse late = page(visitForm(id, firmOfDonghua(0), "巡查", "", null));
        assertThat(late.getStatus()).isEqualTo(422);
        assertThat(late.getContentAsString()).contains("不在任期内");

        assertThat(page(staffForm(post("/township/safety-staff"), "东华村").session(login("officer1"))).getStatus())
                .as("an officer does not keep the register").isEqualTo(403);
    }

    @Test
    void each_finding_of_a_visit_becomes_a_lead_the_officer_turns_into_a_task_or_closes_with_a_reason() throws Exception {
        long staff = registerZhao();
        long firm = firmOfDonghua(1);
        long leadsBefore = count("township_lead");
        MockHttpServletResponse noOfficer = page(visitForm(staff, firm, "仓库巡查", "通道堆物\n灭火器过期", null));
        assertThat(noOfficer.getStatus()).isEqualTo(422);
        assertThat(noOfficer.getContentAsString()).contains("发现问题时请选择接收线索的区执法人员");
        long westernOfficer = jdbc.sql("""
                SELECT c.user_id FROM officer_certificate c JOIN app_user u ON u.id = c.user_id
                JOIN organization o ON o.id = u.organization_id WHERE o.name LIKE '西城%' ORDER BY c.user_id LIMIT 1""")
                .query(Long.class).single();
        assertThat(page(visitForm(staff, firm, "仓库巡查", "通道堆物", westernOfficer)).getContentAsString())
                .contains("接收线索的人员须是本区持有效执法证的执法人员");
        long elsewhere = jdbc.sql("SELECT id FROM enterprise WHERE town_code <> ? ORDER BY id LIMIT 1").param(donghuaCode)
                .query(Long.class).single();
        assertThat(page(visitForm(staff, elsewhere, "巡查", "通道堆物", officer1)).getContentAsString())
                .contains("不在东华街道辖区内");
        assertThat(count("township_lead")).isEqualTo(leadsBefore);

        assertThat(page(visitForm(staff, firm, "仓库巡查，货物较多", "通道堆物\n\n灭火器过期", officer1)).getStatus()).isEqualTo(302);
        List<Long> leads = jdbc.sql("""
                SELECT l.id FROM township_lead l JOIN township_staff_visit v ON v.id = l.visit_id WHERE v.staff_id = ?
                ORDER BY l.id""").param(staff).query(Long.class).list();
        assertThat(leads).hasSize(2);

        MockHttpSession officer = login("officer1");
        assertThat(page(get("/").session(officer)).getContentAsString()).contains("待处理专职安全员线索");
        assertThat(page(get("/township/leads").session(officer).param("mine", "true").param("status", "OPEN"))
                .getContentAsString()).contains("通道堆物", "灭火器过期", "赵志强");
        assertThat(page(get("/township/leads").session(township)).getContentAsString())
                .as("the township sees what became of its findings").contains("通道堆物");

        long tasks = count("inspection_task");
        MockHttpServletResponse alone = page(post("/township/leads/" + leads.get(0) + "/inspection").session(officer)
                .with(csrf()).param("dueMonth", YearMonth.from(today).toString()));
        assertThat(alone.getStatus()).isEqualTo(422);
        assertThat(alone.getContentAsString()).contains("请选择同去检查的另一名执法人员");
        assertThat(count("inspection_task")).isEqualTo(tasks);

        assertThat(page(post("/township/leads/" + leads.get(0) + "/inspection").session(officer).with(csrf())
                .param("partnerId", String.valueOf(officer2)).param("dueMonth", YearMonth.from(today).toString()))
                .getStatus()).isEqualTo(302);
        Map<String, Object> lead = jdbc.sql("SELECT status, task_id FROM township_lead WHERE id = ?").param(leads.get(0))
                .query().singleRow();
        assertThat(lead.get("status")).isEqualTo("INSPECTION");
        Map<String, Object> task = jdbc.sql("SELECT enterprise_id, source, source_ref FROM inspection_task WHERE id = ?")
                .param(lead.get("task_id")).query().singleRow();
        assertThat(task.get("enterprise_id")).isEqualTo(firm);
        assertThat(task.get("source")).isEqualTo("AD_HOC");
        assertThat(task.get("source_ref")).isEqualTo("专职安全员线索第" + leads.get(0) + "号");
        assertThat(page(post("/township/leads/" + leads.get(0) + "/close").session(officer).with(csrf())
                .param("reason", "重复")).getContentAsString()).contains("该线索已转为检查任务，不能再处理。");

        assertThat(page(post("/township/leads/" + leads.get(1) + "/close").session(officer).with(csrf()).param("reason", ""))
                .getContentAsString()).contains("请填写关闭线索的理由。");
        assertThat(status(leads.get(1))).isEqualTo("OPEN");
        assertThat(page(post("/township/leads/" + leads.get(1) + "/close").session(login("officer2")).with(csrf())
                .param("reason", "不是我的")).getContentAsString()).contains("只有本人或其单位负责人可以处理");
        assertThat(page(post("/township/leads/" + leads.get(1) + "/close").session(officer).with(csrf())
                .param("reason", "电话核实已整改")).getStatus()).isEqualTo(302);
        assertThat(status(leads.get(1))).isEqualTo("CLOSED");
        assertThat(page(get("/township/leads/" + leads.get(1)).session(officer)).getContentAsString())
                .contains("关闭：电话核实已整改").doesNotContain("CLOSED", "OPEN");

        Long audited = jdbc.sql("SELECT count(*) FROM audit_log WHERE target_type = '专职安全员线索' AND target_id = ?")
                .param(String.valueOf(leads.get(1))).query(Long.class).single();
        assertThat(audited).isPositive();

        actAs(jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'leader2'").query(Long.class).single(),
                user("leader2"), Role.LEADER);
        List<WorkFigure> figures = reporting.annual(today.getYear(), null).workFigures();
        assertThat(figures).filteredOn(f -> f.section().equals("专职安全员")).extracting(WorkFigure::label)
                .containsExactly("专职安全员", "专职安全员培训", "专职安全员协助检查", "专职安全员线索转检查");
        assertThat(figures).filteredOn(f -> f.label().equals("专职安全员线索转检查")).singleElement()
                .satisfies(f -> assertThat(f.value().longValue()).isPositive());
    }

    @Test
    void a_lead_of_another_district_is_neither_shown_nor_handled_and_its_staff_cannot_be_visited() throws Exception {
        long west = jdbc.sql("SELECT id FROM organization WHERE name = '示例市西城区应急管理局'").query(Long.class).single();
        long xiguan = jdbc.sql("SELECT id FROM organization WHERE name = '西关街道'").query(Long.class).single();
        actAs(west, 0, Role.LEADER);
        long staff = register.register(new SafetyStaffRegister.StaffForm(xiguan, "孙立新", "13900005678", AreaKind.PARK,
                "西关园区", today.minusYears(1), null, null));
        var staffView = register.get(staff);
        long firm = visits.firmsOf(staffView).get(0).id();
        long assignee = visits.assigneesFor(xiguan).get(0).userId();
        visits.recordVisit(staff, new AssistingVisits.RecordVisit(firm, today, "园区巡查", "配电房堆放杂物", assignee, List.of()));
        SecurityContextHolder.clearContext();
        long lead = jdbc.sql("""
                SELECT l.id FROM township_lead l JOIN township_staff_visit v ON v.id = l.visit_id WHERE v.staff_id = ?""")
                .param(staff).query(Long.class).single();

        MockHttpSession officer = login("officer1");
        assertThat(page(get("/township/leads/" + lead).session(officer)).getStatus()).isEqualTo(403);
        assertThat(page(get("/township/leads").session(officer)).getContentAsString()).doesNotContain("配电房堆放杂物");
        assertThat(page(post("/township/leads/" + lead + "/close").session(officer).with(csrf()).param("reason", "越权"))
                .getStatus()).isEqualTo(403);
        assertThat(page(post("/township/leads/" + lead + "/inspection").session(officer).with(csrf())
                .param("partnerId", String.valueOf(officer2)).param("dueMonth", YearMonth.from(today).toString()))
                .getStatus()).isEqualTo(403);
        assertThat(status(lead)).isEqualTo("OPEN");
        long visitsBefore = count("township_staff_visit");
        assertThat(page(visitForm(staff, firm, "越权登记", "", null)).getStatus()).isEqualTo(403);
        assertThat(page(get("/township/safety-staff/" + staff).session(township)).getStatus()).isEqualTo(403);
        assertThat(count("township_staff_visit")).isEqualTo(visitsBefore);
    }

    private long registerZhao() throws Exception {
        MockHttpServletResponse created = page(staffForm(post("/township/safety-staff"), "东华村"));
        assertThat(created.getStatus()).isEqualTo(302);
        return Long.parseLong(created.getRedirectedUrl().replaceAll("\\D+", ""));
    }

    private MockHttpServletRequestBuilder staffForm(MockHttpServletRequestBuilder call, String area) {
        return call.session(township).with(csrf()).param("organizationId", String.valueOf(donghua)).param("name", "赵志强")
                .param("phone", "13900001234").param("areaKind", "VILLAGE").param("areaName", area)
                .param("termFrom", today.minusYears(1).toString()).param("termTo", today.plusYears(2).toString());
    }

    private MockHttpServletRequestBuilder visitForm(long staff, long firm, String seen, String findings, Long assignee) {
        MockHttpServletRequestBuilder call = post("/township/safety-staff/" + staff + "/visits").session(township).with(csrf())
                .param("enterpriseId", String.valueOf(firm)).param("visitedOn", today.toString())
                .param("observations", seen).param("findings", findings);
        return assignee == null ? call : call.param("assigneeId", String.valueOf(assignee));
    }

    /** A firm in business in 东华街道's territory that has no inspection task yet (the new task is its first). */
    private long firmOfDonghua(int n) {
        return jdbc.sql("""
                SELECT id FROM enterprise WHERE town_code = ? AND status = 'OPERATING' AND merged_into IS NULL
                AND id NOT IN (SELECT enterprise_id FROM inspection_task) ORDER BY id OFFSET ? LIMIT 1""")
                .params(donghuaCode, n).query(Long.class).single();
    }

    private MockHttpServletResponse page(MockHttpServletRequestBuilder call) throws Exception {
        MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    private void actAs(long organizationId, long userId, Role role) {
        Actor actor = new Actor() {
            public long userId() { return userId; }
            public String username() { return "safety-staff-test"; }
            public String displayName() { return "测试人员"; }
            public long organizationId() { return organizationId; }
            public Set<Role> roles() { return Set.of(role); }
        };
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(actor, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
    }

    /** One page session per demo user for the class (a login is a bcrypt check). */
    private static final Map<String, MockHttpSession> SESSIONS = new java.util.HashMap<>();

    private MockHttpSession login(String username) throws Exception {
        MockHttpSession session = SESSIONS.get(username);
        if (session == null || session.isInvalid()) {
            session = (MockHttpSession) mvc.perform(formLogin().user(username).password(Tokens.DEMO_PASSWORD)).andReturn()
                    .getRequest().getSession();
            SESSIONS.put(username, session);
        }
        return session;
    }

    private String status(long lead) {
        return jdbc.sql("SELECT status FROM township_lead WHERE id = ?").param(lead).query(String.class).single();
    }

    private long user(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
