package cn.zhifa.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class CaseTimelineBrowserTests extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_leader_sees_the_accident_case_timeline_and_the_cases_near_or_past_their_deadlines() throws Exception {
        long accident = jdbc.sql("SELECT id FROM penalty_case WHERE source_reference = 'DEMO-accident'").query(Long.class).single();
        resize(DESKTOP);
        loginAs("leader1");
        open("/cases/" + accident);
        assertThat(waitFor(By.id("accident-grade")).getText()).contains("较大事故");
        assertThat(browser.findElements(By.cssSelector("#timeline li"))).hasSizeGreaterThan(8);
        assertThat(browser.findElement(By.cssSelector("#timeline li[data-code='FILED']")).getText()).contains("已完成");
        assertThat(browser.findElement(By.cssSelector("#timeline li[data-code='STATEMENT']")).getText()).contains("陈述申辩期限");
        screenshot("casework-timeline-desktop");

        resize(PHONE);
        open("/cases/" + accident);
        waitFor(By.id("timeline"));
        assertThat(fitsWidth()).as("timeline fits 390 px").isTrue();
        screenshot("casework-timeline-phone");

        resize(DESKTOP);
        open("/cases/deadlines");
        assertThat(waitFor(By.id("deadline-table")).getText()).contains("逾期").contains("临期");
        screenshot("casework-deadlines");
    }
}
