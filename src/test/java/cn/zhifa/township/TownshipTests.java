package cn.zhifa.township;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.casework.CaseKind;
import cn.zhifa.casework.CaseManagement;
import cn.zhifa.casework.CaseSource;
import cn.zhifa.casework.PartyKind;
import cn.zhifa.casework.PartySnapshot;
import cn.zhifa.casework.ProposedCase;
import cn.zhifa.documents.DocumentContent;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.DocumentTemplates;
import cn.zhifa.documents.IssueRequest;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.SampleDocuments;
import cn.zhifa.documents.SourceRef;
import cn.zhifa.documents.TemplateSummary;
import cn.zhifa.inspection.InspectionKind;
import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.inspection.InspectionMode;
import cn.zhifa.inspection.NewTask;
import cn.zhifa.inspection.TaskSource;
import cn.zhifa.planning.CapException;
import cn.zhifa.reporting.ReportingManagement;
import cn.zhifa.reporting.WorkFigure;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
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

/**
 * 乡镇赋权、委托 (issue 21) on the real database: a township opens inspections and cases only within the powers and
 * periods recorded for it, and its documents carry its own name and number (赋权) or the bureau's (委托).
 */
@ZhifaIntegrationTest
class TownshipTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired TownshipManagement townships;
    @Autowired InspectionManagement inspections;
    @Autowired CaseManagement cases;
    @Autowired DocumentManagement documents;
    @Autowired ReportingManagement reporting;

    long west;      // 示例市西城区应急管理局
    long xiguan;    // a township of 西城 with firms of its own
    String xiguanName;
    long heping;    // 和平街道, 西城
    long jianshe;   // 建设街道, 东城 (kept by leader2 on the page)
    long officer1;
    long officer2;
    LocalDate today;

    @BeforeEach
    void ids() {
        west = id("示例市西城区应急管理局");
        xiguan = jdbc.sql("""
                        SELECT o.id FROM organization o JOIN organization d ON d.id = o.parent_id
                        WHERE d.name = '示例市西城区应急管理局' AND o.kind = 'TOWNSHIP' AND o.name <> '和平街道'
                        AND EXISTS (SELECT 1 FROM enterprise e WHERE e.organization_id = o.id AND e.status = 'OPERATING')
                        ORDER BY o.id LIMIT 1""").query(Long.class).single();
        xiguanName = jdbc.sql("SELECT name FROM organization WHERE id = ?").param(xiguan).query(String.class).single();
        heping = id("和平街道");
        jianshe = id("建设街道");
        officer1 = user("officer1");
        officer2 = user("officer2");
        today = LocalDate.now(clock);
        SampleDocuments.ensureSettings(documents, west);
    }

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        jdbc.sql("DELETE FROM township_power WHERE organization_id IN (:orgs)").param("orgs", List.of(xiguan, heping, jianshe))
                .update();
    }

    @Test
    void a_township_is_refused_outside_its_powers_and_their_period_and_allowed_inside() {
        long inspectionPower = power("INSPECTION");
        long tasksBefore = count("inspection_task");
        long casesBefore = count("penalty_case");
        actAs(west, 0, Role.LEADER);
        townships.grant(new GrantPower(xiguan, inspectionPower, PowerMode.ENTRUSTED, null, "示例市西城区应急管理局行政执法委托书",
                "西城应急委〔2025〕2号", today.minusYears(1), today.minusDays(1)));

        Actor township = actAs(xiguan, officer1, Role.OFFICER);
        assertThatThrownBy(() -> inspections.createTask(task(xiguan), township, false))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining(xiguanName + "行政检查职权的委托期限为")
                .hasMessageContaining("不在期限内");
        assertThatThrownBy(() -> cases.propose(new ProposedCase(CaseSource.INSPECTION, "现场检查", CaseKind.ENFORCEMENT, xiguan,
                null, new PartySnapshot(PartyKind.UNIT, "示例公司", "91350100M000100Y43", "赵某", "示例市"), "未设置安全警示标志",
                "现场发现未设置安全警示标志", today, null, null, null, null)))
                .isInstanceOf(RuleViolation.class)
                .hasMessage(xiguanName + "未经赋权或委托行使行政处罚职权（权责清单中没有此类事项），不能办理，请由区应急管理局办理。");
        assertThat(count("inspection_task")).isEqualTo(tasksBefore);
        assertThat(count("penalty_case")).isEqualTo(casesBefore);

        actAs(west, 0, Role.LEADER);
        townships.grant(new GrantPower(xiguan, inspectionPower, PowerMode.ENTRUSTED, null, "示例市西城区应急管理局行政执法委托书",
                "西城应急委〔2026〕1号", today, null));
        actAs(xiguan, officer1, Role.OFFICER);
        assertThat(inspections.createTask(task(xiguan), township, false).id()).isPositive();
        assertThat(count("inspection_task")).isEqualTo(tasksBefore + 1);
    }

    @Test
    void a_township_holding_powers_by_grant_issues_in_its_own_name_and_numbers_by_entrustment_in_the_bureaus() throws Exception {
        actAs(west, 0, Role.LEADER);
        townships.grant(new GrantPower(xiguan, power("PENALTY"), PowerMode.GRANTED, "西关", "示例市西城区人民政府关于向街道赋予部分安全生产行政执法权的决定",
                "西城政发〔2026〕5号", today.minusDays(1), null));
        townships.grant(new GrantPower(heping, power("PENALTY"), PowerMode.ENTRUSTED, null, "示例市西城区应急管理局行政执法委托书",
                "西城应急委〔2026〕3号", today.minusDays(1), null));

        IssuedDocument own = documents.issue(request(xiguan));
        assertThat(own.authorityName()).isEqualTo(xiguanName);
        assertThat(own.authorityOrganizationId()).isEqualTo(xiguan);
        assertThat(own.number()).startsWith("（西关）应急罚〔" + today.getYear() + "〕");
        assertThat(pdfText(own)).contains(xiguanName, own.number(), "示例市西城区人民政府").doesNotContain("西城区应急管理局");

        IssuedDocument entrusted = documents.issue(request(heping));
        assertThat(entrusted.authorityName()).isEqualTo("示例市西城区应急管理局");
        assertThat(entrusted.number()).startsWith("（西城）应急罚〔" + today.getYear() + "〕");
        assertThat(pdfText(entrusted)).contains("示例市西城区应急管理局", entrusted.number());
    }

    @Test
    void a_district_leader_keeps_the_powers_on_the_page_with_refusals_on_the_form() throws Exception {
        MockHttpSession leader = login("leader2");
        long before = count("township_power");
        MockHttpServletResponse refused = mvc.perform(grantForm(leader, "GRANTED", "")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("请填写其文书代字");
        assertThat(count("township_power")).isEqualTo(before);

        assertThat(mvc.perform(grantForm(leader, "GRANTED", "建设")).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(count("township_power")).isEqualTo(before + 1);
        long granted = jdbc.sql("SELECT max(id) FROM township_power").query(Long.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE target_type = '乡镇赋权委托事项' AND target_id = ?")
                .param(String.valueOf(granted)).query(Long.class).single()).as("audited").isPositive();
        String page = mvc.perform(get("/township/powers").param("unitId", String.valueOf(jianshe)).session(leader))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("建设街道", "东城政发〔2026〕9号", "赋权").doesNotContain(">GRANTED<", "ENTRUSTED<");
        assertThat(mvc.perform(get("/township/powers.xlsx").session(leader)).andReturn().getResponse().getContentType())
                .contains("spreadsheetml");

        assertThat(mvc.perform(grantForm(login("officer1"), "ENTRUSTED", "")).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void the_townships_powers_and_work_reach_the_annual_report_and_the_per_township_figures() {
        actAs(jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'leader2'").query(Long.class).single(),
                user("leader2"), Role.LEADER);
        List<WorkFigure> figures = reporting.annual(today.getYear(), null).workFigures();
        // the demo's 东华街道 holds its powers by 赋权, 朝阳街道 by 委托
        assertThat(figures).filteredOn(f -> f.section().equals("乡镇（街道）执法") && f.label().equals("乡镇赋权事项"))
                .singleElement().satisfies(f -> assertThat(f.value().longValue()).isPositive());
        assertThat(figures).filteredOn(f -> f.label().equals("乡镇受委托事项"))
                .singleElement().satisfies(f -> assertThat(f.value().longValue()).isPositive());
        assertThat(townships.statistics(today.getYear())).extracting(TownshipManagement.TownshipFigures::township)
                .contains("东华街道", "朝阳街道", "建设街道");
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder grantForm(MockHttpSession session,
                                                                                                 String mode, String shortName) {
        return post("/township/powers").session(session).with(csrf()).param("organizationId", String.valueOf(jianshe))
                .param("powerId", String.valueOf(power("INSPECTION"))).param("mode", mode).param("ownShortName", shortName)
                .param("instrumentTitle", "示例市东城区人民政府关于向街道赋予部分安全生产行政执法权的决定")
                .param("instrumentNumber", "东城政发〔2026〕9号").param("validFrom", today.toString());
    }

    private IssueRequest request(long org) {
        TemplateSummary t = DocumentTemplates.standard().find("PENALTY_DECISION_UNIT").orElseThrow();
        DocumentContent c = SampleDocuments.content(t);
        return new IssueRequest(t.kind(), org, new SourceRef("case", UUID.randomUUID().toString()), c.fields(),
                List.copyOf(c.parties().values()), c.officers(), c.signatures(), c.refusals(), today, "officer1", null);
    }

    private String pdfText(IssuedDocument d) throws Exception {
        try (var doc = Loader.loadPDF(documents.pdf(d.id()).orElseThrow())) {
            return new PDFTextStripper().getText(doc).replaceAll("[ \\u2009]", "");
        }
    }

    private NewTask task(long township) {
        long firm = jdbc.sql("SELECT id FROM enterprise WHERE status = 'OPERATING' AND organization_id = ? ORDER BY id LIMIT 1")
                .param(township).query(Long.class).single();
        return new NewTask(TaskSource.COMPLAINT, "举报件〔2026〕21号", firm, InspectionKind.GENERAL, InspectionMode.ON_SITE,
                List.of(officer1, officer2), YearMonth.from(today), "GM-MGMT", false, CapException.COMPLAINT, "举报件〔2026〕21号");
    }

    private Actor actAs(long organizationId, long userId, Role role) {
        Actor actor = new Actor() {
            public long userId() { return userId; }
            public String username() { return "township-test"; }
            public String displayName() { return "测试人员"; }
            public long organizationId() { return organizationId; }
            public Set<Role> roles() { return Set.of(role); }
        };
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(actor, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
        return actor;
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(Tokens.DEMO_PASSWORD)).andReturn()
                .getRequest().getSession();
    }

    private long power(String kind) {
        return jdbc.sql("SELECT id FROM publicity_power WHERE kind = ? ORDER BY list_year DESC, id LIMIT 1").param(kind)
                .query(Long.class).single();
    }

    private long id(String name) {
        return jdbc.sql("SELECT id FROM organization WHERE name = ?").param(name).query(Long.class).single();
    }

    private long user(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
