package cn.zhifa.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.SourceRef;
import cn.zhifa.inspection.InspectionFixtures;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.reporting.ReportingManagement;
import cn.zhifa.reporting.WorkFigure;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * 逢查必考 through a whole inspection, as the officer's phone and terminal post it: the person and the draw (a retry
 * and a second draw give the same questions), bad answers refused in Chinese with nothing stored, the answers scored
 * below the pass mark, the line on the record page and in the 现场检查记录 PDF, the finding turned into a hazard of the
 * record, the quiz frozen once the record is submitted, and the statistics page, its export and the annual figures.
 */
@ZhifaIntegrationTest
class SpotQuizFlowTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserManagement users;
    @Autowired DocumentManagement documents;
    @Autowired LegalCalendar calendar;
    @Autowired ReportingManagement reporting;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_quiz_taken_during_the_inspection_is_stored_printed_and_its_low_score_becomes_a_hazard_of_the_record() throws Exception {
        long officerA = users.findByUsername("officer1").orElseThrow().id();
        long officerB = users.findByUsername("officer2").orElseThrow().id();
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 60);
        MockHttpSession officer = login("officer1");
        String token = Tokens.bearer(mvc, "officer1");
        String created = mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", token)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.taskJson(officerA, officerB, firm.id())))
                .andReturn().getResponse().getContentAsString();
        long task = ((Number) JsonPath.read(created, "$.id")).longValue();
        String location = mvc.perform(post("/inspection/tasks/" + task + "/start").session(officer).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        long record = Long.parseLong(location.replaceAll(".*/records/(\\d+).*", "$1"));
        String quizPath = "/api/v1/inspection/records/" + record + "/spot-quiz";

        assertThat(page(officer, "/inspection/records/" + record)).contains("进行逢查必考").contains(record + "/spot-quiz");
        String missingName = mvc.perform(post("/inspection/records/" + record + "/spot-quiz").session(officer).with(csrf())
                .param("post", "主要负责人").param("count", "5")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(missingName).contains("spot-quiz-error").contains("请填写答题人员姓名");
        assertThat(api(token, quizPath, InspectionFixtures.key(), "{\"personName\":\"王红\",\"personPost\":\"主要负责人\",\"count\":4}")
                .getContentAsString(StandardCharsets.UTF_8)).contains("5–10 道题");
        assertThat(quizzes(record)).as("nothing stored by a refused draw").isZero();

        String key = InspectionFixtures.key();
        String draw = "{\"personName\":\"王红\",\"personPost\":\"主要负责人\",\"count\":5,\"industry\":\"工贸\"}";
        MockHttpServletResponse drawn = api(token, quizPath, key, draw);
        assertThat(drawn.getStatus()).isEqualTo(201);
        String body = drawn.getContentAsString(StandardCharsets.UTF_8);
        List<Integer> ids = JsonPath.read(body, "$.questions[*].id");
        assertThat(ids).hasSize(5);
        assertThat(JsonPath.<List<Object>>read(body, "$.questions[*].answer")).as("answers hidden until scored")
                .allMatch(java.util.Objects::isNull);
        MockHttpServletResponse retried = api(token, quizPath, key, draw);
        assertThat(retried.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(body);
        String again = api(token, quizPath, InspectionFixtures.key(), draw.replace("\"count\":5", "\"count\":8"))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<Integer>>read(again, "$.questions[*].id")).as("one quiz a record: the same questions").isEqualTo(ids);
        assertThat(quizzes(record)).isEqualTo(1);

        List<String> right = new ArrayList<>();
        for (Integer id : ids) {
            right.add(jdbc.sql("SELECT answer FROM training_question WHERE id = ?").param(id.longValue()).query(String.class).single());
        }
        MockHttpServletResponse incomplete = api(token, quizPath + "/answers", InspectionFixtures.key(),
                "{\"answers\":[{\"questionId\":" + ids.get(0) + ",\"answer\":\"" + right.get(0) + "\"}]}");
        assertThat(incomplete.getStatus()).isEqualTo(422);
        assertThat(incomplete.getContentAsString(StandardCharsets.UTF_8)).contains("还有题目未作答");
        MockHttpServletResponse outOfRange = api(token, quizPath + "/answers", InspectionFixtures.key(), answers(ids, right, 5, "H"));
        assertThat(outOfRange.getStatus()).isEqualTo(422);
        assertThat(outOfRange.getContentAsString(StandardCharsets.UTF_8)).contains("不在选项之内");
        assertThat(jdbc.sql("SELECT count(*) FROM spot_quiz WHERE record_id = ? AND answered_at IS NOT NULL").param(record)
                .query(Long.class).single()).isZero();

        // two right, three wrong: 40 分, below the pass mark of 60, answered on the phone's page
        var answer = post("/inspection/records/" + record + "/spot-quiz/answers").session(officer).with(csrf());
        for (int i = 0; i < ids.size(); i++) {
            answer = answer.param("q" + ids.get(i), i < 2 ? right.get(i) : wrong(right.get(i)));
        }
        mvc.perform(answer).andReturn();
        String line = "逢查必考：王红（主要负责人）答题5道，得分40分（不及格）";
        String recordPage = page(officer, "/inspection/records/" + record);
        assertThat(recordPage).contains(line).contains("安全生产教育和培训不到位").contains("id=\"spot-quiz-to-hazard\"");
        MockHttpServletResponse answeredTwice = api(token, quizPath + "/answers", InspectionFixtures.key(), answers(ids, right, 5, null));
        assertThat(answeredTwice.getStatus()).isEqualTo(409);
        assertThat(answeredTwice.getContentAsString(StandardCharsets.UTF_8)).contains("不能修改");
        String read = mvc.perform(get(quizPath).header("Authorization", token)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<Double>read(read, "$.score")).isEqualTo(40.0);
        assertThat(JsonPath.<String>read(read, "$.findingBasis")).contains("第二十八条");

        // the finding, one tap: the record's hazard registration opens with it filled in
        var link = java.util.regex.Pattern.compile("<a[^>]*id=\"spot-quiz-to-hazard\"[^>]*>").matcher(recordPage);
        assertThat(link.find()).isTrue();
        String href = HtmlUtils.htmlUnescape(link.group().replaceAll("(?s).*href=\"([^\"]+)\".*", "$1"));
        assertThat(href).startsWith("/hazards/new?record=" + record);
        String registration = mvc.perform(get(java.net.URI.create(href)).session(officer)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(registration).contains("安全生产教育和培训不到位：逢查必考中王红（主要负责人）答题5道，得分40分，低于及格线60分")
                .contains("《中华人民共和国安全生产法》第二十八条").contains(firm.name());

        submit(officer, record, officerA, officerB);
        cn.zhifa.EventPublications.awaitRecordDocuments(jdbc);
        IssuedDocument printed = documents.forSource(new SourceRef("现场检查记录", String.valueOf(record))).stream()
                .filter(d -> d.kind().equals("INSPECTION_RECORD")).findFirst().orElseThrow();
        assertThat(text(documents.pdf(printed.id()).orElseThrow()).replace("\n", "")).contains(line);
        MockHttpServletResponse afterSubmit = api(token, quizPath, InspectionFixtures.key(), draw.replace("王红", "李明"));
        assertThat(afterSubmit.getStatus()).isEqualTo(409);
        assertThat(afterSubmit.getContentAsString(StandardCharsets.UTF_8)).contains("现场检查记录已提交");

        LocalDate deadline = calendar.addWorkingDays(LocalDate.now(ZoneId.of("Asia/Shanghai")), 10).due();
        mvc.perform(post("/hazards/new").session(officer).with(csrf()).param("enterpriseId", String.valueOf(firm.id()))
                .param("recordId", String.valueOf(record))
                .param("rows[0].description", "安全生产教育和培训不到位：逢查必考中王红（主要负责人）答题5道，得分40分，低于及格线60分")
                .param("rows[0].legalBasis", "《中华人民共和国安全生产法》第二十八条").param("rows[0].deadline", deadline.toString())
                .param("officerPng", InspectionFixtures.signature()).param("secondOfficerId", String.valueOf(officerB))
                .param("secondOfficerPng", InspectionFixtures.signature()).param("representativeName", "王红")
                .param("representativePng", InspectionFixtures.signature())).andReturn();
        assertThat(jdbc.sql("SELECT legal_basis FROM hazard WHERE record_id = ? AND description LIKE '安全生产教育和培训不到位%'")
                .param(record).query(String.class).single()).contains("第二十八条");
        assertThat(page(officer, "/inspection/records/" + record)).contains("已登记为隐患").contains("id=\"spot-quiz-hazard\"")
                .doesNotContain("id=\"spot-quiz-to-hazard\"");

        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        String statistics = page(login("leader1"), "/training/spot-quiz?year=" + year);
        assertThat(statistics).contains(firm.name()).contains("工贸").contains("spot-quiz-total");
        assertThat(page(officer, "/training/spot-quiz?year=" + (year - 4))).contains("spot-quiz-none");
        byte[] sheet = mvc.perform(get("/training/spot-quiz.xlsx").param("year", String.valueOf(year)).session(officer))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(sheet))) {
            var rows = book.getSheetAt(0);
            boolean firmRow = false;
            for (var row : rows) {
                firmRow |= row.getCell(1) != null && "企业".equals(row.getCell(1).getStringCellValue())
                        && firm.name().equals(row.getCell(2).getStringCellValue());
            }
            assertThat(firmRow).as("the firm's row in the export").isTrue();
        }
        actAs("leader1");
        List<String> clauses = reporting.annual(year, users.findByUsername("leader1").orElseThrow().organizationId()).workFigures()
                .stream().filter(w -> w.section().equals("逢查必考")).map(WorkFigure::clause).toList();
        assertThat(clauses).as("合格率 reads zero when every quiz failed, and the report leaves zeros out")
                .anyMatch(c -> c.matches("考核企业人员\\d+人次")).anyMatch(c -> c.matches("平均得分[\\d.]+分"));
    }

    private void submit(MockHttpSession officer, long record, long officerA, long officerB) throws Exception {
        var items = post("/inspection/records/" + record + "/items").session(officer).with(csrf());
        for (String code : List.of("AQ-22", "AQ-28", "AQ-41", "AQ-45", "AQ-81")) {
            items = items.param("result_" + code, "CONFORMS");
        }
        for (String code : List.of("GM-3-1", "GM-3-2", "GM-3-3")) {
            items = items.param("result_" + code, "NOT_APPLICABLE");
        }
        mvc.perform(items).andReturn();
        for (long member : List.of(officerA, officerB)) {
            mvc.perform(post("/inspection/records/" + record + "/signatures/officer").session(officer).with(csrf())
                    .header("HX-Request", "true").param("userId", String.valueOf(member)).param("png", InspectionFixtures.signature()));
        }
        mvc.perform(post("/inspection/records/" + record + "/signatures/representative").session(officer).with(csrf())
                .header("HX-Request", "true").param("name", "王红").param("png", InspectionFixtures.signature()));
        mvc.perform(post("/inspection/records/" + record + "/submit").session(officer).with(csrf())).andReturn();
        assertThat(jdbc.sql("SELECT status FROM inspection_record WHERE id = ?").param(record).query(String.class).single())
                .isEqualTo("SUBMITTED");
    }

    /** Every question answered right, the one at {@code odd} (if any) with {@code oddAnswer}. */
    private static String answers(List<Integer> ids, List<String> right, int odd, String oddAnswer) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            items.add("{\"questionId\":" + ids.get(i) + ",\"answer\":\"" + (i == odd - 1 && oddAnswer != null ? oddAnswer : right.get(i)) + "\"}");
        }
        return "{\"answers\":[" + String.join(",", items) + "]}";
    }

    private static String wrong(String answer) {
        return answer.equals("A") ? "B" : "A";
    }

    private long quizzes(long record) {
        return jdbc.sql("SELECT count(*) FROM spot_quiz WHERE record_id = ?").param(record).query(Long.class).single();
    }

    private MockHttpServletResponse api(String token, String path, String key, String json) throws Exception {
        MockHttpServletResponse response = mvc.perform(post(path).header("Authorization", token).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    private static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("[ \\t\\u2009\\u3000]", "");
        }
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(Tokens.DEMO_PASSWORD)).andReturn()
                .getRequest().getSession();
    }

    private void actAs(String username) {
        var user = users.findByUsername(username).orElseThrow();
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
}
