package cn.zhifa.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

class PublicityBrowserTests extends BrowserTestSupport {

    @Test
    void anyone_searches_the_published_decisions_at_phone_width_with_personal_data_masked() throws Exception {
        browser.manage().deleteAllCookies();
        resize(PHONE);
        open("/public/penalties");
        assertThat(waitFor(By.id("portal-authority")).getText()).isEqualTo("示例市东城区应急管理局");
        assertThat(browser.getTitle()).startsWith("示例市东城区应急管理局").doesNotContain("Zhifa");
        assertThat(browser.findElements(By.cssSelector(".penalty"))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(fitsWidth()).as("no horizontal scrolling at 390 px").isTrue();
        screenshot("publicity-portal-phone");

        search("孙某");
        WebElement person = waitFor(By.cssSelector(".penalty"));
        assertThat(person.getText()).contains("自然人").contains("110105********002X").doesNotContain("11010519491231002X");
        assertThat(fitsWidth()).isTrue();

        search("朝阳建材");
        assertThat(waitFor(By.cssSelector(".penalty")).getText()).contains("朝阳建材有限公司").contains("罚款");
        search("东华五金");
        assertThat(waitFor(By.id("penalties")).getText()).as("withdrawn").contains("没有找到");
        search("东风铸造");
        assertThat(waitFor(By.id("penalties")).getText()).as("expired").contains("没有找到");
    }

    @Test
    void the_leader_sees_late_withdrawn_and_expired_publications_at_phone_width_and_on_the_desktop() throws Exception {
        loginAs("leader1");
        for (var size : new org.openqa.selenium.Dimension[] {PHONE, DESKTOP}) {
            resize(size);
            open("/publicity");
            String list = waitFor(By.cssSelector(".publication")).findElement(By.xpath("..")).getText();
            assertThat(list).contains("已公示（逾期）").contains("已撤回").contains("公示期满").contains("公示中")
                    .contains("经行政复议");
            assertThat(fitsWidth()).as("no horizontal scrolling at " + size.width + " px").isTrue();
            screenshot("publicity-list-" + size.width);
        }
        open("/publicity/statistics");
        assertThat(waitFor(By.id("totals")).getText()).contains("按时公示率");
        assertThat(fitsWidth()).isTrue();
    }

    @Test
    void the_portal_sections_fit_a_phone_and_name_the_authority() throws Exception {
        browser.manage().deleteAllCookies();
        resize(PHONE);
        String[][] sections = {
                {"/public/before", "当事人的权利"},
                {"/public/powers", "年度权责清单"},
                {"/public/double-random", "每月随机抽取"},
                {"/public/exposures", "重大隐患"},
                {"/public/cases", "警示意义"}};
        for (String[] section : sections) {
            open(section[0]);
            assertThat(waitFor(By.id("portal-authority")).getText()).isEqualTo("示例市东城区应急管理局");
            assertThat(browser.findElement(By.tagName("main")).getText()).as(section[0]).contains(section[1]);
            assertThat(browser.findElement(By.id("portal-nav")).getText()).contains("事前公开").contains("典型案例");
            assertThat(fitsWidth()).as("no horizontal scrolling at 390 px on " + section[0]).isTrue();
            screenshot("portal" + section[0].replace('/', '-'));
        }
    }

    private void search(String text) {
        WebElement q = waitFor(By.name("q"));
        q.clear();
        q.sendKeys(text);
        browser.findElement(By.cssSelector("form[role=search] button")).click();
        waitFor(By.id("penalties"));
    }
}
