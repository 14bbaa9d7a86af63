package cn.zhifa.bench;

import static cn.zhifa.bench.Timing.line;
import static cn.zhifa.bench.Timing.load;
import static cn.zhifa.bench.Timing.measure;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.zhifa.Tokens;
import cn.zhifa.WebUser;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.shared.crypto.FieldCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What one request of the 隐患 pages and the 工作台 spends, on the province profile of {@link PageBenchmark}: the SQL
 * statements it runs (JdbcTemplate's debug log of that one request, counted and listed), the p50/p95 through HTTP, and
 * the plans (EXPLAIN (ANALYZE, BUFFERS)) of the register's count and page statements for both users. Not a test:
 * <pre>./mvnw -o test -Dtest=PageProfile -Dzhifa.bench=true -Dzhifa.bench.scale=0.02</pre>
 * Results: stdout and target/benchmark/page-profile.md.
 */
@ZhifaIntegrationTest
@Tag("benchmark")
@EnabledIfSystemProperty(named = "zhifa.bench", matches = "true")
class PageProfile {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldCipher cipher;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Clock clock;
    @Autowired
    cn.zhifa.hazard.internal.HazardRegister hazardRegister;
    @LocalServerPort
    int port;

    @Test
    void statements_and_plans_of_the_hazard_pages_and_the_workbench() throws Exception {
        double scale = Double.parseDouble(System.getProperty("zhifa.bench.scale", "0.02"));
        int runs = Integer.getInteger("zhifa.bench.runs", 20);
        LocalDate today = LocalDate.now(clock);
        ProfileGenerator.Result result = new ProfileGenerator(dataSource, cipher, encoder.encode(Tokens.DEMO_PASSWORD), today, 2026)
                .generate(Profile.of("province", scale, today));
        String officer = jdbc.sql("""
                SELECT u.username FROM inspection_task t JOIN inspection_task_member m ON m.inspection_task = t.id
                JOIN app_user u ON u.id = m.user_id WHERE t.status = 'ASSIGNED' AND u.username LIKE :p
                GROUP BY u.username ORDER BY count(*) DESC, u.username LIMIT 1""")
                .param("p", "g" + result.rootId() + "o%").query(String.class).single();
        long officerUnit = jdbc.sql("SELECT organization_id FROM app_user WHERE username = :u").param("u", officer).query(Long.class).single();
        List<Long> province = jdbc.sql("SELECT id FROM organization WHERE path LIKE :p").param("p", "/" + result.rootId() + "/%")
                .query(Long.class).list();

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("隐患 逾期", "/hazards?filter=overdue");
        pages.put("隐患 临期", "/hazards?filter=due-soon");
        pages.put("隐患 未闭环", "/hazards");
        pages.put("案件期限", "/cases/deadlines");
        pages.put("工作台", "/");
        StringBuilder report = new StringBuilder();
        Logger sql = (Logger) LoggerFactory.getLogger("org.springframework.jdbc.core.JdbcTemplate");
        for (String username : List.of(officer, result.leaderUsername())) {
            WebUser user = WebUser.loggedIn(port, username);
            String who = username.equals(officer) ? "执法人员" : "负责人（全省）";
            for (Map.Entry<String, String> page : pages.entrySet()) {
                measure(5, 1, () -> user.get(page.getValue()));
                ListAppender<ILoggingEvent> statements = new ListAppender<>();
                statements.start();
                Level before = sql.getLevel();
                sql.setLevel(Level.DEBUG);
                sql.addAppender(statements);
                try {
                    user.get(page.getValue());
                } finally {
                    sql.detachAppender(statements);
                    sql.setLevel(before);
                }
                List<String> executed = statements.list.stream().map(ILoggingEvent::getFormattedMessage)
                        .filter(m -> m.startsWith("Executing") && m.contains("[")).toList();
                double[] http = measure(3, runs, () -> user.get(page.getValue()));
                line(report, "");
                line(report, "### %s %s as %s: %d SQL statements, p50 %.1f ms, p95 %.1f ms (load %s)", page.getKey(), page.getValue(), who,
                        executed.size(), http[0], http[1], load());
                executed.forEach(m -> line(report, "    " + m.replaceAll("\\s+", " ")));
            }
        }
        String overdue = "organization_id IN (:orgs) AND status = 'RECTIFYING' AND measure = 'ORDER' AND deadline < :today";
        for (Map.Entry<String, List<Long>> scope : Map.of("officer", List.of(officerUnit), "leader", province).entrySet()) {
            for (String statement : List.of(
                    "SELECT count(*) FROM (SELECT 1 FROM hazard WHERE " + overdue + " LIMIT 10001) counted",
                    "SELECT id, enterprise_name, organization_id FROM hazard WHERE " + overdue + " ORDER BY deadline, id DESC LIMIT 50",
                    "SELECT organization_id, count(*) FROM hazard WHERE " + overdue + " GROUP BY organization_id")) {
                line(report, "");
                line(report, "-- " + scope.getKey() + ": " + statement);
                jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement).param("orgs", scope.getValue()).param("today", today)
                        .query(String.class).list().forEach(l -> line(report, "    " + l));
            }
        }
        java.sql.Date soon = java.sql.Date.valueOf(hazardRegister.dueSoonUntil(today));
        String dueSoon = "organization_id IN (:orgs) AND status = 'RECTIFYING' AND deadline BETWEEN :today AND :soon";
        String atRisk = "d.organization_id IN (:orgs) AND d.near_from <= :today";
        for (Map.Entry<String, List<Long>> scope : Map.of("officer", List.of(officerUnit), "leader", province).entrySet()) {
            for (String statement : List.of(
                    "SELECT count(*) FROM (SELECT 1 FROM hazard WHERE " + dueSoon + " LIMIT 10001) counted",
                    "SELECT id, enterprise_name, organization_id FROM hazard WHERE " + dueSoon + " ORDER BY deadline, id DESC LIMIT 20",
                    "SELECT d.penalty_case, c.case_number, d.due_on FROM case_deadline d JOIN penalty_case c ON c.id = d.penalty_case WHERE "
                            + atRisk + " ORDER BY d.due_on, c.case_number, d.deadline LIMIT 20",
                    "SELECT count(*) FROM case_deadline d WHERE " + atRisk,
                    "SELECT count(DISTINCT CASE WHEN due_on >= :today THEN penalty_case END), count(DISTINCT CASE WHEN due_on < :today "
                            + "THEN penalty_case END) FROM case_deadline d WHERE " + atRisk)) {
                line(report, "");
                line(report, "-- " + scope.getKey() + ": " + statement);
                jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement).param("orgs", scope.getValue()).param("today", today)
                        .param("soon", soon).query(String.class).list().forEach(l -> line(report, "    " + l));
            }
        }
        // the application's statements are prepared on the server (pgjdbc, after 5 uses) and PostgreSQL may then keep one
        // generic plan for every parameter value: the same statements with the plan PostgreSQL would keep
        for (Map.Entry<String, List<Long>> scope : Map.of("officer", List.of(officerUnit), "leader", province).entrySet()) {
            List<Long> orgs = scope.getValue();
            String types = "bigint, ".repeat(orgs.size()) + "date, integer";
            String in = java.util.stream.IntStream.rangeClosed(1, orgs.size()).mapToObj(i -> "$" + i)
                    .collect(java.util.stream.Collectors.joining(", "));
            String genericOverdue = "organization_id IN (" + in + ") AND status = 'RECTIFYING' AND measure = 'ORDER' AND deadline < $"
                    + (orgs.size() + 1);
            String values = orgs.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                    + ", '" + today + "'";
            try (java.sql.Connection connection = dataSource.getConnection(); java.sql.Statement statement = connection.createStatement()) {
                statement.execute("SET plan_cache_mode = force_generic_plan");
                int n = 0;
                for (String[] prepared : List.of(
                        new String[]{"SELECT count(*) FROM (SELECT 1 FROM hazard WHERE " + genericOverdue + " LIMIT $" + (orgs.size() + 2) + ") counted", "10001"},
                        new String[]{"SELECT id, enterprise_name, organization_id FROM hazard WHERE " + genericOverdue
                                + " ORDER BY deadline, id DESC LIMIT $" + (orgs.size() + 2), "50"},
                        new String[]{"SELECT count(*) FROM (SELECT 1 FROM hazard WHERE " + genericOverdue.replace("measure = 'ORDER' AND deadline < $",
                                "deadline >= $") + " AND deadline <= $" + (orgs.size() + 1) + " + 5 LIMIT $" + (orgs.size() + 2) + ") counted", "10001"},
                        new String[]{"SELECT id, enterprise_name, organization_id FROM hazard WHERE " + genericOverdue.replace(
                                "measure = 'ORDER' AND deadline < $", "deadline >= $") + " AND deadline <= $" + (orgs.size() + 1)
                                + " + 5 ORDER BY deadline, id DESC LIMIT $" + (orgs.size() + 2), "20"})) {
                    String name = "generic" + n++;
                    statement.execute("PREPARE " + name + " (" + types + ") AS " + prepared[0]);
                    line(report, "");
                    line(report, "-- " + scope.getKey() + ", generic plan: " + prepared[0]);
                    try (java.sql.ResultSet plan = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) EXECUTE " + name + " (" + values + ", " + prepared[1] + ")")) {
                        while (plan.next()) {
                            line(report, "    " + plan.getString(1));
                        }
                    }
                    statement.execute("DEALLOCATE " + name);
                }
                statement.execute("RESET plan_cache_mode");
            }
        }
        Path out = Path.of("target", "benchmark", "page-profile.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("\n===== page profile =====\n" + report);
    }
}
