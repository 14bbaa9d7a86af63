package cn.zhifa.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.BrowserTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

class ShellBrowserTests extends BrowserTestSupport {

    private List<String> menu() {
        return browser.findElements(By.cssSelector("#sidebar a.nav-link")).stream()
                .map(a -> a.getAttribute("textContent").strip()).toList();
    }

    @Test
    void an_officer_logs_in_and_sees_the_home_page_at_phone_and_desktop_width() throws Exception {
        resize(PHONE);
        loginAs("officer1");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("工作台");
        assertThat(fitsWidth()).as("no horizontal scrolling at 390 px").isTrue();
        assertThat(browser.findElement(By.id("sidebar")).isDisplayed()).as("menu collapsed on a phone").isFalse();
        browser.findElement(By.cssSelector("button.navbar-toggler")).click();
        WebElement home = waitFor(By.cssSelector("#sidebar a[href='/']"));
        assertThat(home.getText()).isEqualTo("首页");
        screenshot("home-phone");

        resize(DESKTOP);
        open("/");
        assertThat(browser.findElement(By.id("sidebar")).isDisplayed()).isTrue();
        screenshot("home-desktop");
    }

    @Test
    void each_role_sees_only_its_own_navigation() {
        resize(DESKTOP);
        loginAs("admin");
        assertThat(menu()).contains("组织机构", "用户管理").doesNotContain("审计日志", "安全策略");
        loginAs("auditor");
        assertThat(menu()).contains("审计日志", "哈希链校验").doesNotContain("用户管理", "安全策略");
        loginAs("secadmin");
        // secadmin assigns roles and handles the 三员 accounts at 用户管理 (三员分立: admin cannot do that alone)
        assertThat(menu()).contains("安全策略", "用户管理").doesNotContain("审计日志", "组织机构");
        loginAs("officer1");
        assertThat(menu()).contains("首页").doesNotContain("用户管理", "审计日志", "安全策略");
    }

    @Test
    void a_wrong_password_shows_a_chinese_message_on_the_login_page() throws Exception {
        resize(PHONE);
        loginAs("officer2", "wrong-password");
        assertThat(waitFor(By.id("login-error")).getText()).startsWith("用户名或密码错误");
        screenshot("login-error-phone");
    }

    @Test
    void the_administrator_adds_a_township_through_the_form() throws Exception {
        resize(DESKTOP);
        loginAs("admin");
        open("/admin/organizations/new");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("parentId"))).selectByVisibleText("　示例市高新区应急管理局");
        browser.findElement(By.id("name")).sendKeys("浏览器测试街道" + System.nanoTime() % 100000);
        browser.findElement(By.id("divisionCode")).sendKeys("139904099");
        browser.findElement(By.id("save")).click();
        assertThat(waitFor(By.cssSelector(".alert-success")).getText()).startsWith("已新增单位");
        screenshot("organizations-desktop");
    }
}
