package cn.zhifa.documents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.BrowserTestSupport;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A citizen scans the QR code on a decision with a phone: no login, the page confirms the document. */
class VerificationBrowserTests extends BrowserTestSupport {

    @Autowired DocumentManagement documents;
    @Autowired JdbcClient jdbc;

    @Test
    void a_citizen_verifies_a_decision_on_a_phone_and_a_wrong_hash_is_rejected() throws Exception {
        long east = jdbc.sql("select id from organization where name = '东城区应急管理综合行政执法大队'").query(Long.class).single();
        SampleDocuments.ensureSettings(documents, jdbc.sql("select id from organization where name = '示例市东城区应急管理局'").query(Long.class).single());
        TemplateSummary t = documents.templates().find("PENALTY_DECISION_UNIT").orElseThrow();
        DocumentContent c = SampleDocuments.content(t);
        IssuedDocument d = documents.issue(new IssueRequest(t.kind(), east, new SourceRef("case", UUID.randomUUID().toString()),
                c.fields(), List.copyOf(c.parties().values()), c.officers(), c.signatures(), List.of(),
                LocalDate.of(2026, 3, 5), "officer1", null));

        browser.manage().deleteAllCookies();
        resize(PHONE);
        open("/verify/" + d.verificationCode());
        assertThat(waitFor(By.id("verify-result")).getText()).contains("真实有效").contains("示例市东城区应急管理局");
        assertThat(browser.findElement(By.id("v-number")).getText()).isEqualTo(d.number());
        assertThat(browser.findElement(By.id("verify-result")).getText()).as("no hash or algorithm names on the public page")
                .doesNotContain("SHA-256").doesNotContain(d.pdfSha256());
        assertThat(browser.getPageSource()).doesNotContain(SampleDocuments.UNIT);
        assertThat(fitsWidth()).as("no horizontal scrolling at 390 px").isTrue();
        screenshot("documents-verify-phone");

        browser.findElement(By.cssSelector("#hash-check summary")).click();
        browser.findElement(By.id("hash")).sendKeys("0".repeat(64));
        browser.findElement(By.id("hash")).submit();
        assertThat(waitFor(By.id("check-result")).getText()).startsWith("不一致");
        screenshot("documents-verify-tampered-phone");

        browser.findElement(By.id("hash")).sendKeys(d.pdfSha256());
        browser.findElement(By.id("hash")).submit();
        assertThat(waitFor(By.id("check-result")).getText()).startsWith("一致");

        // an officer looks at the list and the statistics
        resize(DESKTOP);
        loginAs("officer1");
        open("/documents");
        assertThat(waitFor(By.cssSelector("table")).getText()).contains(d.number());
        screenshot("documents-list-desktop");
        open("/documents/" + d.id());
        assertThat(waitFor(By.cssSelector("h1")).getText()).isEqualTo("行政处罚决定书（单位）");
        screenshot("documents-detail-desktop");
        open("/documents/statistics");
        waitFor(By.id("chart"));
        screenshot("documents-statistics-desktop");
        loginAs("admin");
        open("/documents/settings");
        assertThat(waitFor(By.id("shortName")).getAttribute("value")).isEqualTo("示例");
        screenshot("documents-settings-desktop");
        browser.manage().deleteAllCookies();
        resize(PHONE);

        open("/verify/QQQQ-QQQQ");
        assertThat(waitFor(By.id("verify-error")).getText()).contains("核验码“QQQQ-QQQQ”不存在");
        screenshot("documents-verify-unknown-phone");
    }
}
