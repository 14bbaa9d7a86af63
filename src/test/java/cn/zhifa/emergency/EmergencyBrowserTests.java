package cn.zhifa.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.BrowserTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An officer registers a rescue team on a phone (390 px), the leader reads the plans due and the firms without cover. */
class EmergencyBrowserTests extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void desktop() {
        resize(DESKTOP);
        jdbc.sql("DELETE FROM rescue_team WHERE name = '河东应急抢险测试队'").update();
    }

    @Test
    void an_officer_registers_a_rescue_team_and_a_leader_reads_the_flags_at_390_px() throws Exception {
        resize(PHONE);
        loginAs("officer1");

        open("/emergency/teams");
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("救援队伍");
        assertThat(browser.findElements(By.cssSelector(".entry"))).isNotEmpty();
        assertThat(browser.findElement(By.id("content")).getText()).contains("138****5678").doesNotContain("13820045678");
        assertThat(fitsWidth()).as("team list fits 390 px").isTrue();

        open(browser.findElement(By.id("new-entry")).getAttribute("href").replace(url(""), ""));
        waitFor(By.id("entry-form"));
        browser.findElement(By.id("name")).sendKeys("河东应急抢险测试队");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("kind"))).selectByVisibleText("社会");
        browser.findElement(By.id("members")).sendKeys("42");
        browser.findElement(By.id("contact_person")).sendKeys("韩梅");
        browser.findElement(By.id("contact_phone")).sendKeys("13800");
        submit();
        assertThat(waitFor(By.id("form-error")).getText()).contains("联系电话应为11位手机号或带区号的固定电话。");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).as("what was typed stays").isEqualTo("河东应急抢险测试队");
        assertThat(fitsWidth()).as("form with its errors fits 390 px").isTrue();
        screenshot("emergency-team-form-390");

        browser.findElement(By.id("contact_phone")).clear();
        browser.findElement(By.id("contact_phone")).sendKeys("13800138000");
        submit();
        assertThat(waitFor(By.id("fields")).getText()).contains("河东应急抢险测试队").contains("138****8000").contains("社会")
                .doesNotContain("13800138000");
        browser.findElement(By.id("reveal-phone")).click();
        waitUntil(java.time.Duration.ofSeconds(5), b -> b.findElement(By.id("fields")).getText().contains("13800138000"));
        assertThat(fitsWidth()).isTrue();

        loginAs("leader1");
        open("/emergency/plans?status=overdue");
        assertThat(waitFor(By.id("content")).getText()).contains("评估逾期");
        assertThat(fitsWidth()).as("plans fit 390 px").isTrue();
        open("/emergency/insurance/lapses");
        assertThat(waitFor(By.id("content")).getText()).contains("已脱保").contains("未投保");
        assertThat(fitsWidth()).as("lapse list fits 390 px").isTrue();
        screenshot("emergency-lapses-390");
    }

    /** The save button through the form (the phone's bottom bar may cover the button itself). */
    private void submit() {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].form.requestSubmit(arguments[0])",
                browser.findElement(By.id("save")));
    }
}
