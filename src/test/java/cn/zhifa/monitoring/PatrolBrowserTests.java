package cn.zhifa.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.BrowserTestSupport;
import cn.zhifa.inspection.DemoActor;
import cn.zhifa.inspection.InspectionFixtures;
import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.inspection.InspectionRecord;
import cn.zhifa.inspection.ItemOutcome;
import cn.zhifa.organization.UserManagement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An officer on a phone opens 今日在线巡查, starts the patrol of the first firm (the online record opens), and once the
 * record is submitted finds the firm done and the completion counted — all within 390 px.
 */
class PatrolBrowserTests extends BrowserTestSupport {

    @Autowired JdbcClient jdbc;
    @Autowired InspectionManagement inspections;
    @Autowired UserManagement users;

    @AfterEach
    void desktop() {
        resize(DESKTOP);
    }

    @Test
    void an_officer_starts_a_patrol_and_sees_it_completed_at_390_px() throws Exception {
        resize(PHONE);
        loginAs("officer1");

        open("/monitoring/patrol");
        WebElement list = waitFor(By.id("patrol-items"));
        assertThat(fitsWidth()).as("patrol list fits 390 px").isTrue();
        WebElement first = list.findElements(By.cssSelector(".patrol-item")).stream()
                .filter(i -> !findAllNow(i, By.cssSelector("form button")).isEmpty()
                        && i.getText().contains("待巡查")).findFirst().orElseThrow();
        String itemId = first.getAttribute("id").substring("patrol-item-".length());
        String firm = first.findElement(By.cssSelector(".text-break > span")).getText();
        int doneBefore = Integer.parseInt(browser.findElement(By.id("patrol-done")).getText());

        WebElement start = first.findElement(By.cssSelector("form button"));
        assertThat(start.getText()).isEqualTo("开始巡查");
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()", start);
        waitAtMost(Duration.ofSeconds(15))
                .until(d -> d.getCurrentUrl().contains("/inspection/records/"));
        String url = browser.getCurrentUrl();
        long recordId = Long.parseLong(url.replaceAll(".*/inspection/records/(\\d+).*", "$1"));
        waitFor(By.id("content"));
        assertThat(browser.findElement(By.id("content")).getText()).contains(firm);
        assertThat(fitsWidth()).as("online record fits 390 px").isTrue();

        open("/monitoring/patrol");
        WebElement started = waitFor(By.id("patrol-item-" + itemId));
        assertThat(started.getText()).contains("巡查中");
        assertThat(started.findElement(By.cssSelector("form button")).getText()).isEqualTo("继续巡查");

        // the team completes the online record (answers, both signatures) and submits it
        var officer = users.findByUsername("officer1").orElseThrow();
        DemoActor.of(officer).run(() -> {
            InspectionRecord record = inspections.record(recordId);
            for (InspectionRecord.ItemResult item : record.getItems()) {
                inspections.answer(recordId, item.code(), ItemOutcome.CONFORMS, null, null, null, null);
            }
            for (InspectionRecord.Member member : record.getMembers()) {
                inspections.signAsOfficer(recordId, member.userId(), InspectionFixtures.signature());
            }
            inspections.submit(recordId, true);
        });
        Instant until = Instant.now().plusSeconds(15);
        while (jdbc.sql("SELECT completed_at IS NOT NULL FROM monitoring_patrol_item WHERE id = ?")
                .param(Long.parseLong(itemId)).query(Boolean.class).single() == Boolean.FALSE && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }

        open("/monitoring/patrol");
        WebElement done = waitFor(By.id("patrol-item-" + itemId));
        assertThat(done.getText()).contains("已完成");
        assertThat(findAllNow(done, By.cssSelector("form button"))).isEmpty();
        assertThat(Integer.parseInt(browser.findElement(By.id("patrol-done")).getText())).isEqualTo(doneBefore + 1);
        assertThat(browser.findElement(By.id("patrol-figures")).getText()).contains("完成率");
        assertThat(browser.findElement(By.id("content")).getText()).doesNotContain("ONLINE", "GENERAL");
        assertThat(fitsWidth()).as("patrol list with completion fits 390 px").isTrue();
        screenshot("patrol-390");
    }
}
