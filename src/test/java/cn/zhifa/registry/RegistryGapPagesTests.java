package cn.zhifa.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.UserManagement;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The registry's page commands added for issue 4's gaps, through the real security chain: a refused command shows
 * its Chinese reason on the page, changes nothing and is audited as rejected with its target; a done command
 * redirects and is audited as a success.
 */
@ZhifaIntegrationTest
class RegistryGapPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserManagement users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(Tokens.DEMO_PASSWORD)).andReturn().getRequest().getSession();
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private long lastAudit() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_log").query(Long.class).single();
    }

    private Map<String, Object> auditAfter(long id, String action) {
        return jdbc.sql("SELECT outcome, target_type, target_id, detail FROM audit_log WHERE id > ? AND action = ? ORDER BY id DESC LIMIT 1")
                .params(id, action).query().singleRow();
    }

    private long demoAgency(String status) {
        long leadersUnit = users.findByUsername("leader1").orElseThrow().organizationId();
        return jdbc.sql("SELECT min(id) FROM agency WHERE demo AND status = ? AND organization_id = ?").params(status, leadersUnit)
                .query(Long.class).single();
    }

    @Test
    void an_agency_suspension_without_a_reason_is_shown_refused_and_audited_as_rejected_then_done_with_one() throws Exception {
        MockHttpSession leader = login("leader1");
        long agency = demoAgency("ACTIVE");
        long before = lastAudit();
        String refused = mvc.perform(post("/registry/agencies/" + agency + "/suspend").session(leader).with(csrf()).param("reason", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("暂停须填写原因或依据", "服务的企业");
        Map<String, Object> audit = auditAfter(before, "暂停第三方机构");
        assertThat(audit.get("outcome")).isEqualTo("REJECTED");
        assertThat(audit.get("target_type")).isEqualTo("第三方机构");
        assertThat(audit.get("target_id")).isEqualTo(String.valueOf(agency));
        assertThat(jdbc.sql("SELECT status FROM agency WHERE id = ?").param(agency).query(String.class).single()).isEqualTo("ACTIVE");

        before = lastAudit();
        mvc.perform(post("/registry/agencies/" + agency + "/suspend").session(leader).with(csrf()).param("reason", "责令暂停培训"))
                .andExpect(status().is3xxRedirection());
        assertThat(auditAfter(before, "暂停第三方机构").get("outcome")).isEqualTo("SUCCESS");
        assertThat(page(leader, "/registry/agencies/" + agency)).contains("暂停", "责令暂停培训", "恢复依据");
        mvc.perform(post("/registry/agencies/" + agency + "/restore").session(leader).with(csrf()).param("reason", "整改合格"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(leader, "/registry/agencies/" + agency)).contains("恢复：整改合格", "暂停：责令暂停培训");
        assertThat(page(leader, "/registry/agencies?status=SUSPENDED")).contains("agency-table");
    }

    @Test
    void an_officer_may_not_suspend_an_agency() throws Exception {
        MockHttpSession officer = login("officer1");
        mvc.perform(post("/registry/agencies/" + demoAgency("ACTIVE") + "/suspend").session(officer).with(csrf()).param("reason", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void a_training_with_words_for_numbers_gets_a_chinese_message_and_stores_nothing() throws Exception {
        MockHttpSession leader = login("leader1");
        long certificate = jdbc.sql("SELECT id FROM officer_certificate WHERE user_id = ?")
                .param(users.findByUsername("officer2").orElseThrow().id()).query(Long.class).single();
        long trainings = jdbc.sql("SELECT count(*) FROM officer_training").query(Long.class).single();
        String body = mvc.perform(post("/registry/officers/certificates/" + certificate + "/trainings").session(leader).with(csrf())
                        .param("course", "行政执法程序").param("hours", "八").param("examScore", "90")
                        .param("completedOn", LocalDate.now(clock).toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("学时应为数字（“八”）");
        body = mvc.perform(post("/registry/officers/certificates/" + certificate + "/trainings").session(leader).with(csrf())
                        .param("course", "行政执法程序").param("hours", "8").param("examScore", "120")
                        .param("completedOn", LocalDate.now(clock).toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("考试成绩应在 0 至 100 分之间");
        assertThat(jdbc.sql("SELECT count(*) FROM officer_training").query(Long.class).single()).isEqualTo(trainings);
        mvc.perform(post("/registry/officers/certificates/" + certificate + "/trainings").session(leader).with(csrf())
                        .param("course", "行政执法程序").param("hours", "8").param("examScore", "")
                        .param("completedOn", LocalDate.now(clock).toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(page(leader, "/registry/officers/certificates/" + certificate)).contains("行政执法程序", "负责乡镇");
    }

    @Test
    void a_renewal_with_an_earlier_expiry_is_refused_on_the_page() throws Exception {
        MockHttpSession leader = login("leader1");
        long certificate = jdbc.sql("SELECT id FROM officer_certificate WHERE user_id = ?")
                .param(users.findByUsername("officer1").orElseThrow().id()).query(Long.class).single();
        long before = lastAudit();
        String body = mvc.perform(post("/registry/officers/certificates/" + certificate + "/renew").session(leader).with(csrf())
                        .param("expiresOn", "2000-01-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("新的有效期截止日期必须晚于原截止日期");
        assertThat(auditAfter(before, "执法证换证延期").get("outcome")).isEqualTo("REJECTED");
        body = mvc.perform(post("/registry/officers/certificates/" + certificate + "/town").session(leader).with(csrf())
                        .param("townCode", "139999999"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("不是本地登记的乡镇");
    }

    @Test
    void the_officer_list_filters_pages_and_exports_what_it_shows() throws Exception {
        MockHttpSession supervisor = login("supervisor1");
        long revokedCount = jdbc.sql("SELECT count(*) FROM officer_certificate WHERE status = 'REVOKED'").query(Long.class).single();
        assertThat(revokedCount).as("zf036–zf038 at least").isGreaterThanOrEqualTo(3);
        String revoked = page(supervisor, "/registry/officers?status=REVOKED");
        assertThat(revoked).contains("共 <span>" + revokedCount + "</span> 本").doesNotContain("badge text-bg-success");
        String paged = page(supervisor, "/registry/officers?size=5&page=1");
        assertThat(paged).contains("第 <span>2</span>/");
        Matcher rows = Pattern.compile("/registry/officers/certificates/\\d+\"").matcher(paged.substring(paged.indexOf("certificate-table")));
        int count = 0;
        while (rows.find()) {
            count++;
        }
        assertThat(count).isEqualTo(5);
        byte[] xlsx = mvc.perform(get("/registry/officers/export.xlsx?status=REVOKED").session(supervisor))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("执法证号");
            assertThat(sheet.getLastRowNum()).isEqualTo((int) revokedCount);
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("注销");
        }
    }

    @Test
    void the_statistics_page_shows_the_officer_figures_per_unit_and_refuses_a_bad_year_in_chinese() throws Exception {
        MockHttpSession supervisor = login("supervisor1");
        String body = page(supervisor, "/registry/statistics?on=" + LocalDate.now(clock).minusDays(30));
        assertThat(body).contains("officer-table", "持证执法人员", "执法参与率", "合计", "东城区");
        assertThat(page(supervisor, "/registry/statistics?year=abc")).contains("年度应为 2000 至");
        assertThat(page(supervisor, "/registry/statistics?on=2999-01-01")).contains("统计日期不能晚于今天");
    }

    @Test
    void a_dismissed_social_supervisor_leaves_the_public_list() throws Exception {
        MockHttpSession supervisor = login("supervisor1");
        long city = users.findByUsername("supervisor1").orElseThrow().organizationId();
        String start = LocalDate.now(clock).minusMonths(6).toString();
        String location = mvc.perform(post("/registry/supervisors").session(supervisor).with(csrf()).param("kind", "SOCIAL")
                        .param("name", "公开名单测试员").param("employer", "示例公开测试单位").param("phone", "13900001234")
                        .param("organizationId", String.valueOf(city)).param("termStart", start))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(mvc.perform(get("/public/supervisors")).andReturn().getResponse().getContentAsString()).contains("示例公开测试单位");
        String refused = mvc.perform(post(location + "/end").session(supervisor).with(csrf()).param("endedOn", LocalDate.now(clock).toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("解聘须填写原因");
        mvc.perform(post(location + "/end").session(supervisor).with(csrf()).param("endedOn", LocalDate.now(clock).toString())
                .param("reason", "本人辞任")).andExpect(status().is3xxRedirection());
        assertThat(page(supervisor, location)).contains("已解聘", "本人辞任", "聘任记录");
        assertThat(mvc.perform(get("/public/supervisors")).andReturn().getResponse().getContentAsString()).doesNotContain("示例公开测试单位");
        String tooLong = mvc.perform(post("/registry/supervisors").session(supervisor).with(csrf()).param("kind", "SOCIAL")
                        .param("name", "超期测试员").param("organizationId", String.valueOf(city)).param("termStart", start)
                        .param("termEnd", LocalDate.now(clock).plusYears(5).toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(tooLong).contains("每届任期不超过 3 年");
    }

    @Test
    void a_refused_merge_is_shown_on_the_merge_page_and_audited_as_rejected() throws Exception {
        MockHttpSession officer = login("officer1");
        long firm = jdbc.sql("SELECT min(id) FROM enterprise WHERE demo AND merged_into IS NULL AND organization_id = ?")
                .param(users.findByUsername("officer1").orElseThrow().organizationId()).query(Long.class).single();
        long before = lastAudit();
        String body = mvc.perform(post("/registry/enterprises/" + firm + "/merge").session(officer).with(csrf())
                        .param("targetId", String.valueOf(firm)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("不能把企业合并到它自己");
        Map<String, Object> audit = auditAfter(before, "合并重复企业");
        assertThat(audit.get("outcome")).isEqualTo("REJECTED");
        assertThat(audit.get("target_id")).isEqualTo(String.valueOf(firm));
    }

    @Test
    void a_training_is_recorded_from_the_officer_list_for_officers_of_the_scope_only() throws Exception {
        MockHttpSession leader = login("leader1");
        long trainings = jdbc.sql("SELECT count(*) FROM officer_training").query(Long.class).single();
        String body = mvc.perform(post("/registry/officers/trainings").session(leader).with(csrf())
                        .param("course", "执法证考前培训").param("hours", "16").param("completedOn", LocalDate.now(clock).toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("请选择执法人员");
        long outside = users.findByUsername("zf035").orElseThrow().id();
        mvc.perform(post("/registry/officers/trainings").session(leader).with(csrf()).param("userId", String.valueOf(outside))
                        .param("course", "执法证考前培训").param("hours", "16").param("completedOn", LocalDate.now(clock).toString()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM officer_training").query(Long.class).single()).isEqualTo(trainings);
        long officer2 = users.findByUsername("officer2").orElseThrow().id();
        mvc.perform(post("/registry/officers/trainings").session(leader).with(csrf()).param("userId", String.valueOf(officer2))
                        .param("course", "执法证考前培训").param("hours", "16").param("examScore", "88.5")
                        .param("completedOn", LocalDate.now(clock).toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM officer_training WHERE user_id = ? AND course = '执法证考前培训'").param(officer2)
                .query(Long.class).single()).isEqualTo(1);
    }
}
