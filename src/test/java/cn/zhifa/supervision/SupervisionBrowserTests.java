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
        assertThat(browser.findElements(By.id("accept-or-reject"))).isEmpty();
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
}
