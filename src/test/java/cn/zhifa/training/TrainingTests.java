package cn.zhifa.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.registry.CertificateForm;
import cn.zhifa.registry.CertificatePolicy;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.reporting.AnnualFigures;
import cn.zhifa.reporting.ReportingManagement;
import cn.zhifa.reporting.WorkFigure;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The training module on the demo city: the 题库 import stores nothing when a row is wrong, an exam taken within and
 * after its time limit, the 执法证 exam gate on issuing a certificate, the learning record on the officer page, the
 * officers below the pass mark, and the year's figures in the annual report.
 */
@ZhifaIntegrationTest
class TrainingTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired UserManagement users;
    @Autowired OfficerManagement officers;
    @Autowired CertificatePolicy policy;
    @Autowired ReportingManagement reporting;

    @AfterEach
    void reset() {
        clock.reset();
        SecurityContextHolder.clearContext();
        jdbc.sql("DELETE FROM training_question WHERE stem LIKE '测试导入：%'").update();
        jdbc.sql("DELETE FROM exam_attempt WHERE NOT demo AND user_id = (SELECT id FROM app_user WHERE username = 'officer1')").update();
    }

    @Test
    void an_import_with_one_wrong_row_stores_nothing_and_names_the_row_then_the_corrected_sheet_stores_every_row() throws Exception {
        MockHttpSession leader = login("leader1");
        long before = questions();
        String[][] rows = {
                {"单选题", "测试导入：生产经营单位的安全生产第一责任人是？", "主要负责人", "分管负责人", "", "", "", "", "A", "", "安全生产法", "第五条", "", "", "基础"},
                {"多选题", "测试导入：行政强制措施包括？", "查封", "扣押", "罚款", "", "", "", "AB", "", "行政强制法", "第九条", "", "", "中等"},
                {"判断题", "测试导入：执法人员不得少于两人。", "", "", "", "", "", "", "正确", "", "行政处罚法", "第四十二条", "", "", "基础"},
                {"单选题", "测试导入：答案超出选项", "甲", "乙", "", "", "", "", "D", "", "安全生产法", "", "", "", "很难"}};
        String refused = mvc.perform(multipart("/training/questions/import").file(sheet(rows)).session(leader).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("import-error").contains("没有保存任何试题").contains("第 5 行");
        assertThat(questions()).isEqualTo(before);

        rows[3] = new String[]{"单选题", "测试导入：答案在选项内", "甲", "乙", "", "", "", "", "B", "", "安全生产法", "", "", "", "较难"};
        MockHttpServletResponse stored = mvc.perform(multipart("/training/questions/import").file(sheet(rows)).session(leader).with(csrf()))
                .andReturn().getResponse();
        assertThat(stored.getRedirectedUrl()).isEqualTo("/training/questions");
        assertThat(questions()).isEqualTo(before + 4);
        assertThat(jdbc.sql("SELECT answer FROM training_question WHERE stem = '测试导入：执法人员不得少于两人。'").query(String.class).single())
                .isEqualTo("A");

        MockHttpServletResponse bomb = mvc.perform(multipart("/training/questions/import")
                        .file(new MockMultipartFile("file", "题库.xlsx", "application/octet-stream", "not a workbook".getBytes()))
                        .session(leader).with(csrf())).andReturn().getResponse();
        assertThat(bomb.getContentAsString(StandardCharsets.UTF_8)).contains("请上传 Excel 2007 及以上格式");
        assertThat(mvc.perform(multipart("/training/questions/import").file(sheet(rows)).session(login("officer1")).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void an_officer_takes_a_paper_scored_automatically_and_an_answer_after_the_time_limit_is_refused() throws Exception {
        long paper = jdbc.sql("SELECT id FROM exam_paper WHERE demo AND purpose = 'PERIODIC'").query(Long.class).single();
        MockHttpSession officer = login("officer1");

        String started = mvc.perform(post("/training/exams/" + paper + "/start").session(officer).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(started).startsWith("/training/exams/attempts/");
        long attempt = Long.parseLong(started.substring(started.lastIndexOf('/') + 1));
        List<Long> ids = questionIds(paper);
        var submit = post(started).session(officer).with(csrf());
        for (Long id : ids) {
            String answer = jdbc.sql("SELECT answer FROM training_question WHERE id = ?").param(id).query(String.class).single();
            submit = submit.param("q" + id, answer.split(""));
        }
        clock.advance(Duration.ofMinutes(29));
        mvc.perform(submit).andReturn();
        assertThat(jdbc.sql("SELECT score FROM exam_attempt WHERE id = ?").param(attempt).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("100");
        String again = mvc.perform(post(started).session(officer).with(csrf()).param("q" + ids.get(0), "A"))
                .andReturn().getFlashMap().get("refusal").toString();
        assertThat(again).contains("不能再次提交");

        jdbc.sql("DELETE FROM exam_attempt WHERE id = ?").param(attempt).update();
        clock.reset();
        String second = mvc.perform(post("/training/exams/" + paper + "/start").session(officer).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        clock.advance(Duration.ofMinutes(31));
        String late = mvc.perform(post(second).session(officer).with(csrf()).param("q" + ids.get(0), "A"))
                .andReturn().getFlashMap().get("refusal").toString();
        assertThat(late).contains("已超过考试时限");
        assertThat(jdbc.sql("SELECT submitted_at IS NULL FROM exam_attempt WHERE user_id = ? AND paper_id = ?")
                .params(user("officer1").id(), paper).query(Boolean.class).single()).as("nothing stored").isTrue();
        assertThat(page(officer, second)).contains("超时未交卷");
    }

    @Test
    void a_certificate_is_refused_without_a_passed_certificate_exam_within_its_validity_and_allowed_with_one() {
        LocalDate today = LocalDate.now(clock);
        actAs("supervisor1");
        UserView withoutExam = user("supervisor1");
        long certificates = jdbc.sql("SELECT count(*) FROM officer_certificate").query(Long.class).single();
        assertThatThrownBy(() -> officers.issue(new CertificateForm(withoutExam.id(), "EXAM-0001", "示例市人民政府", today,
                today.plusYears(5), null))).isInstanceOf(RuleViolation.class).hasMessageContaining("没有执法证考试成绩");
        assertThat(jdbc.sql("SELECT count(*) FROM officer_certificate").query(Long.class).single()).isEqualTo(certificates);

        long passed = user("zf035").id();
        assertThat(policy.mayIssue(passed, today).allowed()).as("passed the demo 执法证 exam 60 days ago").isTrue();
        assertThat(policy.mayIssue(passed, today.plusYears(1)).reason()).contains("未通过执法证考试").contains("合格线 60 分");
    }

    @Test
    void the_officer_page_shows_the_learning_record_and_the_leader_sees_who_fell_below_the_pass_mark() throws Exception {
        MockHttpSession leader = login("leader1");
        long certificate = jdbc.sql("SELECT id FROM officer_certificate WHERE user_id = ?").param(user("officer1").id())
                .query(Long.class).single();
        String page = page(leader, "/registry/officers/certificates/" + certificate);
        assertThat(page).contains("学习培训档案").contains("行政执法资格考试").contains("合格");

        List<String> below = jdbc.sql("SELECT a.user_name FROM exam_attempt a JOIN exam_paper p ON p.id = a.paper_id "
                        + "JOIN organization o ON o.id = a.organization_id WHERE p.purpose = 'PERIODIC' AND NOT a.passed AND o.path LIKE "
                        + "(SELECT o2.path || '%' FROM organization o2 JOIN app_user u ON u.organization_id = o2.id WHERE u.username = 'leader1')")
                .query(String.class).list();
        String list = page(leader, "/training/exams/below-pass-mark");
        assertThat(list).contains("定期考试未达合格线人员");
        below.forEach(name -> assertThat(list).contains(name));
        assertThat(mvc.perform(get("/training/exams/below-pass-mark").session(login("officer1"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void the_annual_figures_of_the_demo_brigade_contain_its_training_exams_and_awards() {
        actAs("leader1");
        int year = jdbc.sql("SELECT CAST(EXTRACT(YEAR FROM min(held_on)) AS INT) FROM training_contest WHERE demo AND kind = 'CONTEST'")
                .query(Integer.class).single();
        AnnualFigures figures = reporting.annual(year, user("leader1").organizationId());
        List<String> clauses = figures.workFigures().stream().filter(w -> w.section().equals("执法能力建设")).map(WorkFigure::clause).toList();
        assertThat(clauses).anyMatch(c -> c.matches("组织执法人员培训\\d+期")).anyMatch(c -> c.matches("参训\\d+人次"))
                .anyMatch(c -> c.equals("获团体奖1项")).anyMatch(c -> c.equals("获个人奖3人次"));
    }

    private List<Long> questionIds(long paper) {
        String ids = jdbc.sql("SELECT question_ids FROM exam_paper WHERE id = ?").param(paper).query(String.class).single();
        return java.util.Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
    }

    private long questions() {
        return jdbc.sql("SELECT count(*) FROM training_question").query(Long.class).single();
    }

    private static MockMultipartFile sheet(String[][] rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("题库");
            Row head = sheet.createRow(0);
            head.createCell(0).setCellValue("题型");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
            return new MockMultipartFile("file", "题库.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray());
        }
    }

    private UserView user(String username) {
        return users.findByUsername(username).orElseThrow();
    }

    private void actAs(String username) {
        UserView user = user(username);
        Actor actor = new Actor() {
            public long userId() { return user.id(); }
            public String username() { return user.username(); }
            public String displayName() { return user.displayName(); }
            public long organizationId() { return user.organizationId(); }
            public Set<Role> roles() { return user.roles(); }
        };
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(actor, null,
                user.roles().stream().map(r -> new org.springframework.security.core.authority.SimpleGrantedAuthority(r.authority())).toList()));
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(Tokens.DEMO_PASSWORD)).andReturn()
                .getRequest().getSession();
    }
}
