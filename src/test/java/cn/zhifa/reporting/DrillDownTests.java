package cn.zhifa.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every count on the statistics dashboard links to the module list that shows exactly those rows: the list reached by
 * the link (same year, unit subtree, kind) totals the number the dashboard printed — for the leader's and the officer's
 * scope (their unit) and the supervisor's (the city, with the per-unit rows), one figure group at a time.
 */
@ZhifaIntegrationTest
class DrillDownTests {

    private static final Pattern LINK = Pattern.compile("<a\\b[^>]*>");
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final Pattern COUNT = Pattern.compile("data-count=\"(\\d+)\"");
    private static final Pattern TOTAL = Pattern.compile("共\\s*(?:<span[^>]*>)?\\s*(\\d+)(?:\\s*条以上)?");

    /** Each user's session and dashboard, rendered once for the five groups (again only when a comparison is retried). */
    private static final Map<String, MockHttpSession> SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, String> DASHBOARDS = new java.util.concurrent.ConcurrentHashMap<>();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    /** The latest year with cases filed, hazards found and documents issued in the demo city (the default dashboard year). */
    private int year() {
        return jdbc.sql("SELECT EXTRACT(YEAR FROM max(filed_on))::int FROM penalty_case").query(Integer.class).single();
    }

    private MockHttpSession login(String username) throws Exception {
        MockHttpSession session = SESSIONS.get(username);
        if (session == null) {
            session = (MockHttpSession) mvc.perform(formLogin().user(username).password(Tokens.DEMO_PASSWORD)).andReturn()
                    .getRequest().getSession();
            SESSIONS.put(username, session);
        }
        return session;
    }

    private String dashboard(String username, int year, boolean again) throws Exception {
        String page = again ? null : DASHBOARDS.get(username);
        if (page == null) {
            page = mvc.perform(get("/reporting?year=" + year).session(login(username))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            DASHBOARDS.put(username, page);
        }
        return page;
    }

    /** The dashboard's counted links of one list ({@code path}) for a user: href → the number shown. */
    private Map<String, Long> counts(String page, String path) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Matcher link = LINK.matcher(page);
        while (link.find()) {
            Matcher count = COUNT.matcher(link.group());
            Matcher href = HREF.matcher(link.group());
            if (count.find() && href.find()) {
                String url = href.group(1).replace("&amp;", "&");
                if (url.startsWith(path + "?")) {
                    Long before = counts.put(url, Long.parseLong(count.group(1)));
                    assertThat(before == null || before == Long.parseLong(count.group(1)))
                            .as("the same list is linked with one number: %s", url).isTrue();
                }
            }
        }
        return counts;
    }

    /** The total the list page prints (共 N 条/份), 0 when it says there are none. */
    private long total(MockHttpSession session, String url) throws Exception {
        String page = mvc.perform(get(url).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String content = page.substring(page.indexOf("id=\"content\""));
        Matcher total = TOTAL.matcher(content);
        if (!total.find()) {
            return 0;
        }
        assertThat(total.group()).as("the list is not capped: %s", url).doesNotContain("以上");
        return Long.parseLong(total.group(1));
    }

    /**
     * For each user, the dashboard's counts linking to {@code path} equal the totals of the linked lists (read models
     * catch up with the lists' base tables asynchronously, hence the wait); at least {@code atLeast} of them are
     * linked for the leader and one is not zero, so the comparison compares something.
     */
    private void drillsDown(String path, int atLeast) throws Exception {
        int year = year();
        for (String user : List.of("leader1", "officer1", "supervisor1")) {
            MockHttpSession session = login(user);
            List<String> compared = new ArrayList<>();
            java.util.concurrent.atomic.AtomicBoolean again = new java.util.concurrent.atomic.AtomicBoolean();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                compared.clear();
                Map<String, Long> counts = counts(dashboard(user, year, again.getAndSet(true)), path);
                if (user.equals("leader1")) {
                    assertThat(counts).as("%s links of the leader's dashboard", path).hasSizeGreaterThanOrEqualTo(atLeast);
                    assertThat(counts.values()).as("some %s count is not zero", path).anyMatch(n -> n > 0);
                }
                for (Map.Entry<String, Long> link : counts.entrySet()) {
                    assertThat(total(session, link.getKey())).as("%s: %s", user, link.getKey()).isEqualTo(link.getValue());
                    compared.add(link.getKey());
                }
            });
            assertThat(compared).as("%s compared %s links", user, path).isNotEmpty();
        }
    }

    @Test
    void hazards_found_major_rectified_and_supervised_equal_the_registers_rows_of_the_year() throws Exception {
        drillsDown("/hazards", 4);
    }

    @Test
    void cases_filed_and_decided_by_kind_equal_the_case_lists_rows_of_the_year() throws Exception {
        drillsDown("/cases", 4);
    }

    @Test
    void documents_issued_by_kind_equal_the_document_lists_rows_of_the_year() throws Exception {
        drillsDown("/documents", 2);
    }

    @Test
    void publicity_due_and_published_equal_the_publicity_lists_rows_of_the_year() throws Exception {
        drillsDown("/publicity", 2);
    }

    @Test
    void inspection_visits_equal_the_record_lists_rows_of_the_year() throws Exception {
        drillsDown("/inspection/records", 1);
    }
}
