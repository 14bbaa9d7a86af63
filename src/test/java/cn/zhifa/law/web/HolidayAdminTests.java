package cn.zhifa.law.web;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.law.internal.BundledLawData;
import cn.zhifa.law.internal.HolidayTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The holiday notices live in the database, synced from the resource, and administrators add next year's. */
@ZhifaIntegrationTest
@Tag("external-db")
class HolidayAdminTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HolidayTable table;
    @Autowired
    LegalCalendar calendar;

    @AfterEach
    void removeTestYear() {
        jdbc.sql("DELETE FROM law_holiday_notice WHERE year = 2027").update();
        calendar.refresh();
    }

    private MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(user).password(Tokens.DEMO_PASSWORD)).andReturn().getRequest().getSession();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void the_bundled_notices_are_in_the_tables_and_syncing_again_changes_nothing() {
        long days = count("SELECT count(*) FROM law_holiday_day");
        assertThat(count("SELECT count(*) FROM law_holiday_notice WHERE year IN (2025, 2026)")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM law_holiday_day WHERE year = 2026 AND kind = 'WORK'")).isEqualTo(6);

        assertThat(table.syncFrom(BundledLawData.holidayNotices())).isEmpty();

        assertThat(count("SELECT count(*) FROM law_holiday_day")).isEqualTo(days);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
    }

    @Test
    void an_administrator_adds_the_2027_notice_and_deadlines_into_2027_become_final() throws Exception {
        mvc.perform(get("/api/v1/toolbox/working-days?from=2026-12-30&days=3")).andExpect(jsonPath("$.provisional").value(true));
        MockHttpSession admin = login("admin");

        mvc.perform(post(HolidayAdminController.PATH).session(admin).with(csrf())
                        .param("year", "2027").param("title", "国务院办公厅关于2027年部分节假日安排的通知")
                        .param("number", "国办发明电〔2026〕9号").param("publishedOn", "2026-11-10")
                        .param("restDays", "2027-01-01至2027-01-03\n2027-02-05..2027-02-12")
                        .param("workDays", "2027-02-20"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(HolidayAdminController.PATH));

        mvc.perform(get("/api/v1/toolbox/working-days?from=2026-12-30&days=3"))
                .andExpect(jsonPath("$.provisional").value(false)).andExpect(jsonPath("$.due").value("2027-01-05"));
        mvc.perform(get("/api/v1/toolbox/working-days?from=2027-02-19&days=1")).andExpect(jsonPath("$.due").value("2027-02-20"));
        assertThat(count("SELECT count(*) FROM audit_log WHERE target_type = '节假日安排通知' AND target_id = '2027'"))
                .isPositive();
        assertThat(table.syncFrom(BundledLawData.holidayNotices())).as("sync leaves the admin's year alone").isEmpty();
    }

    @Test
    void an_inconsistent_notice_is_refused_and_nothing_is_stored() throws Exception {
        String page = mvc.perform(post(HolidayAdminController.PATH).session(login("admin")).with(csrf())
                        .param("year", "2027").param("title", "通知").param("restDays", "2027-02-06\n2027-13-01")
                        .param("workDays", "2027-02-10"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("未保存", "2027-13-01");
        assertThat(count("SELECT count(*) FROM law_holiday_notice WHERE year = 2027")).isZero();
    }

    @Test
    void only_administrators_open_the_page() throws Exception {
        assertThat(mvc.perform(get(HolidayAdminController.PATH).session(login("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("国办发明电〔2024〕12号", "2026");
        mvc.perform(get(HolidayAdminController.PATH).session(login("officer1"))).andExpect(status().isForbidden());
    }
}
