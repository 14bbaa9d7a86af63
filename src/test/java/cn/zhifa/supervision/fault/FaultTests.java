package cn.zhifa.supervision.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 执法过错 through the pages: the supervisor records an officer's fault on a case (bad input shown on the form, nothing
 * stored), decides the responsibility, filters and exports the list; the officer's leader reads it; the fault counts
 * against the officer's brigade in 效能考评.
 */
@ZhifaIntegrationTest
class FaultTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void reset() {
        clock.reset();
        jdbc.sql("DELETE FROM enforcement_fault WHERE facts LIKE '测试：%'").update();
    }

    @Test
    void a_supervisor_records_and_decides_a_fault_the_leader_reads_it_and_the_ranking_counts_it() throws Exception {
        MockHttpSession supervisor = login("supervisor1");
        Map<String, Object> officer = jdbc.sql("SELECT id, display_name, organization_id FROM app_user WHERE username = 'officer1'")
                .query().singleRow();
        long unit = ((Number) officer.get("organization_id")).longValue();
        long caseId = jdbc.sql("SELECT id FROM penalty_case WHERE organization_id = ? ORDER BY id LIMIT 1").param(unit)
                .query(Long.class).single();
        LocalDate today = LocalDate.now(clock);
        long before = count();

        String refused = mvc.perform(post("/supervision/faults").session(supervisor).with(csrf())
                        .param("officerId", officer.get("id").toString()).param("kind", "事实认定错误")
                        .param("foundBy", "CASE_REVIEW").param("foundOn", today.toString()).param("facts", ""))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("fault-form-error").contains("请填写过错事实");
        String wrongKind = mvc.perform(post("/supervision/faults").session(supervisor).with(csrf())
                        .param("officerId", officer.get("id").toString()).param("kind", "态度不好")
                        .param("foundBy", "CASE_REVIEW").param("foundOn", today.toString()).param("facts", "测试：某事实"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(wrongKind).contains("请从列表中选择过错情形").contains("测试：某事实");
        assertThat(count()).isEqualTo(before);

        MockHttpServletResponse recorded = mvc.perform(post("/supervision/faults").session(supervisor).with(csrf())
                .param("officerId", officer.get("id").toString()).param("caseId", String.valueOf(caseId))
                .param("kind", "违反法定程序").param("foundBy", "CASE_REVIEW").param("foundReference", "2026年度案卷评查")
                .param("foundOn", today.toString()).param("facts", "测试：未告知陈述申辩权即作出决定")).andReturn().getResponse();
        assertThat(recorded.getStatus()).isEqualTo(302);
        assertThat(count()).isEqualTo(before + 1);
        Map<String, Object> row = jdbc.sql("SELECT id, version, organization_id, case_label FROM enforcement_fault "
                + "WHERE facts = '测试：未告知陈述申辩权即作出决定'").query().singleRow();
        assertThat(((Number) row.get("organization_id")).longValue()).isEqualTo(unit);
        assertThat((String) row.get("case_label")).isNotBlank();
        long id = ((Number) row.get("id")).longValue();

        String listed = page(supervisor, "/supervision/faults?kind=违反法定程序&decided=false");
        assertThat(listed).contains("fault-" + id).contains(officer.get("display_name").toString()).contains("待决定")
                .doesNotContain(">CASE_REVIEW<").doesNotContain("officer1");
        assertThat(page(supervisor, "/supervision/faults?kind=滥用职权")).doesNotContain("fault-" + id + "\"");

        mvc.perform(post("/supervision/faults/" + id + "/decision").session(supervisor).with(csrf())
                .param("responsibility", "通报批评").param("decidedOn", today.minusDays(400).toString()).param("version", "0"));
        assertThat(jdbc.sql("SELECT responsibility FROM enforcement_fault WHERE id = ?").param(id).query(String.class).optional())
                .as("a decision before the finding is refused").isEmpty();
        long auditBefore = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_log").query(Long.class).single();
        mvc.perform(post("/supervision/faults/" + id + "/decision").session(supervisor).with(csrf())
                .param("responsibility", "通报批评").param("decidedOn", today.toString()).param("version", "0"));
        assertThat(jdbc.sql("SELECT responsibility FROM enforcement_fault WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("通报批评");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE id > ? AND actor = 'supervisor1'").param(auditBefore)
                .query(Long.class).single()).as("the decision is audited").isPositive();

        MockHttpServletResponse xlsx = mvc.perform(get("/supervision/faults.xlsx").param("decided", "true").session(supervisor))
                .andReturn().getResponse();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            var sheet = book.getSheetAt(0);
            boolean found = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                found |= sheet.getRow(r).getCell(7).getStringCellValue().equals("测试：未告知陈述申辩权即作出决定")
                        && sheet.getRow(r).getCell(8).getStringCellValue().equals("通报批评");
            }
            assertThat(found).isTrue();
        }

        String asLeader = page(login("leader1"), "/supervision/faults");
        assertThat(asLeader).contains("fault-" + id).doesNotContain("id=\"fault-form\"");
        assertThat(mvc.perform(post("/supervision/faults").session(login("leader1")).with(csrf())
                .param("officerId", officer.get("id").toString()).param("kind", "违反法定程序").param("foundBy", "OTHER")
                .param("foundOn", today.toString()).param("facts", "测试：领导不能记录")).andReturn().getResponse().getStatus())
                .isEqualTo(403);

        String ranking = mvc.perform(get("/api/v1/supervision/rankings").param("period", today.getYear() + "Q" + ((today.getMonthValue() + 2) / 3))
                .param("size", "100")
                .header("Authorization", Tokens.bearer(mvc, "supervisor1"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Object> faults = JsonPath.read(ranking, "$.items[?(@.organizationId == " + unit
                + ")].indicators[?(@.name == '执法过错件数')].value");
        assertThat(faults).isNotEmpty();
        assertThat(Double.parseDouble(faults.get(0).toString())).isGreaterThanOrEqualTo(1.0);
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM enforcement_fault").query(Long.class).single();
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(Tokens.DEMO_PASSWORD)).andReturn()
                .getRequest().getSession();
    }
}
