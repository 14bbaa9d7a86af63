package cn.zhifa.documents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.BrowserTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** An officer draws their signature once on 我的签名 (on a phone); the old one stays on record. */
@Tag("browser")
class SignatureBrowserTests extends BrowserTestSupport {

    @Autowired SignatureSpecimens specimens;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void an_officer_draws_and_saves_their_signature_on_a_phone() throws Exception {
        var before = specimens.current("officer2").orElseThrow();
        resize(PHONE);
        loginAs("officer2");
        open("/documents/signature");
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("我的签名");
        assertThat(browser.findElement(By.id("current-signature")).isDisplayed()).isTrue();

        // saving an empty pad is refused in Chinese
        submitAndWait(By.id("save-signature"));
        assertThat(waitFor(By.id("refusal")).getText()).contains("签名缺失");

        drawOn(waitFor(By.id("pad-specimen")));
        assertThat(fitsWidth()).as("no horizontal scrolling at 390 px").isTrue();
        screenshot("documents-signature-drawn-phone");
        submitAndWait(By.id("save-signature"));
        assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("签名已保存");
        assertThat(browser.findElement(By.id("signature-history")).getText()).contains(before.registeredText());
        screenshot("documents-signature-saved-phone");

        var now = specimens.current("officer2").orElseThrow();
        assertThat(now.id()).isNotEqualTo(before.id());
        assertThat(specimens.find(before.id()).orElseThrow().current()).isFalse();
        // audited with the new specimen as the target
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_log WHERE action = '登记签名样式' AND actor = 'officer2' AND target_id = :id""")
                .param("id", String.valueOf(now.id())).query(Long.class).single()).isEqualTo(1);
    }

    private void submitAndWait(By button) {
        WebElement page = browser.findElement(By.tagName("html"));
        WebElement b = browser.findElement(button);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", b);
        b.click();
        waitAtMost(Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
        waitFor(By.tagName("h1"));
    }
}
