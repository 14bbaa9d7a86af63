package cn.zhifa.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

class RegistryBrowserTests extends BrowserTestSupport {

    @Test
    void an_officer_searches_the_enterprise_list_and_opens_a_profile_on_a_phone() throws Exception {
        resize(PHONE);
        loginAs("supervisor1");
        open("/registry/enterprises");
        browser.findElement(By.id("q")).sendKeys("化工");
        browser.findElement(By.id("search")).click();
        WebElement first = waitFor(By.cssSelector("#enterprise-table tbody a"));
        assertThat(first.getText()).contains("化工");
        assertThat(fitsWidth()).as("no horizontal scrolling at 390 px").isTrue();
        screenshot("registry-list-phone");

        first.click();
        assertThat(waitFor(By.id("enterprise-name")).getText()).contains("化工");
        assertThat(browser.findElement(By.id("key-data")).getText()).contains("法定代表人", "监管单位");
        assertThat(browser.findElement(By.id("timeline")).isDisplayed()).isTrue();
        assertThat(fitsWidth()).isTrue();
        screenshot("registry-profile-phone");

        resize(DESKTOP);
        open("/registry/statistics");
        waitFor(By.cssSelector("#chart-risk canvas"));
        screenshot("registry-statistics-desktop");
    }

    @Test
    void the_expiring_certificates_are_listed_for_a_leader() throws Exception {
        resize(PHONE);
        loginAs("supervisor1");
        open("/registry/officers");
        assertThat(waitFor(By.id("expiring")).getText()).contains("天内到期");
        assertThat(fitsWidth()).isTrue();
        screenshot("registry-officers-phone");
    }
}
