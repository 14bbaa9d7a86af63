package cn.zhifa.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * A legal reviewer reads a firm's page (with its 监测点 block) for case review: every link the page offers them (its
 * blocks, menus, buttons and the timeline's entries) opens, none ends on a refusal; an officer, who may open the monitoring
 * page, still gets its link.
 */
@ZhifaIntegrationTest
class FirmPageLinksTests {

    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void every_link_of_a_monitored_firms_page_opens_for_a_legal_reviewer() throws Exception {
        long legal1 = jdbc.sql("SELECT id FROM app_user WHERE username = 'legal1'").query(Long.class).single();
        // legal1 (政策法规科, no firms of its own) reaches a firm's page through a case they work on
        var reviewed = jdbc.sql("""
                SELECT id, enterprise_id, co_handler_id FROM penalty_case WHERE enterprise_id IS NOT NULL
                ORDER BY (enterprise_id IN (SELECT enterprise_id FROM monitoring_point WHERE active)) DESC, id LIMIT 1""")
                .query().singleRow();
        long caseId = ((Number) reviewed.get("id")).longValue();
        long firm = ((Number) reviewed.get("enterprise_id")).longValue();
        Long added = null;
        if (jdbc.sql("SELECT count(*) FROM monitoring_point WHERE enterprise_id = ? AND active").param(firm).query(Long.class).single() == 0) {
            added = jdbc.sql("""
                    INSERT INTO monitoring_point (enterprise_id, organization_id, kind, tag, name, location)
                    VALUES (?, (SELECT organization_id FROM enterprise WHERE id = ?), 'VIDEO', ?, '厂区大门摄像机', '大门') RETURNING id""")
                    .params(firm, firm, "LINKS-CAM-" + firm).query(Long.class).single();
        }
        jdbc.sql("UPDATE penalty_case SET co_handler_id = ? WHERE id = ?").params(legal1, caseId).update();
        try {
            MockHttpSession legal = login("legal1");
            String page = page(legal, "/registry/enterprises/" + firm);
            assertThat(page).contains("监测点", "视频监控点").doesNotContain("/monitoring/firms/" + firm + "/points");

            // the timeline's entries (the firm's inspections, hazards, documents of its unit) show without links here
            assertThat(page).contains("id=\"timeline\"").doesNotContain("暂无检查、隐患、案件或信用记录");
            Map<String, Integer> refused = new LinkedHashMap<>();
            for (String link : links(page)) {
                int status = mvc.perform(get(link).session(legal)).andReturn().getResponse().getStatus();
                if (status != 200) {
                    refused.put(link, status);
                }
            }
            assertThat(refused).as("links on the firm page that do not open for legal1").isEmpty();
        } finally {
            jdbc.sql("UPDATE penalty_case SET co_handler_id = CAST(? AS BIGINT) WHERE id = ?").params(reviewed.get("co_handler_id"), caseId).update();
            if (added != null) {
                jdbc.sql("DELETE FROM monitoring_point WHERE id = ?").param(added).update();
            }
        }
    }

    @Test
    void an_officer_gets_the_links_to_the_firms_monitoring_points_and_timeline() throws Exception {
        long firm = monitoredFirmVisibleTo("officer1");
        MockHttpSession officer = login("officer1");
        String page = page(officer, "/registry/enterprises/" + firm);
        assertThat(page).contains("/monitoring/firms/" + firm + "/points");
        String timeline = page.substring(page.indexOf("id=\"timeline\""), page.indexOf("变更历史"));
        assertThat(timeline).as("the firm's own unit follows the timeline's entries to their records").contains("href=\"/");
        assertThat(page(officer, "/monitoring/firms/" + firm + "/points")).contains("监测点");
    }

    private long monitoredFirmVisibleTo(String username) {
        String path = jdbc.sql("SELECT o.path FROM app_user u JOIN organization o ON o.id = u.organization_id WHERE u.username = ?")
                .param(username).query(String.class).single();
        return jdbc.sql("SELECT e.id FROM enterprise e JOIN organization o ON o.id = e.organization_id "
                        + "WHERE o.path LIKE :p AND EXISTS (SELECT 1 FROM monitoring_point m WHERE m.enterprise_id = e.id AND m.active) "
                        + "ORDER BY e.id LIMIT 1")
                .param("p", path + "%").query(Long.class).single();
    }

    private static Set<String> links(String page) {
        Set<String> links = new LinkedHashSet<>();
        Matcher m = HREF.matcher(page);
        while (m.find()) {
            String link = HtmlUtils.htmlUnescape(m.group(1));
            if (!link.startsWith("/webjars/") && !link.startsWith("/css/") && !link.startsWith("/js/") && !link.equals("/logout")) {
                links.add(link);
            }
        }
        return links;
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(Tokens.DEMO_PASSWORD)).andReturn().getRequest().getSession();
    }

    private String page(MockHttpSession session, String path) throws Exception {
        var response = mvc.perform(get(path).session(session)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }
}
