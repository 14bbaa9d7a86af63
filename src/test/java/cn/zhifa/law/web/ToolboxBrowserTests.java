package cn.zhifa.law.web;

import cn.zhifa.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A party without an account uses the toolbox on a phone. */
class ToolboxBrowserTests extends BrowserTestSupport {

    private void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, value);
    }

    private void press(String id) {
        WebElement button = browser.findElement(By.id(id));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button);
        button.click();
    }

    private WebElement result(String name, String expectedText) {
        By locator = By.cssSelector("[data-result='" + name + "']");
        waitAtMost(Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(locator, expectedText));
        return browser.findElement(locator);
    }

    @Test
    void a_visitor_computes_a_deadline_over_the_spring_festival_and_grades_an_accident_at_phone_width() throws Exception {
        browser.manage().deleteAllCookies();
        resize(PHONE);
        open("/toolbox");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("法律工具箱");
        assertThat(fitsWidth()).as("no horizontal scrolling at 390 px").isTrue();

        new Select(browser.findElement(By.id("deadline-mode"))).selectByValue("WORKING_DAYS");
        type("deadline-from", "2026-02-12");
        type("deadline-days", "3");
        press("deadline-submit");
        assertThat(result("due", "2026年2月24日").getText()).contains("星期二");
        assertThat(browser.getCurrentUrl()).as("answered in place by htmx").endsWith("/toolbox");
        assertThat(browser.findElement(By.cssSelector("[data-result='basis']")).getText())
                .contains("国务院办公厅关于2026年部分节假日安排的通知");

        type("grade-deaths", "10");
        type("grade-injuries", "0");
        type("grade-loss", "0");
        press("grade-submit");
        assertThat(result("grade", "重大事故").getText()).isEqualTo("重大事故");

        type("uscc-code", "91350100M000100Y44");
        press("uscc-submit");
        assertThat(result("uscc", "代码无效").getText()).isEqualTo("代码无效");

        assertThat(fitsWidth()).as("results fit at 390 px").isTrue();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('deadline').scrollIntoView({behavior: 'instant'});");
        screenshot("law-toolbox-phone");
    }
}
