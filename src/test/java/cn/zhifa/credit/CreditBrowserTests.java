package cn.zhifa.credit;

import cn.zhifa.BrowserTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The public sees the 严重失信主体名单 on a phone; a leader reads a listing and a firm's credit block on a phone. */
class CreditBrowserTests extends BrowserTestSupport {

    @Autowired JdbcClient jdbc;

    @AfterEach
    void desktop() {
        resize(DESKTOP);
    }

    @Test
    void anyone_reads_and_searches_the_serious_list_on_a_phone() throws Exception {
        String listed = jdbc.sql("SELECT enterprise_name FROM credit_listing WHERE demo AND status = 'LISTED'").query(String.class).single();
        String removed = jdbc.sql("SELECT enterprise_name FROM credit_listing WHERE demo AND status = 'REMOVED'").query(String.class).single();
        browser.manage().deleteAllCookies();
        resize(PHONE);
        open("/public/credit");

        String list = waitFor(By.id("serious-list")).getText();
        assertThat(list).contains(listed).contains("列入情形").contains("管理期限至").doesNotContain(removed);
        assertThat(fitsWidth()).as("no horizontal scrolling at 390 px").isTrue();
        screenshot("credit-public-390");

        search(listed.substring(0, 4));
        assertThat(waitFor(By.id("serious-list")).getText()).contains(listed);
        search("不存在的企业名称");
        assertThat(waitFor(By.id("content")).getText()).contains("暂无公示中的严重失信主体");
    }

    /** Submits the search and waits for the answer's page: the old page's elements go stale when it replaces them. */
    private void search(String words) {
        WebElement before = browser.findElement(By.id("content"));
        browser.findElement(By.name("q")).clear();
        browser.findElement(By.name("q")).sendKeys(words);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntil(java.time.Duration.ofSeconds(30), d -> org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(before).apply(d));
    }

    @Test
    void a_leader_reads_a_listing_and_the_firms_credit_on_a_phone() throws Exception {
        long id = jdbc.sql("SELECT id FROM credit_listing WHERE demo AND status = 'LISTED'").query(Long.class).single();
        long firm = jdbc.sql("SELECT enterprise_id FROM credit_listing WHERE id = ?").param(id).query(Long.class).single();
        String number = jdbc.sql("SELECT decision_number FROM credit_listing WHERE id = ?").param(id).query(String.class).single();
        resize(PHONE);
        loginAs("leader1");
        open("/credit/listings/" + id);

        assertThat(waitFor(By.id("status")).getText()).isEqualTo("已列入");
        assertThat(browser.findElement(By.id("decision-number")).getText()).isEqualTo(number);
        assertThat(browser.findElement(By.id("content")).getText()).contains("信用修复").contains("列入满最短期限后方可申请提前移出");
        assertThat(fitsWidth()).isTrue();
        screenshot("credit-listing-390");

        open("/registry/enterprises/" + firm);
        String block = waitFor(By.cssSelector(".profile-section")).getText();
        assertThat(block).contains("信用等级：严重失信").contains("在严重失信主体名单内");
        assertThat(fitsWidth()).isTrue();
    }
}
