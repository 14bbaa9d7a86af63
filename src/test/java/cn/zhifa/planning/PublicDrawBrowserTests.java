package cn.zhifa.planning;

import cn.zhifa.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class PublicDrawBrowserTests extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anyone_sees_a_published_draw_with_its_seed_at_phone_width_and_can_recompute_it() throws Exception {
        long id = jdbc.sql("SELECT id FROM planning_draw WHERE status = 'DRAWN' ORDER BY id LIMIT 1").query(Long.class).single();
        String seed = jdbc.sql("SELECT seed FROM planning_draw WHERE id = ?").param(id).query(String.class).single();
        browser.manage().deleteAllCookies();
        resize(PHONE);
        open("/public/draws");
        browser.findElement(By.linkText("第 " + id + " 号 · 安全生产主体责任落实情况")).click();
        assertThat(waitFor(By.id("seed")).getText()).isEqualTo(seed);
        assertThat(browser.findElement(By.id("draw-result")).getText()).contains("、");
        assertThat(browser.findElement(By.id("algorithm")).getText()).contains("Fisher–Yates");
        assertThat(fitsWidth()).as("no horizontal scrolling at 390 px").isTrue();
        screenshot("planning-public-draw-phone");

        browser.get(browser.findElement(By.id("recompute")).getAttribute("href"));
        assertThat(browser.getPageSource()).contains("\"resultMatches\":true");
    }
}
