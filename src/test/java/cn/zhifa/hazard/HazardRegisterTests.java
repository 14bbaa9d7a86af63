package cn.zhifa.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.law.LegalCalendar;
import com.jayway.jsonpath.JsonPath;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The hazard register filters, orders and pages in SQL: every filter, the unit filter and the pages give exactly what
 * plain SQL over the hazard table (and, for 即将到期, the working-day calendar row by row) says, within the data scope.
 */
@ZhifaIntegrationTest
class HazardRegisterTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LegalCalendar calendar;
    @Autowired
    Clock clock;
    @Value("${zhifa.hazard.due-soon-working-days:3}")
    int dueSoonDays;

    private static final String ORDER = " ORDER BY (status = 'CLOSED'), deadline NULLS LAST, id DESC";

    private String scope(String username) {
        return "organization_id IN (SELECT o.id FROM organization o WHERE o.path LIKE (SELECT uo.path FROM app_user u "
                + "JOIN organization uo ON uo.id = u.organization_id WHERE u.username = '" + username + "') || '%')";
    }

    private List<Long> expected(String where) {
        return jdbc.sql("SELECT id FROM hazard WHERE " + where + ORDER).param("today", Date.valueOf(LocalDate.now(clock)))
                .query(Long.class).list();
    }

    private List<Long> pages(String token, String query, int size) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; page < 100; page++) {
            String body = mvc.perform(get("/api/v1/hazards?" + query + "&size=" + size + "&page=" + page).header("Authorization", token))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            List<Number> items = JsonPath.read(body, "$.items[*].id");
            assertThat((Integer) JsonPath.read(body, "$.size")).isEqualTo(size);
            assertThat((Integer) JsonPath.read(body, "$.page")).isEqualTo(page);
            if (items.isEmpty()) {
                return ids;
            }
            assertThat(((Number) JsonPath.read(body, "$.total")).longValue()).as(query).isGreaterThanOrEqualTo(ids.size() + items.size());
            items.forEach(n -> ids.add(n.longValue()));
        }
        throw new AssertionError("more than 100 pages");
    }

    @Test
    void every_filter_pages_through_exactly_the_rows_plain_sql_selects_in_scope() throws Exception {
        String leader = Tokens.bearer(mvc, "leader1");
        String inScope = scope("leader1");
        assertThat(expected(inScope)).as("the demo has hazards").hasSizeGreaterThan(10);
        assertThat(pages(leader, "filter=all", 7)).isEqualTo(expected(inScope));
        assertThat(pages(leader, "filter=open", 5)).isEqualTo(expected(inScope + " AND status <> 'CLOSED'"));
        assertThat(pages(leader, "filter=closed", 6)).isEqualTo(expected(inScope + " AND status = 'CLOSED'"));
        assertThat(pages(leader, "filter=major", 3)).isEqualTo(expected(inScope + " AND level = 'MAJOR'"));
        assertThat(pages(leader, "filter=overdue", 4)).isEqualTo(
                expected(inScope + " AND status = 'RECTIFYING' AND measure = 'ORDER' AND deadline < :today"));

        LocalDate today = LocalDate.now(clock);
        List<Long> dueSoon = jdbc.sql("SELECT id, deadline FROM hazard WHERE " + inScope
                        + " AND status = 'RECTIFYING' AND deadline >= :today" + ORDER)
                .param("today", Date.valueOf(today))
                .query((rs, n) -> calendar.workingDaysBetween(today, rs.getDate(2).toLocalDate()).workingDays() <= dueSoonDays
                        ? rs.getLong(1) : null).list().stream().filter(java.util.Objects::nonNull).toList();
        assertThat(pages(leader, "filter=due-soon", 2)).isEqualTo(dueSoon);

        List<Long> newestFirst = jdbc.sql("SELECT id FROM hazard WHERE " + inScope + " ORDER BY found_on DESC, id DESC")
                .query(Long.class).list();
        assertThat(pages(leader, "filter=all&sort=found", 9)).isEqualTo(newestFirst);
    }

    @Test
    void the_unit_filter_narrows_to_a_units_subtree_and_a_unit_outside_the_scope_is_refused() throws Exception {
        String supervisor = Tokens.bearer(mvc, "supervisor1");
        long brigade = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'leader1'").query(Long.class).single();
        String brigadeScope = "organization_id IN (SELECT o.id FROM organization o WHERE o.path LIKE "
                + "(SELECT path FROM organization WHERE id = " + brigade + ") || '%')";
        List<Long> brigadeHazards = expected(brigadeScope);
        assertThat(brigadeHazards).isNotEmpty();
        assertThat(pages(supervisor, "filter=all&unitId=" + brigade, 8)).isEqualTo(brigadeHazards);
        assertThat(pages(supervisor, "filter=all", 50)).isEqualTo(expected(scope("supervisor1")));

        long outside = jdbc.sql("""
                        SELECT o.id FROM organization o WHERE o.path NOT LIKE (SELECT path FROM organization WHERE id = :b) || '%'
                        AND (SELECT path FROM organization WHERE id = :b) NOT LIKE o.path || '%' ORDER BY o.id LIMIT 1""")
                .param("b", brigade).query(Long.class).single();
        mvc.perform(get("/api/v1/hazards?unitId=" + outside).header("Authorization", Tokens.bearer(mvc, "officer1")))
                .andExpect(status().isForbidden());

        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("supervisor1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        String unitName = jdbc.sql("SELECT name FROM organization WHERE id = :id").param("id", brigade).query(String.class).single();
        String page = mvc.perform(get("/hazards?filter=all&size=5&unit=" + brigade).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<th>单位</th>").contains(unitName).contains("id=\"unit\"")
                .contains(">" + brigadeHazards.size() + " 条</span>");
        if (brigadeHazards.size() > 5) {
            assertThat(page).contains("下一页").contains("page=1");
        }
    }

    @Test
    void every_row_names_its_own_unit_when_a_page_spans_several_units() throws Exception {
        // the demo's hazards lie in one unit: one more, closed long ago, in another unit of the supervisor's scope
        long hazardUnit = jdbc.sql("SELECT organization_id FROM hazard WHERE " + scope("supervisor1") + " ORDER BY id LIMIT 1")
                .query(Long.class).single();
        long otherUnit = jdbc.sql("""
                        SELECT o.id FROM organization o WHERE o.id <> :unit AND o.path LIKE (SELECT uo.path FROM app_user u
                        JOIN organization uo ON uo.id = u.organization_id WHERE u.username = 'supervisor1') || '%' ORDER BY o.id LIMIT 1""")
                .param("unit", hazardUnit).query(Long.class).single();
        long added = jdbc.sql("""
                        INSERT INTO hazard (organization_id, enterprise_id, enterprise_name, source, level, description, status, found_on,
                                            registered_at, version)
                        SELECT :unit, enterprise_id, enterprise_name, source, level, '单位名称测试', 'CLOSED', DATE '2001-01-01', now(), 0
                        FROM hazard WHERE organization_id = :hazardUnit ORDER BY id LIMIT 1 RETURNING id""")
                .param("unit", otherUnit).param("hazardUnit", hazardUnit).query(Long.class).single();
        try {
            String supervisor = Tokens.bearer(mvc, "supervisor1");
            String body = mvc.perform(get("/api/v1/hazards?filter=all&sort=found-asc&size=100").header("Authorization", supervisor))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            List<Number> ids = JsonPath.read(body, "$.items[*].id");
            List<String> names = JsonPath.read(body, "$.items[*].unitName");
            java.util.Map<Long, String> expected = new java.util.HashMap<>();
            jdbc.sql("SELECT h.id, o.name FROM hazard h JOIN organization o ON o.id = h.organization_id WHERE h." + scope("supervisor1"))
                    .query((rs, n) -> expected.put(rs.getLong(1), rs.getString(2))).list();
            assertThat(ids.get(0).longValue()).isEqualTo(added);
            assertThat(new java.util.HashSet<>(names)).as("the page spans two units").hasSizeGreaterThan(1);
            for (int i = 0; i < ids.size(); i++) {
                assertThat(names.get(i)).as("hazard %s", ids.get(i)).isEqualTo(expected.get(ids.get(i).longValue()));
            }
        } finally {
            jdbc.sql("DELETE FROM hazard WHERE id = :id").param("id", added).update();
        }
    }

    @Test
    void the_workbench_shows_the_registers_overdue_and_due_soon_totals_as_plain_sql_counts_them() throws Exception {
        LocalDate today = LocalDate.now(clock);
        for (String username : List.of("leader1", "officer1")) {
            String inScope = scope(username);
            long overdue = expected(inScope + " AND status = 'RECTIFYING' AND measure = 'ORDER' AND deadline < :today").size();
            long dueSoon = jdbc.sql("SELECT deadline FROM hazard WHERE " + inScope + " AND status = 'RECTIFYING' AND deadline >= :today")
                    .param("today", Date.valueOf(today)).query((rs, n) -> rs.getDate(1).toLocalDate()).list().stream()
                    .filter(deadline -> calendar.workingDaysBetween(today, deadline).workingDays() <= dueSoonDays).count();
            if (username.equals("leader1")) {
                assertThat(overdue).as("the demo has overdue hazards").isPositive();
            }
            MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(username).password(Tokens.DEMO_PASSWORD))
                    .andReturn().getRequest().getSession();
            String home = mvc.perform(get("/").session(session)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString().replaceAll("\\s+", " ");
            assertThat(home).as(username).containsPattern("逾期未整改隐患</div> <div class=\"display-6[^\"]*\">" + overdue + "</div>")
                    .containsPattern("即将到期隐患</div> <div class=\"display-6[^\"]*\">" + dueSoon + "</div>");
            String token = Tokens.bearer(mvc, username);
            for (String[] filter : List.of(new String[]{"overdue", String.valueOf(overdue)}, new String[]{"due-soon", String.valueOf(dueSoon)})) {
                String body = mvc.perform(get("/api/v1/hazards?filter=" + filter[0]).header("Authorization", token))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                assertThat(((Number) JsonPath.read(body, "$.total")).longValue()).as(username + " " + filter[0])
                        .isEqualTo(Long.parseLong(filter[1]));
            }
        }
    }

    @Test
    void the_register_page_runs_the_same_statements_for_two_rows_as_for_fifty() throws Throwable {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("leader1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        mvc.perform(get("/hazards").session(session)).andExpect(status().isOk()); // the session's first request stores its attributes
        List<String> few = new ArrayList<>();
        List<String> many = new ArrayList<>();
        String fewPage = statements(() -> mvc.perform(get("/hazards?filter=all&size=2").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), few);
        String manyPage = statements(() -> mvc.perform(get("/hazards?filter=all&size=50").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), many);
        assertThat(manyPage.split("id=\"hazard-row-").length - 1).as("rows of the larger page").isGreaterThan(10);
        assertThat(fewPage.split("id=\"hazard-row-").length - 1).isEqualTo(2);
        assertThat(many).as("statements of a page of 50 against a page of 2").hasSameSizeAs(few).isNotEmpty();
        // no statement per row; the unit filter's choices and the rows' unit names from one read of the leader's units
        assertThat(many).filteredOn(sql -> sql.contains("FROM organization WHERE path LIKE") && sql.contains("ORDER BY path")).hasSize(1);
        assertThat(many).filteredOn(sql -> sql.startsWith("SELECT id, enterprise_name")).hasSize(1);
    }

    /** The SQL statements JdbcTemplate runs on this thread (MockMvc serves the request on it) while {@code action} runs. */
    private static String statements(org.junit.jupiter.api.function.ThrowingSupplier<String> action, List<String> into) throws Throwable {
        String thread = Thread.currentThread().getName();
        try (cn.zhifa.bench.JdbcLog log = cn.zhifa.bench.JdbcLog.capture(cn.zhifa.bench.JdbcLog.TEMPLATE)) {
            String result = action.get();
            log.events().stream().filter(e -> e.getThreadName().equals(thread))
                    .map(e -> cn.zhifa.bench.JdbcLog.sql(e.getFormattedMessage())).filter(java.util.Objects::nonNull)
                    .forEach(into::add);
            return result;
        }
    }
}
