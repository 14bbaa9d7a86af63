package cn.zhifa.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.BrowserTestSupport;
import cn.zhifa.inspection.InspectionFixtures;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.organization.UserManagement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * At 390 px an officer finds two problems outside any checklist, registers them together with one deadline, and the
 * two officers and the firm's manager sign on the phone: the hazard page shows the one 责令限期整改指令书 they share.
 */
@Tag("browser")
class FreeHazardBrowserTests extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    LegalCalendar calendar;
    @Autowired
    UserManagement users;

    @Test
    void an_officer_registers_two_hazards_on_the_phone_and_both_sign_one_rectification_order() throws Exception {
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 11);
        LocalDate deadline = calendar.addWorkingDays(LocalDate.now(ZoneId.of("Asia/Shanghai")), 5).due();
        resize(PHONE);
        loginAs("officer1");
        open("/hazards");
        click(By.id("register-hazard"));
        waitFor(By.id("enterprise-search")).sendKeys(firm.name());
        submitAndWait(By.cssSelector("#content form[method=get] button"));
        click(By.cssSelector("#enterprise-choices a"));
        assertThat(waitFor(By.id("registration-enterprise")).getText()).isEqualTo(firm.name());
        screenshot("hazard-free-0-form-phone");

        browser.findElement(By.id("row-0-description")).sendKeys("配电柜前堆放纸箱");
        js("arguments[0].value = arguments[1];", browser.findElement(By.id("row-0-deadline")), deadline.toString());
        click(By.id("add-hazard-row"));
        waitFor(By.id("row-1-description")).sendKeys("疏散通道被货架占用");
        js("arguments[0].value = arguments[1];", browser.findElement(By.id("row-1-deadline")), deadline.toString());
        draw("order-pad-officer");
        new Select(browser.findElement(By.id("order-second-officer"))).selectByVisibleText(
                users.findByUsername("officer2").orElseThrow().displayName());
        draw("order-pad-second-officer");
        browser.findElement(By.id("order-representative")).sendKeys("孙厂长");
        draw("order-pad-representative");
        screenshot("hazard-free-1-signed-phone");
        assertThat(fitsWidth()).isTrue();
        submitAndWait(By.id("register-hazards"));

        waitFor(By.cssSelector(".alert-success"));
        screenshot("hazard-free-2-order-phone");
        List<WebElement> orders = browser.findElements(By.cssSelector("#hazard-documents .order-document"));
        assertThat(orders).singleElement().satisfies(o -> assertThat(o.getText()).startsWith("责令限期整改指令书"));
        screenshot("hazard-free-2-order-phone");
        assertThat(fitsWidth()).isTrue();
        assertThat(jdbc.sql("SELECT count(DISTINCT order_document_id) || '/' || count(*) FROM hazard WHERE enterprise_id = :e"
                        + " AND description IN ('配电柜前堆放纸箱', '疏散通道被货架占用')")
                .param("e", firm.id()).query(String.class).single()).isEqualTo("1/2");
    }

    private void click(By button) {
        tap(button);
    }

    private void draw(String padId) {
        drawOn(browser.findElement(By.id(padId)));
    }

    private void submitAndWait(By button) {
        WebElement page = browser.findElement(By.tagName("html"));
        click(button);
        waitAtMost(Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
        waitFor(By.tagName("h1"));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }
}
