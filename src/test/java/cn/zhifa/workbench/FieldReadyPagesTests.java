package cn.zhifa.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.WebUser;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.audit.internal.AuditLog;
import cn.zhifa.audit.AuditRecord.Outcome;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 12 §5 on the real server: what the pages say, how long lists page, and the oversight unit filters. */
@ZhifaIntegrationTest
class FieldReadyPagesTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    AuditLog auditLog;

    private String page(String user, String path) throws Exception {
        HttpResponse<String> response = WebUser.loggedIn(port, user).get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static int count(String html, String needle) {
        return html.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void an_error_page_names_the_error_in_its_heading_and_tab_and_shows_no_success_box() throws Exception {
        HttpResponse<String> response = WebUser.loggedIn(port, "leader1").get("/cases/987654321");
        assertThat(response.statusCode()).isEqualTo(404);
        String html = response.body();
        Matcher title = Pattern.compile("<title>([^<]*)</title>").matcher(html);
        assertThat(title.find()).isTrue();
        assertThat(title.group(1)).contains("不存在").doesNotContain("th:").doesNotContain("<");
        Matcher heading = Pattern.compile("<h1[^>]*id=\"error-heading\"[^>]*>(.*?)</h1>", Pattern.DOTALL).matcher(html);
        assertThat(heading.find()).isTrue();
        assertThat(heading.group(1)).contains("404").contains("不存在").doesNotContain("th:").doesNotContain("title");
        assertThat(html).doesNotContain("alert-success").contains("id=\"error-message\"");
    }

    @Test
    void the_grading_explanation_without_a_year_explains_this_year() throws Exception {
        long firm = jdbc.sql("SELECT min(id) FROM enterprise").query(Long.class).single();
        String html = page("leader1", "/planning/grading/firms/" + firm);
        assertThat(html).contains(String.valueOf(LocalDate.now(clock).getYear())).doesNotContain("error-heading");
    }

    @Test
    void the_frequency_caps_page_in_pages_of_twenty_and_finds_a_firm_by_name() throws Exception {
        String first = page("leader1", "/planning/caps");
        String table = first.substring(first.indexOf("id=\"cap-table\""));
        assertThat(count(table.substring(0, table.indexOf("</table>")), "<tr>")).isEqualTo(20 + 1);
        assertThat(first).contains("rel=\"next\"").contains("第 <span>1</span>");

        String name = jdbc.sql("SELECT name FROM enterprise ORDER BY id LIMIT 1").query(String.class).single();
        String found = page("leader1", "/planning/caps?q=" + java.net.URLEncoder.encode(name, "UTF-8"));
        String rows = found.substring(found.indexOf("id=\"cap-table\""));
        rows = rows.substring(0, rows.indexOf("</table>"));
        assertThat(rows).contains(name);
        assertThat(count(rows, "<tr>")).isLessThan(20 + 1);
    }

    @Test
    void grading_results_page_and_keep_the_filters_on_the_next_page() throws Exception {
        String html = page("admin", "/planning/grading?year=" + LocalDate.now(clock).getYear());
        String results = html.substring(html.indexOf("id=\"grading-results\""));
        results = results.substring(0, results.indexOf("</table>"));
        assertThat(count(results, "<tr>")).isLessThanOrEqualTo(20 + 1);
        if (html.contains("rel=\"next\"")) {
            Matcher next = Pattern.compile("href=\"([^\"]*page=1)\" rel=\"next\"").matcher(html);
            assertThat(next.find()).isTrue();
            assertThat(next.group(1)).contains("year=");
        }
    }

    @Test
    void the_case_list_has_a_unit_column_and_filters_by_unit() throws Exception {
        long east = jdbc.sql("SELECT id FROM organization WHERE name = '东城区应急管理综合行政执法大队'").query(Long.class).single();
        long west = jdbc.sql("SELECT id FROM organization WHERE name LIKE '西城区%执法大队'").query(Long.class).single();
        String all = page("supervisor1", "/cases");
        assertThat(all).contains("id=\"unit-filter\"").contains("办案单位").contains("东城区应急管理综合行政执法大队");
        String eastOnly = page("supervisor1", "/cases?unit=" + east);
        assertThat(eastOnly).contains("case-unit");
        String westOnly = page("supervisor1", "/cases?unit=" + west);
        String westRows = westOnly.substring(westOnly.indexOf("id=\"case-table\""));
        assertThat(westRows.substring(0, westRows.indexOf("</table>"))).doesNotContain("东城区应急管理综合行政执法大队");
    }

    @Test
    void the_deadline_warnings_name_the_unit_filter_by_unit_and_say_how_many_days_overdue() throws Exception {
        String html = page("supervisor1", "/cases/deadlines");
        assertThat(html).contains("id=\"unit-filter\"").contains("办案单位");
        if (html.contains("deadline-when")) {
            assertThat(html).containsPattern("逾期 \\d+ 天|今日到期|临期，还剩 \\d+ 天");
        }
        long west = jdbc.sql("SELECT id FROM organization WHERE name LIKE '西城区%执法大队'").query(Long.class).single();
        String westOnly = page("supervisor1", "/cases/deadlines?unit=" + west);
        assertThat(westOnly).doesNotContain(">东城区应急管理综合行政执法大队<");
    }

    @Test
    void waiting_for_approval_opens_only_the_cases_that_wait_for_the_leader() throws Exception {
        String home = page("leader1", "/");
        assertThat(home).contains("href=\"/cases?waiting=approval\"");
        String html = page("leader1", "/cases?waiting=approval");
        assertThat(html).contains("待审批案件");
        String rows = html.substring(html.indexOf("id=\"case-table\""));
        rows = rows.substring(0, rows.indexOf("</table>"));
        assertThat(rows).contains("处理呈批").doesNotContain(">调查取证<").doesNotContain(">已结案<").doesNotContain(">执行中<");
    }

    @Test
    void a_document_names_the_issuing_officer_not_the_login_name() throws Exception {
        Long id = jdbc.sql("SELECT min(id) FROM doc_issued WHERE issued_by = 'officer1'").query(Long.class).optional().orElse(null);
        if (id == null) {
            id = jdbc.sql("SELECT min(id) FROM doc_issued WHERE issued_by IS NOT NULL").query(Long.class).single();
        }
        String username = jdbc.sql("SELECT issued_by FROM doc_issued WHERE id = :id").param("id", id).query(String.class).single();
        String name = jdbc.sql("SELECT display_name FROM app_user WHERE username = :u").param("u", username).query(String.class).single();
        String html = page("leader1", "/documents/" + id);
        Matcher issuer = Pattern.compile("id=\"issuer\">([^<]*)<").matcher(html);
        assertThat(issuer.find()).isTrue();
        assertThat(issuer.group(1)).isEqualTo(name);
        assertThat(html).doesNotContain("SHA-256");
    }

    @Test
    void the_audit_log_shows_names_case_numbers_and_chinese_actions_never_paths_or_exception_names() throws Exception {
        long caseId = jdbc.sql("SELECT min(id) FROM penalty_case").query(Long.class).single();
        String caseNumber = jdbc.sql("SELECT case_number FROM penalty_case WHERE id = :id").param("id", caseId).query(String.class).single();
        String officer = jdbc.sql("SELECT display_name FROM app_user WHERE username = 'officer2'").query(String.class).single();
        // a record as the interceptor wrote them before: a URL path as action, an exception's class name as detail
        auditLog.append("officer2", null, null, "POST /api/v1/hazards/{id}/closure", "案件", String.valueOf(caseId),
                Outcome.FAILURE, "AccessDeniedException: Access Denied", "127.0.0.1");
        String html = page("auditor", "/audit?actor=officer2");
        String table = html.substring(html.indexOf("id=\"audit-table\""));
        table = table.substring(0, table.indexOf("</table>"));
        assertThat(table).contains(officer).contains("隐患销号（接口）").contains("案件 " + caseNumber).contains("无权执行该操作")
                .doesNotContain("POST /").doesNotContain("/api/").doesNotContain("Exception").doesNotContain(">officer2<");
    }

    @Test
    void the_officer_statistics_list_every_unit_under_the_users_own_also_those_without_officers() throws Exception {
        long own = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'leader1'").query(Long.class).single();
        List<String> children = jdbc.sql("SELECT name FROM organization WHERE parent_id = :p").param("p", own).query(String.class).list();
        String html = page("leader1", "/registry/statistics");
        String table = html.substring(html.indexOf("id=\"officer-table\""));
        table = table.substring(0, table.indexOf("</table>"));
        for (String child : children) {
            assertThat(table).contains(child);
        }
    }

    @Test
    void an_officers_menu_follows_the_day_inspections_before_the_registry_and_the_home_starts_with_todays_inspections() throws Exception {
        String html = page("officer1", "/");
        String menu = html.substring(html.indexOf("id=\"sidebar\""), html.indexOf("</aside>"));
        assertThat(menu.indexOf("今日检查")).isPositive().isLessThan(menu.indexOf("企业列表"));
        assertThat(menu.indexOf("案件办理")).isLessThan(menu.indexOf("企业列表"));
        String content = html.substring(html.indexOf("<main"));
        assertThat(content.indexOf("id=\"today-inspections\"")).isPositive().isLessThan(content.indexOf("id=\"pendingWork\""));
    }

    @Test
    void the_public_toolbox_names_no_api_paths_and_deadline_bases_carry_no_maintainer_notes() throws Exception {
        String toolbox = WebUser.loggedIn(port, "officer1").get("/toolbox").body();
        assertThat(toolbox).doesNotContain("/api/v1");
        long caseId = jdbc.sql("SELECT min(id) FROM penalty_case WHERE stage = 'FILED'").query(Long.class).single();
        String detail = page("leader1", "/cases/" + caseId);
        assertThat(detail).doesNotContain("待核").doesNotContain("DEMO-");
    }

    @Test
    void the_leader_approving_a_proposal_sees_range_tier_suggestion_reasons_and_similar_cases() throws Exception {
        long id = jdbc.sql("SELECT id FROM penalty_case WHERE party_name = '恒通仓储有限公司' AND stage = 'PENALTY_PROPOSED'")
                .query(Long.class).single();
        String html = page("leader1", "/cases/" + id);
        String panel = html.substring(html.indexOf("id=\"proposal-panel\""));
        panel = panel.substring(0, panel.indexOf("id=\"case-documents\"") > 0 ? panel.indexOf("id=\"case-documents\"") : panel.length());
        assertThat(panel).contains("法定幅度").contains("proposal-legal-range").contains("裁量阶次").contains("拟罚款")
                .contains("建议罚款").contains("理由").contains("同类案件");
        assertThat(html.indexOf("id=\"proposal-panel\"")).as("the proposal before the approval actions").isLessThan(html.indexOf("id=\"actions\""));
    }

    @Test
    void similar_cases_are_decisions_on_the_same_violation_not_on_another_under_the_same_article() throws Exception {
        // 宏达: 特种作业人员未持证上岗 (97-1); 宏远纺织 was decided for 未按规定组织应急救援演练, also 97-1
        long id = jdbc.sql("SELECT id FROM penalty_case WHERE party_name = '宏达机械制造有限公司'").query(Long.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM penalty_case WHERE party_name = '宏远纺织有限公司' AND violation_code = '97-1' AND decided_on IS NOT NULL")
                .query(Long.class).single()).isPositive();
        String html = page("leader1", "/cases/" + id + "?preview=1&violationCode=97-1&tier=GENERAL&amountYuan=20000");
        int start = html.indexOf("id=\"similar-cases\"");
        assertThat(start).isPositive();
        String similar = html.substring(start, html.indexOf("</div>", html.indexOf("同类案件", start)) + 1);
        assertThat(similar).doesNotContain("宏远纺织有限公司");
    }
}
