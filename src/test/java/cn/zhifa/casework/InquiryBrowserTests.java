package cn.zhifa.casework;

import static cn.zhifa.casework.CaseApiSupport.firm;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.BrowserTestSupport;
import cn.zhifa.TestClock;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.SignatureSpecimens;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.SampleDocuments;
import cn.zhifa.documents.SourceRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An officer records an 询问笔录 on a phone: fills the 被询问人, adds a question/answer row, draws the four
 * signatures with the finger (pointer events) and sees the issued document on the case page. The first page of the
 * PDF is saved as target/onsite/inquiry-record-page1.png for a person to look at.
 */
class InquiryBrowserTests extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    DocumentManagement documents;

    @Autowired
    SignatureSpecimens specimens;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void an_officer_records_an_inquiry_with_drawn_signatures_on_a_phone_and_sees_the_document() throws Exception {
        CaseApiSupport api = new CaseApiSupport(mvc, clock);
        long org = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        SampleDocuments.ensureSettings(documents, documents.authorityFor(org).orElseThrow().organizationId());
        long officer2 = jdbc.sql("SELECT id FROM app_user WHERE username = 'officer2'").query(Long.class).single();
        long id = api.open("officer1", firm(org, "手机询问测试有限公司", "未如实记录安全生产教育和培训情况"));
        CaseSignatures.ensure(specimens, "officer1", "officer2", "leader1");
        api.act("leader1", id, "file", Map.of("secondHandler", "officer2"));

        resize(PHONE);
        loginAs("officer1");
        open("/cases/" + id);
        WebElement link = waitFor(By.id("new-inquiry"));
        tap(link);
        waitFor(By.id("record-form"));
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0).minusHours(1);
        js("document.getElementsByName('startTime')[0].value = arguments[0];"
                + "document.getElementsByName('endTime')[0].value = arguments[1];", start.toString(), start.plusMinutes(40).toString());
        type("place", "东城区应急管理局询问室");
        new Select(browser.findElement(By.id("officer2Id"))).selectByValue(String.valueOf(officer2));
        new Select(browser.findElement(By.id("recorderId"))).selectByValue(String.valueOf(officer2));
        type("personName", "陈晓东");
        new Select(browser.findElement(By.id("gender"))).selectByValue("男");
        type("idNumber", "110105198203150017");
        type("phone", "13700002222");
        type("position", "安全员");
        type("relation", "安全管理人员");
        List<WebElement> answers = browser.findElements(By.name("answer"));
        answers.get(0).sendKeys("我是公司安全员，负责培训档案。");
        browser.findElements(By.name("question")).get(1).sendKeys("今年的安全培训是否有记录？");
        answers.get(1).sendKeys("只有签到表，没有考核记录。");
        WebElement add = browser.findElement(By.id("add-qa"));
        tap(add);
        browser.findElements(By.name("question")).get(2).sendKeys("以上所说是否属实？");
        browser.findElements(By.name("answer")).get(2).sendKeys("属实。");
        assertThat(fitsWidth()).as("the inquiry form fits 390 px").isTrue();

        for (String area : List.of("officer1", "officer2", "recorder", "interviewee")) {
            draw(browser.findElement(By.id("pad-" + area)));
        }
        screenshot("casework-inquiry-signed-phone");
        WebElement submit = browser.findElement(By.id("submit-record"));
        tap(submit);

        // issuing renders the PDF and DOCX: allow for a loaded machine, and show the refusal if the form came back
        waitUntil(java.time.Duration.ofSeconds(60),
                ExpectedConditions.or(
                        ExpectedConditions.presenceOfElementLocated(By.id("case-records")),
                        ExpectedConditions.presenceOfElementLocated(By.id("refusal"))));
        screenshot("casework-inquiry-submitted-phone");
        assertThat(findAllNow(By.id("refusal"))).as(() -> findAllNow(By.id("refusal")).stream()
                .map(WebElement::getText).findFirst().orElse("")).isEmpty();
        WebElement records = waitFor(By.id("case-records"));
        assertThat(records.getText()).contains("询问笔录").contains("陈晓东").contains("问答 3 组");
        assertThat(records.findElement(By.className("record-document")).getText()).contains("《询问笔录》");
        assertThat(fitsWidth()).isTrue();
        WebElement listed = browser.findElement(By.cssSelector("#case-documents .case-document[data-kind='INQUIRY_RECORD'] a"));
        assertThat(listed.getText()).isEqualTo("《询问笔录》");
        assertThat(listed.getSize().getHeight()).as("the title reads on one line at 390 px").isLessThan(30);
        js("document.getElementById('case-documents').scrollIntoView({block: 'start', behavior: 'instant'});");
        screenshot("casework-inquiry-recorded-phone");

        String caseNumber = jdbc.sql("SELECT case_number FROM penalty_case WHERE id = :id").param("id", id).query(String.class).single();
        IssuedDocument issued = documents.forSource(new SourceRef("case", caseNumber)).stream()
                .filter(d -> d.kind().equals("INQUIRY_RECORD")).findFirst().orElseThrow();
        assertThat(OnsiteRecordsTests.pdfText(documents, issued.id())).contains("陈晓东").contains("今年的安全培训是否有记录？")
                .contains("只有签到表，没有考核记录。");
        Path dir = Files.createDirectories(Path.of("target", "onsite"));
        Path pdf = dir.resolve("inquiry-record.pdf");
        Files.write(pdf, documents.pdf(issued.id()).orElseThrow());
        Process render = new ProcessBuilder("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf.toString(),
                dir.resolve("inquiry-record-page1").toString()).redirectErrorStream(true).start();
        if (render.waitFor(60, TimeUnit.SECONDS)) {
            assertThat(dir.resolve("inquiry-record-page1.png")).exists();
        }
    }

    private void type(String name, String text) {
        WebElement input = browser.findElement(By.name(name));
        input.clear();
        input.sendKeys(text);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void draw(WebElement pad) {
        drawOn(pad);
    }
}
