package cn.zhifa.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.BrowserTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The statistics dashboard at 390 px for an officer (his own work first), a leader (his unit) and a supervisor (the
 * city with its units): no sideways scrolling, the charts drawn, and redrawn to the new width when the window grows.
 */
@Tag("browser")
class ReportingBrowserTests extends BrowserTestSupport {

    private long chartWidth(String id) {
        waitAtMost(Duration.ofSeconds(30)).until(d -> ((JavascriptExecutor) d).executeScript(
                "var c = document.querySelector('#" + id + " canvas'); return c != null && c.getBoundingClientRect().width > 0;"));
        return ((Number) ((JavascriptExecutor) browser).executeScript(
                "return Math.round(document.querySelector('#" + id + " canvas').getBoundingClientRect().width);")).longValue();
    }

    @Test
    void each_role_opens_its_dashboard_on_a_phone_and_the_charts_follow_the_window() throws Exception {
        for (String user : new String[]{"officer1", "leader1", "supervisor1"}) {
            resize(PHONE);
            loginAs(user);
            open("/reporting");
            waitFor(By.id("figures"));
            long phoneWidth = chartWidth("month-chart");
            assertThat(phoneWidth).as(user).isLessThanOrEqualTo(390);
            assertThat(fitsWidth()).as(user + " at 390 px").isTrue();
            screenshot("reporting-" + user + "-390");
            String page = browser.findElement(By.tagName("body")).getText();
            assertThat(page).as(user).contains("统计分析", "年度指标").doesNotContain("KEY", "ENFORCEMENT", "null");
            if (user.equals("officer1")) {
                assertThat(browser.findElements(By.id("own-figures"))).as("an officer sees his own work").hasSize(1);
            } else {
                assertThat(findAllNow(By.id("own-figures"))).isEmpty();
            }
            if (user.equals("supervisor1")) {
                assertThat(browser.findElements(By.cssSelector("#unit-table tbody tr"))).as("the city's units").hasSizeGreaterThan(1);
            }
            resize(DESKTOP);
            waitAtMost(Duration.ofSeconds(10)).until(d -> chartWidth("month-chart") > phoneWidth);
            assertThat(fitsWidth()).as(user + " on a desktop").isTrue();
        }
        open("/reporting/annual");
        waitFor(By.id("report-preview"));
        assertThat(browser.findElement(By.id("report-preview")).getText()).contains("一、行政执法基本情况");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void changing_the_task_month_on_a_phone_offers_the_campaigns_running_in_that_month() {
        var campaign = jdbc.sql("""
                SELECT c.campaign_id, c.name, c.starts_on, c.ends_on, p.year FROM planning_campaign c
                JOIN planning_plan p ON p.id = c.plan_id WHERE p.year = :year ORDER BY c.campaign_id LIMIT 1""")
                .param("year", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear()).query().singleRow();
        long id = ((Number) campaign.get("campaign_id")).longValue();
        int year = ((Number) campaign.get("year")).intValue();
        java.time.YearMonth thisMonth = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));
        java.time.YearMonth running = java.time.YearMonth.of(year, thisMonth.getMonthValue() == 6 ? 7 : 6);
        jdbc.sql("UPDATE planning_campaign SET starts_on = :s, ends_on = :e WHERE campaign_id = :id")
                .param("s", running.atDay(1)).param("e", running.atEndOfMonth()).param("id", id).update();
        try {
            resize(PHONE);
            loginAs("officer1");
            open("/inspection/tasks/new");
            waitFor(By.id("dueMonth"));
            assertThat(findAllNow(By.id("campaignId"))).as("no campaign runs this month").isEmpty();
            setMonth(running.toString());
            String offered = waitFor(By.id("campaignId")).getText();
            assertThat(offered).contains((String) campaign.get("name"));
            assertThat(fitsWidth()).as("the task form at 390 px").isTrue();
            setMonth(running.plusMonths(1).toString());
            waitUntil(Duration.ofSeconds(30), d -> d.findElements(By.id("campaignId")).isEmpty());
        } finally {
            jdbc.sql("UPDATE planning_campaign SET starts_on = :s, ends_on = :e WHERE campaign_id = :id")
                    .param("s", campaign.get("starts_on")).param("e", campaign.get("ends_on")).param("id", id).update();
        }
    }

    private void setMonth(String month) {
        ((JavascriptExecutor) browser).executeScript("var m = document.getElementById('dueMonth'); m.value = arguments[0];"
                + "m.dispatchEvent(new Event('change', {bubbles: true}));", month);
    }
}
