package cn.zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.BrowserTestSupport;
import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.hazard.HazardManagement;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.organization.UserManagement;
import com.jayway.jsonpath.JsonPath;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The officer's day at 390 px: start the inspection, tick the items (two fail, one of them major), add a
 * photo, sign (both officers and the firm), submit; the leader sees the hazards; time passes the deadline
 * and the overdue warning appears; rectification, 复查 and 销号 by a second officer close the loop.
 */
class InspectionBrowserTests extends BrowserTestSupport {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserManagement users;
    @Autowired
    LegalCalendar calendar;
    @Autowired
    HazardManagement hazards;
    @Autowired
    TestClock clock;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void an_officer_inspects_at_phone_width_and_the_hazards_close_the_loop() throws Exception {
        long officerA = users.findByUsername("officer1").orElseThrow().id();
        long officerB = users.findByUsername("officer2").orElseThrow().id();
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterprise(jdbc, 7);
        String enterprise = firm.name();
        String created = mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", Tokens.bearer(mvc, "officer1"))
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.taskJson(officerA, officerB, firm.id())))
                .andReturn().getResponse().getContentAsString();
        long taskId = ((Number) JsonPath.read(created, "$.id")).longValue();
        LocalDate deadline = calendar.addWorkingDays(LocalDate.now(ZoneId.of("Asia/Shanghai")), 5).due();

        resize(PHONE);
        loginAs("officer1");
        open("/inspection");
        waitFor(By.id("task-" + taskId));
        assertThat(fitsWidth()).as("today's tasks fit 390 px").isTrue();
        screenshot("inspection-1-today-phone");
        click(By.cssSelector("#task-" + taskId + " .start-inspection"));
        waitFor(By.id("record-status"));
        assertThat(browser.findElement(By.id("enterprise")).getText()).isEqualTo(enterprise);
        String recordId = browser.getCurrentUrl().replaceAll(".*/records/(\\d+).*", "$1");

        browser.findElement(By.id("place")).sendKeys("二车间及办公楼");
        browser.findElement(By.id("representativeName")).sendKeys("张经理");
        browser.findElement(By.id("representativeTitle")).sendKeys("安全主管");
        assertThat(waitForText(By.id("basics-status"), "基本情况已保存")).as("saved where the officer types").isTrue();

        // answers, notes, hazard locations and deadlines: no save button pressed, each item saves itself
        for (String code : List.of("AQ-22", "AQ-28", "AQ-45", "AQ-81")) {
            click(By.cssSelector("label[for='r-" + code + "-CONFORMS']"));
        }
        click(By.cssSelector("label[for='r-GM-3-1-NOT_APPLICABLE']"));
        click(By.cssSelector("label[for='r-GM-3-3-NOT_APPLICABLE']"));
        click(By.cssSelector("label[for='r-AQ-41-FAILS']"));
        click(By.cssSelector("label[for='r-GM-3-2-FAILS']"));
        assertThat(browser.findElement(By.cssSelector("#item-GM-3-2 .item-violation")).getText())
                .as("a failed item shows the hazard as what is wrong").startsWith("隐患：特种作业人员未按规定");
        js("for (const id of ['deadline-AQ-41', 'deadline-GM-3-2']) { const d = document.getElementById(id);"
                + " d.value = arguments[0]; d.dispatchEvent(new Event('change', {bubbles: true})); }", deadline.toString());
        browser.findElement(By.name("note_GM-3-2")).sendKeys("电焊工无特种作业操作证");
        browser.findElement(By.name("location_GM-3-2")).sendKeys("二车间焊接工位");
        browser.findElement(By.name("note_AQ-41")).sendKeys("隐患排查记录不全");
        browser.findElement(By.name("note_AQ-22")).sendKeys("责任制已上墙");
        lastTyped = System.nanoTime();
        assertThat(waitForText(By.id("status-GM-3-2"), "已保存")).as("confirmation inside the item").isTrue();
        assertThat(fitsWidth()).as("checklist fits 390 px").isTrue();
        screenshot("inspection-2-items-phone");

        // a photo and the signatures: the page stays, nothing typed is dropped
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("photo-item"))).selectByValue("GM-3-2");
        browser.findElement(By.id("photo-file")).sendKeys(photo().toAbsolutePath().toString());
        click(By.id("upload-photo"));
        assertThat(waitForText(By.id("photo-status"), "照片已保存")).isTrue();
        waitFor(By.cssSelector("#thumbs-GM-3-2 img"));
        assertThat(browser.findElement(By.name("note_AQ-22")).getAttribute("value")).isEqualTo("责任制已上墙");

        sign("pad-" + officerA, "sign-" + officerA, "signed-" + officerA);
        sign("pad-" + officerB, "sign-" + officerB, "signed-" + officerB);
        sign("pad-representative", "sign-representative", "signed-representative");
        screenshot("inspection-3-signed-phone");
        waitForSaves();

        browser.navigate().refresh();
        waitFor(By.id("record-status"));
        assertThat(browser.findElement(By.id("place")).getAttribute("value")).isEqualTo("二车间及办公楼");
        assertThat(browser.findElement(By.id("representativeTitle")).getAttribute("value")).isEqualTo("安全主管");
        for (String code : List.of("AQ-22", "AQ-28", "AQ-45", "AQ-81")) {
            assertThat(browser.findElement(By.id("r-" + code + "-CONFORMS")).isSelected()).as(code).isTrue();
        }
        assertThat(browser.findElement(By.id("r-GM-3-1-NOT_APPLICABLE")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("r-GM-3-3-NOT_APPLICABLE")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("r-AQ-41-FAILS")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("r-GM-3-2-FAILS")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("deadline-AQ-41")).getAttribute("value")).isEqualTo(deadline.toString());
        assertThat(browser.findElement(By.id("deadline-GM-3-2")).getAttribute("value")).isEqualTo(deadline.toString());
        assertThat(browser.findElement(By.name("note_GM-3-2")).getAttribute("value")).isEqualTo("电焊工无特种作业操作证");
        assertThat(browser.findElement(By.name("location_GM-3-2")).getAttribute("value")).isEqualTo("二车间焊接工位");
        assertThat(browser.findElement(By.name("note_AQ-41")).getAttribute("value")).isEqualTo("隐患排查记录不全");
        assertThat(browser.findElement(By.name("note_AQ-22")).getAttribute("value")).isEqualTo("责任制已上墙");
        assertThat(browser.findElements(By.cssSelector("#thumbs-GM-3-2 img"))).hasSize(1);
        assertThat(browser.findElement(By.id("signed-representative")).getText()).contains("已签名");
        assertThat(browser.findElement(By.id("signed-" + officerA)).getText()).contains("已签名");

        submitAndWait(By.id("submit-record"));
        assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("已提交").contains("正在生成");
        // issued just after 提交: the page polls until the record and the order are there, then shows their links
        waitAtMost(java.time.Duration.ofSeconds(60)).until(d ->
                d.findElements(By.cssSelector("#documents .record-document")).size() == 2);
        assertThat(browser.findElements(By.id("documents-pending"))).as("the poll stopped with the links").isEmpty();
        assertThat(browser.findElement(By.id("record-status")).getText()).isEqualTo("已提交");
        assertThat(fitsWidth()).isTrue();
        screenshot("inspection-4-submitted-phone");

        loginAs("leader1");
        open("/hazards?record=" + recordId);
        List<WebElement> cards = hazardCards(enterprise);
        assertThat(cards).hasSize(2);
        assertThat(cards).filteredOn(c -> !findAllNow(c, By.cssSelector(".level")).isEmpty()).hasSize(1);
        assertThat(fitsWidth()).isTrue();
        screenshot("inspection-5-leader-hazards-phone");

        clock.advance(Duration.ofDays(20));
        assertThat(hazards.sweepOverdue()).isGreaterThanOrEqualTo(2);
        open("/hazards?filter=overdue&record=" + recordId);
        assertThat(hazardCards(enterprise)).hasSize(2)
                .allSatisfy(c -> assertThat(c.findElement(By.cssSelector(".warning")).getText()).matches("逾期 \\d+ 天"));
        screenshot("inspection-6-overdue-phone");

        List<String> links = hazardCards(enterprise).stream()
                .map(c -> c.findElement(By.tagName("a")).getAttribute("href")).toList();
        loginAs("officer1");
        for (String link : links) {
            browser.get(link);
            assertThat(waitFor(By.id("overdue-warning")).getText()).contains("逾期");
            browser.findElement(By.id("rectification-report")).sendKeys("已整改并补充记录");
            browser.findElement(By.id("rectification-files")).sendKeys(photo().toAbsolutePath().toString());
            submitAndWait(By.id("report-rectification"));
            assertThat(waitFor(By.id("hazard-status")).getText()).isEqualTo("已报整改待复查");
            browser.findElement(By.id("reinspection-opinion")).sendKeys("经复查，已整改到位。");
            draw("pad-reinspector");
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("second-officer")))
                    .selectByValue(String.valueOf(officerB));
            draw("pad-second-officer");
            browser.findElement(By.id("recheck-representative")).sendKeys("张经理");
            draw("pad-recheck-representative");
            assertThat(fitsWidth()).as("复查 form with three signature pads fits 390 px").isTrue();
            submitAndWait(By.id("reinspect"));
            assertThat(waitFor(By.id("hazard-status")).getText()).isEqualTo("复查合格待销号");
            assertThat(browser.findElement(By.cssSelector("#hazard-documents .recheck-opinion")).getText())
                    .startsWith("整改复查意见书");
        }
        screenshot("inspection-7-reinspected-phone");
        loginAs("officer2");
        for (String link : links) {
            browser.get(link);
            submitAndWait(By.id("close-hazard"));
            assertThat(waitFor(By.id("hazard-status")).getText()).isEqualTo("已销号");
        }
        loginAs("leader1");
        open("/hazards?filter=closed&record=" + recordId);
        assertThat(hazardCards(enterprise)).hasSize(2);
        screenshot("inspection-8-closed-phone");
    }

    private List<WebElement> hazardCards(String enterprise) {
        return browser.findElements(By.cssSelector(".hazard-card")).stream()
                .filter(c -> c.getText().contains(enterprise)).toList();
    }

    private void click(By locator) {
        tap(locator);
    }

    private void sign(String padId, String buttonId, String statusId) throws java.io.IOException {
        draw(padId);
        click(By.id(buttonId));
        WebElement status = waitAtMost(Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("#" + statusId + ".badge, #" + statusId + ".sign-refused")).stream()
                        .findFirst().orElse(null));
        if (!status.getAttribute("class").contains("badge")) {
            screenshot("inspection-sign-refused-" + padId);
        }
        assertThat(status.getAttribute("class")).as("signing %s: %s", padId, status.getText()).contains("badge");
    }

    private boolean waitForText(By locator, String text) {
        return waitAtMost(Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class) // htmx swaps the status in
                .until(d -> d.findElement(locator).getText().contains(text));
    }

    /** When the last field was typed into: its save goes out after the typing delay (1.2 s in record.html). */
    private long lastTyped;

    /** Until no part of the page is still saving (htmx marks requests under way with .htmx-request). */
    private void waitForSaves() throws InterruptedException {
        // the typing delay of the last field, counted from its last keystroke (the photo and signatures took time since)
        long sinceTyped = Duration.ofNanos(System.nanoTime() - lastTyped).toMillis();
        Thread.sleep(Math.max(0, 1500 - sinceTyped));
        waitUntil(Duration.ofSeconds(30), d -> d.findElements(By.cssSelector(".htmx-request")).isEmpty());
    }

    private void draw(String padId) {
        drawOn(browser.findElement(By.id(padId)));
    }

    /** Clicks a submit button and waits until the next page has replaced this one. */
    private void submitAndWait(By button) {
        WebElement page = browser.findElement(By.tagName("html"));
        click(button);
        waitAtMost(Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
        waitFor(By.tagName("h1"));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static Path photo() throws Exception {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.DARK_GRAY);
        g.drawString("现场照片 " + System.nanoTime(), 20, 120);
        g.dispose();
        Path file = Files.createTempFile("site-", ".jpg");
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }
}
