package cn.zhifa.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.BrowserTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A leader suspends and restores a third-party agency on a phone and sees the reason and the history. */
class AgencyBrowserTests extends BrowserTestSupport {

    @Test
    void a_leader_suspends_an_agency_with_a_reason_and_restores_it_on_a_phone() throws Exception {
        resize(PHONE);
        loginAs("leader1");
        open("/registry/agencies?status=ACTIVE");
        waitFor(By.cssSelector("#agency-table tbody a")).click();
        waitFor(By.id("suspend-form"));
        assertThat(fitsWidth()).as("no horizontal scrolling at 390 px").isTrue();

        press("#suspend-form button");
        assertThat(waitFor(By.id("refusal")).getText()).contains("暂停须填写原因");
        assertThat(browser.findElement(By.id("agency-status")).getText()).isEqualTo("正常");

        browser.findElement(By.id("suspend-reason")).sendKeys("责令暂停培训（浏览器测试）");
        press("#suspend-form button");
        assertThat(waitFor(By.id("agency-status")).getText()).startsWith("暂停");
        assertThat(browser.findElement(By.id("history")).getText()).contains("暂停：责令暂停培训（浏览器测试）");
        screenshot("registry-agency-suspended-phone");

        browser.findElement(By.id("restore-reason")).sendKeys("整改验收合格");
        press("#restore-form button");
        assertThat(waitFor(By.id("agency-status")).getText()).isEqualTo("正常");
        assertThat(fitsWidth()).isTrue();
    }

    /** Submits a form's button and waits until the next page has replaced this one. */
    private void press(String css) {
        WebElement page = browser.findElement(By.tagName("html"));
        WebElement button = browser.findElement(By.cssSelector(css));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
        button.click();
        waitAtMost(Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(page));
    }
}
