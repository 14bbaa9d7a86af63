package cn.zhifa.accident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.BrowserTestSupport;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An officer on a phone sends a 事故快报 and reads the demo accident's timeline, deadlines and cases, the statistics and 警示教育. */
class AccidentBrowserTests extends BrowserTestSupport {

    @Autowired JdbcClient jdbc;
    @Autowired java.time.Clock clock;

    @AfterEach
    void desktop() {
        resize(DESKTOP);
    }

    @Test
    void an_officer_reports_an_accident_and_follows_the_demo_accident_at_390_px() throws Exception {
        resize(PHONE);
        loginAs("officer1");

        open("/accidents");
        assertThat(waitFor(By.id("accident-table")).findElements(By.cssSelector(".accident-row"))).isNotEmpty();
        assertThat(fitsWidth()).as("list fits 390 px").isTrue();

        open("/accidents/new");
        waitFor(By.id("accident-form"));
        assertThat(fitsWidth()).as("快报 form fits 390 px").isTrue();
        Select firm = new Select(browser.findElement(By.id("enterpriseId")));
        firm.selectByIndex(1);
        browser.findElement(By.id("title")).sendKeys("“浏览器”灼烫事故");
        String occurred = LocalDateTime.now(clock).minusHours(3).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("occurredAt")), occurred);
        browser.findElement(By.id("place")).sendKeys("熔炼车间");
        new Select(browser.findElement(By.id("kind"))).selectByValue("SCALD");
        js.executeScript("arguments[0].value = '1'", browser.findElement(By.id("deaths")));
        browser.findElement(By.id("summary")).sendKeys("熔融金属喷溅致1人死亡");
        js.executeScript("arguments[0].form.requestSubmit(arguments[0])", browser.findElement(By.id("submit-accident")));
        assertThat(waitFor(By.id("grade")).getText()).isEqualTo("一般事故");
        assertThat(browser.findElement(By.cssSelector("main .alert")).getText()).contains("已登记事故快报");
        assertThat(browser.findElement(By.id("deadlines")).getText()).contains("事故发生单位报告").contains("续报期限");
        assertThat(fitsWidth()).as("accident page fits 390 px").isTrue();

        long demo = jdbc.sql("SELECT id FROM accident WHERE demo AND title LIKE '%受限空间中毒窒息事故'").query(Long.class).single();
        open("/accidents/" + demo);
        assertThat(waitFor(By.id("grade")).getText()).isEqualTo("较大事故");
        assertThat(browser.findElement(By.id("supervised")).getText()).contains("挂牌督办");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("快报").contains("续报").contains("批复").contains("提出处罚案件");
        assertThat(browser.findElements(By.cssSelector("#cases li"))).hasSize(2);
        assertThat(browser.findElement(By.id("content")).getText()).doesNotContain("GENERAL", "LARGER", "APPROVED");
        assertThat(fitsWidth()).as("demo accident fits 390 px").isTrue();
        screenshot("accident-390");

        open("/accidents/statistics?year=" + jdbc.sql("SELECT CAST(EXTRACT(YEAR FROM occurred_at) AS INT) FROM accident WHERE id = ?")
                .param(demo).query(Integer.class).single());
        assertThat(waitFor(By.id("month-chart")).findElements(By.tagName("canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("totals")).getText()).contains("起");
        assertThat(fitsWidth()).as("statistics fit 390 px").isTrue();

        open("/accidents/warnings");
        assertThat(waitFor(By.cssSelector(".warning-case")).getText()).contains("受限空间");
        assertThat(fitsWidth()).as("警示教育 fits 390 px").isTrue();
    }
}
