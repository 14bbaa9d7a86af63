package cn.zhifa.shared;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.WebUser;
import cn.zhifa.ZhifaApplication;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.shared.db.DatabaseSecrets;
import cn.zhifa.shared.db.EmbeddedPostgresConfiguration;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes on one database (issue 18): node A is the shared test application, node B a second one started
 * here on the same PostgreSQL. A person logs in on A and goes on on B with the same cookie: the session (login, CSRF
 * token) is a row in PostgreSQL, not in a node's memory. Tag {@code multinode}: the second start costs more than the
 * default build allows (see README, Production).
 */
@ZhifaIntegrationTest
@Tag("multinode")
class TwoNodesTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static ConfigurableApplicationContext nodeB;

    @LocalServerPort
    int nodeA;
    @Autowired
    DataSource dataSource;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    int nodeB() throws Exception {
        if (nodeB == null) {
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--zhifa.demo.enabled=false",
                    "--zhifa.scheduling.node-name=node-b",
                    "--spring.modulith.events.republish-outstanding-events-on-restart=false"));
            if (System.getenv("SPRING_DATASOURCE_URL") == null) {
                try (Connection connection = dataSource.getConnection()) {
                    // without its ?user=… part: that would override the Flyway owner below
                    args.add("--spring.datasource.url=" + connection.getMetaData().getURL().replaceFirst("\\?.*$", ""));
                    args.add("--spring.datasource.username=" + connection.getMetaData().getUserName());
                }
                // the embedded database demands SCRAM passwords (issue 14): node B uses node A's generated ones
                DatabaseSecrets secrets = context.getBean(DatabaseSecrets.class);
                args.add("--spring.datasource.password=" + secrets.app());
                args.add("--spring.flyway.user=" + EmbeddedPostgresConfiguration.OWNER_ROLE);
                args.add("--spring.flyway.password=" + secrets.owner());
            }
            long started = System.nanoTime();
            nodeB = new SpringApplicationBuilder(ZhifaApplication.class).profiles("test").run(args.toArray(String[]::new));
            System.out.printf("node B started in %.1f s%n", (System.nanoTime() - started) / 1e9);
        }
        return Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void a_person_logs_in_on_one_node_and_goes_on_on_the_other_then_logs_out_there() throws Exception {
        WebUser onA = WebUser.loggedIn(nodeA, "officer1");
        WebUser onB = onA.at(nodeB());

        HttpResponse<String> home = onB.get("/");
        assertThat(home.statusCode()).as("node B knows the session node A created").isEqualTo(200);
        assertThat(home.body()).contains("今日检查");

        Matcher csrf = CSRF.matcher(onA.get("/").body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> logout = onB.post("/logout", "_csrf=" + csrf.group(1));
        assertThat(logout.statusCode()).as("node B accepts the CSRF token of a page node A rendered").isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElse("")).endsWith("/login?logout");
        assertThat(logout.headers().allValues("Set-Cookie"))
                .as("the logout clears the SESSION cookie the page session travels in, no longer the unused JSESSIONID")
                .noneMatch(cookie -> cookie.startsWith("JSESSIONID="))
                .anyMatch(cookie -> cookie.startsWith("SESSION=;") && cookie.contains("Max-Age=0"));

        HttpResponse<String> afterLogout = onA.get("/");
        assertThat(afterLogout.statusCode()).as("the logout on B ended the session on A too").isEqualTo(302);
        assertThat(afterLogout.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void a_forged_token_is_refused_on_either_node() throws Exception {
        WebUser onA = WebUser.loggedIn(nodeA, "officer2");
        WebUser onB = onA.at(nodeB());
        assertThat(onB.post("/logout", "_csrf=forged").statusCode()).isEqualTo(403);
        assertThat(onA.get("/").statusCode()).as("still logged in").isEqualTo(200);
    }
}
