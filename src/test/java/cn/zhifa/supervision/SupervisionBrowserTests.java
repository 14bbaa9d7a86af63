package cn.zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.BrowserTestSupport;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A city supervisor on a phone: which unit is behind, the list behind a number, complaints, and a 督办单. */
class SupervisionBrowserTests extends BrowserTestSupport {

    @Autowired JdbcClient jdbc;

    @AfterEach
    void desktop() {
        resize(DESKTOP);
    }

    @Test
    void a_supervisor_walks_the_dashboard_complaints_and_orders_at_390_px() throws Exception {
        long brigade = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        resize(PHONE);
        loginAs("supervisor1");

        open("/supervision");
        WebElement row = waitFor(By.id("unit-" + brigade));
        assertThat(browser.findElements(By.cssSelector("#unit-table .unit-row")).size()).isGreaterThan(10);
        assertThat(browser.findElement(By.id("trend-chart")).findElements(By.tagName("canvas"))).isNotEmpty();
        assertThat(fitsWidth()).as("dashboard fits 390 px").isTrue();
        screenshot("supervision-dashboard-390");
        String overdue = row.findElement(By.cssSelector("a.hazards-overdue")).getText();
        browser.get(row.findElement(By.cssSelector("a.hazards-overdue")).getAttribute("href"));
        assertThat(browser.getCurrentUrl()).contains("/hazards").contains("filter=overdue").contains("unit=" + brigade);
        assertThat(browser.findElement(By.id("content")).getText()).doesNotContain("Whitelabel");
        assertThat(overdue).matches("\\d+");

        open("/complaints?overdue=true");
        assertThat(waitFor(By.id("complaint-table")).findElements(By.cssSelector(".complaint-row"))).isNotEmpty();
        assertThat(browser.findElement(By.id("channel-statistics")).getText()).contains("12350 举报电话").contains("来访");
        assertThat(fitsWidth()).as("complaints fit 390 px").isTrue();
        browser.get(browser.findElement(By.cssSelector(".complaint-row a")).getAttribute("href"));
        assertThat(waitFor(By.id("reporter")).getText()).as("the supervisor does not handle it: identity masked")
                .satisfiesAnyOf(t -> assertThat(t).contains("***"), t -> assertThat(t).isEqualTo("匿名"));
        assertThat(findAllNow(By.id("accept-or-reject"))).isEmpty();
        assertThat(fitsWidth()).isTrue();

        open("/supervision/orders");
        assertThat(waitFor(By.id("overdue-orders")).getText()).contains("逾期未回复");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('issue-order').open = true");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("subjectKind"))).selectByValue("UNIT");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("unitId"))).selectByValue(String.valueOf(brigade));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id("replyDue")), LocalDate.now().plusDays(7).toString());
        browser.findElement(By.id("demand")).sendKeys("请报送本月逾期案件清理情况");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].form.requestSubmit(arguments[0])",
                browser.findElement(By.cssSelector("#issue-order button[type=submit]")));
        assertThat(waitFor(By.cssSelector("main .alert")).getText()).contains("督办单已下达");
        assertThat(browser.findElement(By.id("content")).getText()).contains("请报送本月逾期案件清理情况");
        assertThat(fitsWidth()).as("orders fit 390 px").isTrue();
        screenshot("supervision-orders-390");
    }

    /** Words a Chinese page may show in Latin letters: file formats, the product name, the complaint hotlines' names. */
    private static final java.util.Set<String> ALLOWED_LATIN = java.util.Set.of("Excel", "DOCX", "Word", "Zhifa", "GPS", "PDF");

    @Test
    void every_supervision_page_opens_at_390_px_for_a_supervisor_and_a_leader_in_chinese() throws Exception {
        Long complaintWithAttachment = jdbc.sql("SELECT complaint FROM complaint_attachment ORDER BY complaint LIMIT 1").query(Long.class).optional().orElse(null);
        Long plan = jdbc.sql("SELECT id FROM case_review_plan ORDER BY id LIMIT 1").query(Long.class).optional().orElse(null);
        java.util.List<String> pages = new java.util.ArrayList<>(java.util.List.of("/supervision", "/supervision/faults",
                "/complaints", "/supervision/case-reviews", "/supervision/case-review-standard", "/supervision/rankings",
                "/supervision/rankings/indicators", "/supervision/orders", "/supervision/reviews"));
        if (complaintWithAttachment != null) {
            pages.add("/complaints/" + complaintWithAttachment);
        }
        if (plan != null) {
            pages.add("/supervision/case-reviews/" + plan);
        }
        java.util.List<String> faults = new java.util.ArrayList<>();
        resize(PHONE);
        for (String user : java.util.List.of("supervisor1", "leader1")) {
            loginAs(user);
            for (String page : pages) {
                open(page);
                String text = waitFor(By.id("content")).getText();
                String where = user + " " + page + ": ";
                if (!fitsWidth()) {
                    faults.add(where + "wider than 390 px");
                }
                if (text.contains("Whitelabel") || text.contains("Exception") || browser.getTitle().contains("错误")) {
                    faults.add(where + "error page");
                }
                java.util.regex.Matcher latin = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z_]{2,}").matcher(text);
                while (latin.find()) {
                    if (!ALLOWED_LATIN.contains(latin.group())) {
                        faults.add(where + "English \"" + latin.group() + "\"");
                    }
                }
            }
            open("/supervision");
            String located = waitFor(By.id("map-note")).getText().replaceAll("\\D*(\\d+).*", "$1");
            if (Integer.parseInt(located) > 0) {
                assertThat(waitFor(By.id("inspection-map")).findElements(By.tagName("canvas"))).as(user + " sees the map").isNotEmpty();
            }
        }
        assertThat(faults).isEmpty();
    }
}
