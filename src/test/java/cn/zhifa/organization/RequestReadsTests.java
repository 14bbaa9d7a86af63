package cn.zhifa.organization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.WebUser;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.bench.JdbcLog;
import cn.zhifa.organization.internal.ZhifaUser;
import cn.zhifa.shared.security.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What every request repeats is read once: the page session, the acting person's unit, the case's service and
 * investigation records. The statements are counted from {@code JdbcTemplate}'s log on the server's request threads, a
 * figure that does not depend on the machine's load.
 */
@ZhifaIntegrationTest
class RequestReadsTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrganizationManagement organizations;

    @AfterEach
    void leaveTheRequest() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_page_reads_its_session_once_and_the_officers_unit_once() throws Exception {
        WebUser officer = WebUser.loggedIn(port, "officer1");
        officer.get("/");

        List<String> home = statementsOf(() -> assertThat(officer.get("/").statusCode()).isEqualTo(200));

        assertThat(home).filteredOn(sql -> sql.contains("from spring_session s")).as("the session row and its attributes").hasSize(1);
        assertThat(home).filteredOn(sql -> sql.contains("from \"organization\" where \"organization\".\"id\" = ?"))
                .as("the officer's unit: the page shell's name, the data scope's subtree and the counters").hasSize(1);
    }

    @Test
    void the_home_page_counts_the_registry_work_without_loading_certificates_or_grouping_the_firms() throws Exception {
        for (String username : List.of("leader1", "officer1")) {
            WebUser user = WebUser.loggedIn(port, username);
            user.get("/");

            List<String> home = statementsOf(() -> assertThat(user.get("/").statusCode()).isEqualTo(200));

            assertThat(home).as(username + ": expiring certificates are counted, no certificate or its history is loaded")
                    .noneMatch(sql -> sql.contains("certificate_event"))
                    .anyMatch(sql -> sql.startsWith("select count(*) from officer_certificate where"));
            assertThat(home).as(username + ": agency qualifications are counted, not loaded with their clients")
                    .noneMatch(sql -> sql.contains("from agency_client"))
                    .anyMatch(sql -> sql.startsWith("select count(*) from agency a where"));
            assertThat(home).as(username + ": merge candidates are counted from the kept groups, not from every firm of the scope")
                    .noneMatch(sql -> sql.contains("from enterprise "))
                    .filteredOn(sql -> sql.contains("from enterprise_duplicate")).hasSize(1);
        }
    }

    @Test
    void the_case_page_reads_the_service_records_once_and_the_investigation_records_once() throws Exception {
        long caseId = jdbc.sql("""
                        SELECT c.id FROM penalty_case c JOIN app_user u ON u.organization_id = c.organization_id
                        WHERE u.username = 'officer1' ORDER BY c.id LIMIT 1""").query(Long.class).single();
        WebUser officer = WebUser.loggedIn(port, "officer1");
        officer.get("/cases/" + caseId);

        List<String> page = statementsOf(() -> assertThat(officer.get("/cases/" + caseId).statusCode()).isEqualTo(200));

        assertThat(page).filteredOn(sql -> sql.contains("from case_service")).as("timeline, 送达 panel and unserved documents").hasSize(1);
        assertThat(page).filteredOn(sql -> sql.matches(".*\\bfrom case_record\\b.*"))
                .as("timeline (先行登记保存 periods), records panel and its decisions").hasSize(1);
        assertThat(page).filteredOn(sql -> sql.contains("from spring_session s")).hasSize(1);
    }

    @Test
    void a_unit_renamed_within_the_request_is_read_again() {
        record Admin(long id, long unit) {
        }
        Admin admin = jdbc.sql("SELECT id, organization_id FROM app_user WHERE username = 'admin'")
                .query((rs, n) -> new Admin(rs.getLong(1), rs.getLong(2))).single();
        ZhifaUser user = new ZhifaUser(admin.id(), "admin", "管理员", admin.unit(), Set.of(Role.ADMIN), null, true, true);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        OrganizationView unit = organizations.visibleTree().stream().filter(o -> o.parentId() != null).findFirst().orElseThrow();
        String name = organizations.find(unit.id()).orElseThrow().name();
        assertThat(statementsOn("main", () -> organizations.find(unit.id())))
                .as("asked again in the same request, the unit is not read again").isEmpty();

        try {
            organizations.describe(unit.id(), new OrganizationForm(unit.parentId(), name + "（更名）", unit.shortName(), unit.kind(),
                    unit.divisionCode(), unit.sortOrder()));

            assertThat(organizations.find(unit.id()).orElseThrow().name()).isEqualTo(name + "（更名）");
        } finally {
            organizations.describe(unit.id(), new OrganizationForm(unit.parentId(), name, unit.shortName(), unit.kind(),
                    unit.divisionCode(), unit.sortOrder()));
        }
        assertThat(organizations.find(unit.id()).orElseThrow().name()).isEqualTo(name);
    }

    /** The statements {@code action} ran on the server's request threads, in order, lower case, whitespace folded. */
    private static List<String> statementsOf(ThrowingRunnable action) throws Exception {
        return statementsOn("http-nio", action);
    }

    private static List<String> statementsOn(String threads, ThrowingRunnable action) {
        try (JdbcLog log = JdbcLog.capture(JdbcLog.TEMPLATE)) {
            action.run();
            return log.events().stream()
                    .filter(e -> e.getThreadName().startsWith(threads))
                    .map(e -> JdbcLog.sql(e.getFormattedMessage()))
                    .filter(java.util.Objects::nonNull)
                    .map(String::toLowerCase)
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
