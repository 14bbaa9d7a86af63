package cn.zhifa.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.WebUser;
import cn.zhifa.ZhifaIntegrationTest;
import jakarta.servlet.FilterRegistration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The server writes page links without passing them through the static resource resolvers ({@link LinkEncoding}):
 * with the rewriting filter in the chain, every link of a list row was looked up as a classpath resource in every
 * jar (more than half of the 隐患 register's CPU, growing with the rows). Checked on the running server's filter chain,
 * which does not depend on the machine's load; the web jars the pages name still load without a version in the path.
 */
@ZhifaIntegrationTest
class LinkEncodingTests {

    @LocalServerPort
    int port;
    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void links_are_not_rewritten_through_the_resource_resolvers() {
        var filters = context.getServletContext().getFilterRegistrations().values().stream()
                .map(FilterRegistration::getClassName).toList();
        assertThat(filters).as("the server's filters").anyMatch(name -> name.contains("DelegatingFilterProxy"))
                .noneMatch(name -> name.equals(ResourceUrlEncodingFilter.class.getName()));
    }

    @Test
    void the_register_links_its_rows_as_written_and_the_web_jars_still_load_without_a_version() throws Exception {
        WebUser officer = WebUser.loggedIn(port, "officer1");
        String page = officer.get("/hazards?filter=all").body();
        Matcher row = Pattern.compile("id=\"hazard-row-(\\d+)\">\\s*<td><a href=\"(/hazards/\\d+)\"").matcher(page);
        assertThat(row.find()).as("a row of the demo's register").isTrue();
        assertThat(row.group(2)).isEqualTo("/hazards/" + row.group(1));

        for (String path : List.of("/webjars/bootstrap/css/bootstrap.min.css", "/webjars/htmx.org/dist/htmx.min.js",
                "/webjars/echarts/dist/echarts.min.js")) {
            assertThat(officer.get(path).statusCode()).as(path).isEqualTo(200);
        }
    }
}
