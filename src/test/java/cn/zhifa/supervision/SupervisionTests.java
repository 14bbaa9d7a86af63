package cn.zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.casework.CaseDeadlines;
import cn.zhifa.casework.CaseFilter;
import cn.zhifa.casework.CaseManagement;
import cn.zhifa.casework.CaseRow;
import cn.zhifa.casework.CaseStage;
import cn.zhifa.casework.TimelineEntry;
import cn.zhifa.hazard.HazardManagement;
import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The supervisor's dashboard against the lists behind each number, the complaint API's contract (201 with the
 * deadlines, 400 with a Chinese detail and nothing stored, an idempotent retry, filters, the reporter masked for
 * non-handlers), and a 督办单 answered by the unit or flagged overdue.
 */
@ZhifaIntegrationTest
class SupervisionTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired UserManagement users;
    @Autowired OrganizationManagement organizations;
    @Autowired InspectionManagement inspections;
    @Autowired HazardManagement hazards;
    @Autowired CaseManagement cases;
    @Autowired CaseDeadlines caseDeadlines;

    @AfterEach
    void reset() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_overview_lists_every_unit_in_scope_and_each_number_equals_the_list_behind_it() throws Exception {
        int year = LocalDate.now(clock).getYear();
        String body = mvc.perform(get("/api/v1/supervision/overview").param("year", String.valueOf(year))
                .header("Authorization", Tokens.bearer(mvc, "supervisor1"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Map<String, Object>> units = JsonPath.read(body, "$.units");
        actAs("supervisor1");
        assertThat(units).extracting(u -> ((Number) u.get("organizationId")).longValue())
                .as("every unit of the city, zero or not").containsExactlyElementsOf(
                        organizations.visibleTree().stream().map(o -> o.id()).toList());
        assertThat(units.stream().mapToLong(u -> ((Number) u.get("inspections")).longValue()).sum()).isPositive();
        Map<String, Object> city = units.get(0);
        assertThat(number(city, "inspections")).isEqualTo(inspections.statistics(year).visits());
        assertThat(number(city, "hazardsFound")).isEqualTo(hazards.statistics(year).found());
        List<cn.zhifa.casework.CaseWarning> warnings = caseDeadlines.watchList();
        assertThat(warnings).as("the demo city has overdue cases to count").anyMatch(w -> w.level() == TimelineEntry.Status.OVERDUE);
        for (Map<String, Object> unit : units) {
            long id = number(unit, "organizationId");
            String name = (String) unit.get("name");
            Set<Long> subtree = Set.copyOf(organizations.subtreeIds(id));
            assertThat(number(unit, "inspections")).as(name + " 检查家次")
                    .isEqualTo(inspections.submittedRecords(id, year, 100_000).size());
            assertThat(number(unit, "hazardsOverdue")).as(name + " 逾期隐患").isEqualTo(hazards.search(
                    new cn.zhifa.hazard.HazardQuery("overdue", id, null, null, 0, 200)).total());
            List<CaseRow> rows = cases.search(CaseFilter.none(), id, Set.of(), 0, 100_000).items();
            assertThat(number(unit, "casesFiled")).as(name + " 立案").isEqualTo(rows.stream()
                    .filter(r -> r.filedOn() != null && r.filedOn().getYear() == year).count());
            assertThat(new BigDecimal(unit.get("finesYuan").toString())).as(name + " 罚款").isEqualByComparingTo(rows.stream()
                    .filter(r -> r.decidedOn() != null && r.decidedOn().getYear() == year && r.stage() != CaseStage.NOT_PUNISHED
                            && r.fineYuan() != null)
                    .map(CaseRow::fineYuan).reduce(BigDecimal.ZERO, BigDecimal::add));
            assertThat(number(unit, "casesOverdue")).as(name + " 逾期案件").isEqualTo(warnings.stream()
                    .filter(w -> w.level() == TimelineEntry.Status.OVERDUE && subtree.contains(w.organizationId()))
                    .map(w -> w.caseId()).distinct().count());
        }
    }

    @Test
    void the_dashboard_page_shows_every_unit_with_links_and_exports_the_same_table() throws Exception {
        MockHttpSession supervisor = login("supervisor1");
        String page = mvc.perform(get("/supervision").session(supervisor)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        actAs("supervisor1");
        var tree = organizations.visibleTree();
        for (var unit : tree) {
            assertThat(page).contains(unit.name()).contains("/hazards?filter=overdue&amp;unit=" + unit.id());
        }
        assertThat(page).contains("trend-chart").doesNotContain("HOTLINE").doesNotContain("supervisor1");
        MockHttpServletResponse xlsx = mvc.perform(get("/supervision/overview.xlsx").session(supervisor)).andReturn().getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(tree.size());
            assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo(tree.get(0).name());
        }
        String unitId = String.valueOf(users.findByUsername("officer1").orElseThrow().organizationId());
        assertThat(mvc.perform(get("/inspection/records").param("unit", unitId).param("year", "2026").session(supervisor))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("records-filter");
    }

    @Test
    void a_complaint_is_registered_once_with_its_deadlines_and_bad_input_stores_nothing() throws Exception {
        String officer = Tokens.bearer(mvc, "officer1");
        long before = count();
        String today = LocalDate.now(clock).toString();
        MockHttpServletResponse missing = api(officer, null, """
                {"channel":"HOTLINE_12350","receivedOn":"%s","content":"","anonymous":true,"enterpriseName":"某加油站"}""".formatted(today));
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(missing.getContentAsString(StandardCharsets.UTF_8)).contains("请填写举报内容");
        MockHttpServletResponse future = api(officer, null, """
                {"channel":"HOTLINE_12350","receivedOn":"%s","content":"违规储存","anonymous":true,"enterpriseName":"某加油站"}"""
                .formatted(LocalDate.now(clock).plusDays(3)));
        assertThat(future.getStatus()).isEqualTo(400);
        assertThat(future.getContentAsString(StandardCharsets.UTF_8)).contains("不能晚于今天");
        MockHttpServletResponse unnamed = api(officer, null, """
                {"channel":"LETTER","receivedOn":"%s","content":"违规储存","anonymous":false,"enterpriseName":"某加油站"}""".formatted(today));
        assertThat(unnamed.getStatus()).isEqualTo(400);
        assertThat(count()).isEqualTo(before);

        String key = UUID.randomUUID().toString();
        String json = """
                {"channel":"HOTLINE_12345","receivedOn":"%s","content":"夜间违规动火作业","enterpriseName":"某五金厂",
                 "reporterName":"王某","reporterPhone":"13912345678","anonymous":false}""".formatted(today);
        MockHttpServletResponse created = api(officer, key, json);
        assertThat(created.getStatus()).isEqualTo(201);
        String answer = created.getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) JsonPath.read(answer, "$.id")).longValue();
        assertThat((String) JsonPath.read(answer, "$.acceptDue")).isGreaterThan(today);
        assertThat((String) JsonPath.read(answer, "$.closeDue")).isGreaterThan((String) JsonPath.read(answer, "$.acceptDue"));
        MockHttpServletResponse retry = api(officer, key, json);
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(((Number) JsonPath.read(retry.getContentAsString(), "$.id")).longValue()).isEqualTo(id);
        assertThat(count()).isEqualTo(before + 1);

        String asOfficer = mvc.perform(get("/api/v1/complaints/" + id).header("Authorization", officer)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(asOfficer, "$.reporter")).isEqualTo("王某");
        String asSupervisor = mvc.perform(get("/api/v1/complaints/" + id).header("Authorization", Tokens.bearer(mvc, "supervisor1")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(asSupervisor, "$.reporter")).isEqualTo("***");
        assertThat(asSupervisor).doesNotContain("13912345678");
    }

    @Test
    void the_list_filters_by_channel_status_and_overdue_and_statistics_count_closed_on_time_but_not_duplicates() throws Exception {
        String officer = Tokens.bearer(mvc, "officer1");
        LocalDate longAgo = LocalDate.now(clock).minusDays(40);
        long late = id(api(officer, null, """
                {"channel":"PHONE","receivedOn":"%s","content":"无证经营危化品","enterpriseName":"某小作坊","anonymous":true}"""
                .formatted(longAgo)));
        long duplicate = id(api(officer, null, """
                {"channel":"PHONE","receivedOn":"%s","content":"同一小作坊","enterpriseName":"某小作坊","anonymous":true,"duplicateOf":%d}"""
                .formatted(LocalDate.now(clock), late)));
        String overdue = mvc.perform(get("/api/v1/complaints").param("overdue", "true").param("channel", "PHONE").param("size", "200")
                .header("Authorization", officer)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Integer> ids = JsonPath.read(overdue, "$.items[*].id");
        assertThat(ids).contains((int) late).doesNotContain((int) duplicate);
        assertThat((String) JsonPath.read(overdue, "$.items[0].channelLabel")).isEqualTo("电话");
        String dups = mvc.perform(get("/api/v1/complaints").param("status", "DUPLICATE").header("Authorization", officer))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((List<Integer>) JsonPath.read(dups, "$.items[*].id")).contains((int) duplicate);

        int year = longAgo.getYear();
        long closedOnTimeBefore = phone(officer, year, "closedOnTime");
        long receivedBefore = phone(officer, year, "received");
        long unit = users.findByUsername("officer1").orElseThrow().organizationId();
        long fresh = id(api(officer, null, """
                {"channel":"PHONE","receivedOn":"%s","content":"消防通道堵塞","enterpriseName":"某商场","anonymous":true}"""
                .formatted(LocalDate.now(clock))));
        assertThat(step(officer, fresh, "accept", "{\"unitId\":" + unit + "}").getStatus()).isEqualTo(200);
        MockHttpServletResponse early = step(officer, fresh, "close", "{\"result\":\"已整改\"}");
        assertThat(early.getStatus()).isEqualTo(422);
        assertThat(early.getContentAsString(StandardCharsets.UTF_8)).contains("答复");
        assertThat(step(officer, fresh, "reply", "{\"reply\":\"已现场核查，责令清理\"}").getStatus()).isEqualTo(200);
        String closed = step(officer, fresh, "close", "{\"result\":\"通道已清理\"}").getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(closed, "$.statusLabel")).isEqualTo("已办结");
        if (LocalDate.now(clock).getYear() == year) {
            assertThat(phone(officer, year, "closedOnTime")).isEqualTo(closedOnTimeBefore + 1);
            assertThat(phone(officer, year, "received")).as("the duplicate is not counted").isEqualTo(receivedBefore + 1);
        }
    }

    @Test
    void a_supervision_order_is_answered_by_the_unit_once_and_flagged_when_its_day_passes_unanswered() throws Exception {
        String supervisor = Tokens.bearer(mvc, "supervisor1");
        long unit = users.findByUsername("leader1").orElseThrow().organizationId();
        LocalDate today = LocalDate.now(clock);
        String issued = mvc.perform(post("/api/v1/supervision/orders").header("Authorization", supervisor)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"subjectKind":"UNIT","subjectId":%d,"demand":"逾期隐患集中清理，报送整改情况","replyDue":"%s"}"""
                        .formatted(unit, today.plusDays(5)))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long answered = ((Number) JsonPath.read(issued, "$.id")).longValue();
        String past = mvc.perform(post("/api/v1/supervision/orders").header("Authorization", supervisor)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"subjectKind":"UNIT","subjectId":%d,"demand":"报送季度执法计划执行情况","replyDue":"%s"}"""
                        .formatted(unit, today.minusDays(1)))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(past).contains("回复期限不能早于今天");
        long unanswered = ((Number) JsonPath.read(mvc.perform(post("/api/v1/supervision/orders").header("Authorization", supervisor)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"subjectKind":"UNIT","subjectId":%d,"demand":"报送季度执法计划执行情况","replyDue":"%s"}"""
                        .formatted(unit, today))).andReturn().getResponse().getContentAsString(), "$.id")).longValue();

        String leader = Tokens.bearer(mvc, "leader1");
        String reply = "{\"reply\":\"已清理逾期隐患12项\",\"version\":0}";
        MockHttpServletResponse first = mvc.perform(post("/api/v1/supervision/orders/" + answered + "/reply")
                .header("Authorization", leader).contentType(MediaType.APPLICATION_JSON).content(reply)).andReturn().getResponse();
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getContentAsString(StandardCharsets.UTF_8)).contains("\"reply\":\"已清理逾期隐患12项\"");
        assertThat(mvc.perform(post("/api/v1/supervision/orders/" + answered + "/reply").header("Authorization", leader)
                .contentType(MediaType.APPLICATION_JSON).content(reply)).andReturn().getResponse().getStatus()).isEqualTo(409);

        clock.advance(Duration.ofDays(2));
        String later = mvc.perform(get("/api/v1/supervision/orders/" + unanswered)
                        .header("Authorization", Tokens.bearer(mvc, "supervisor1")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((Boolean) JsonPath.read(later, "$.overdue")).isTrue();
        String page = mvc.perform(get("/supervision/orders").session(login("supervisor1"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("逾期未回复").contains("已清理逾期隐患12项");
    }

    @Test
    void a_review_is_recorded_on_a_decided_case_and_a_changed_penalty_needs_the_new_fine() throws Exception {
        long unit = users.findByUsername("leader1").orElseThrow().organizationId();
        Map<String, Object> decided = jdbc.sql("SELECT id, decided_on FROM penalty_case WHERE organization_id = ? "
                + "AND decided_on IS NOT NULL AND decided_on < ? ORDER BY id LIMIT 1").param(unit).param(LocalDate.now(clock))
                .query().singleRow();
        LocalDate decidedOn = ((java.sql.Date) decided.get("decided_on")).toLocalDate();
        String leader = Tokens.bearer(mvc, "leader1");
        int year = LocalDate.now(clock).getYear();
        long changedBefore = outcomes(leader, year, "CHANGED");
        String early = review(leader, "/api/v1/supervision/reviews", """
                {"caseId":%d,"kind":"REVIEW","body":"示例市人民政府","filedOn":"%s"}""".formatted(decided.get("id"), decidedOn.minusDays(1)))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(early).contains("不能早于处罚决定日期");
        MockHttpServletResponse recorded = review(leader, "/api/v1/supervision/reviews", """
                {"caseId":%d,"kind":"LITIGATION","body":"示例市东城区人民法院","filedOn":"%s"}""".formatted(decided.get("id"), decidedOn));
        assertThat(recorded.getStatus()).isEqualTo(201);
        long id = ((Number) JsonPath.read(recorded.getContentAsString(), "$.id")).longValue();
        assertThat((String) JsonPath.read(recorded.getContentAsString(StandardCharsets.UTF_8), "$.outcomeLabel")).isEqualTo("审理中");
        MockHttpServletResponse noFine = review(leader, "/api/v1/supervision/reviews/" + id + "/decision", """
                {"outcome":"CHANGED","decidedOn":"%s","version":0}""".formatted(LocalDate.now(clock)));
        assertThat(noFine.getStatus()).isEqualTo(422);
        assertThat(noFine.getContentAsString(StandardCharsets.UTF_8)).contains("变更后的罚款金额");
        String changed = review(leader, "/api/v1/supervision/reviews/" + id + "/decision", """
                {"outcome":"CHANGED","decidedOn":"%s","changedFineYuan":20000,"version":0}""".formatted(LocalDate.now(clock)))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(changed, "$.outcomeLabel")).isEqualTo("变更");
        assertThat(outcomes(leader, year, "CHANGED")).isEqualTo(changedBefore + 1);
        String asSupervisor = mvc.perform(get("/supervision/reviews").session(login("supervisor1"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(asSupervisor).contains("示例市东城区人民法院").contains("<span>20,000.00</span> 元");
    }

    private MockHttpServletResponse review(String token, String path, String json) throws Exception {
        return mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(json))
                .andReturn().getResponse();
    }

    private long outcomes(String token, int year, String outcome) throws Exception {
        String body = mvc.perform(get("/api/v1/supervision/reviews/statistics").param("year", String.valueOf(year))
                .header("Authorization", token)).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$." + outcome)).longValue();
    }

    private long phone(String token, int year, String field) throws Exception {
        String body = mvc.perform(get("/api/v1/complaints/statistics").param("year", String.valueOf(year))
                .header("Authorization", token)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Number> values = JsonPath.read(body, "$.items[?(@.channel == 'PHONE')]." + field);
        return values.get(0).longValue();
    }

    private MockHttpServletResponse step(String token, long id, String step, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/v1/complaints/" + id + "/" + step).header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
    }

    private MockHttpServletResponse api(String token, String key, String json) throws Exception {
        var call = post("/api/v1/complaints").header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(json);
        if (key != null) {
            call = call.header("Idempotency-Key", key);
        }
        return mvc.perform(call).andReturn().getResponse();
    }

    private static long id(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        return ((Number) JsonPath.read(response.getContentAsString(), "$.id")).longValue();
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM complaint").query(Long.class).single();
    }

    private static long number(Map<String, Object> unit, String field) {
        return ((Number) unit.get(field)).longValue();
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(Tokens.DEMO_PASSWORD)).andReturn()
                .getRequest().getSession();
    }

    private void actAs(String username) {
        UserView user = users.findByUsername(username).orElseThrow();
        Actor actor = new Actor() {
            public long userId() { return user.id(); }
            public String username() { return user.username(); }
            public String displayName() { return user.displayName(); }
            public long organizationId() { return user.organizationId(); }
            public Set<Role> roles() { return user.roles(); }
        };
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(actor, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).collect(Collectors.toList())));
    }
}
