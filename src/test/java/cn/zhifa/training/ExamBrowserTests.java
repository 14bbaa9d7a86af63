package cn.zhifa.training;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.BrowserTestSupport;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An officer takes the open periodic exam on a phone (390 px): start, answer every question, hand in, see the score. */
class ExamBrowserTests extends BrowserTestSupport {

    @Autowired JdbcClient jdbc;

    @AfterEach
    void removeAttempt() {
        jdbc.sql("DELETE FROM exam_attempt WHERE NOT demo AND user_id = (SELECT id FROM app_user WHERE username = 'officer2')").update();
    }

    @Test
    void an_officer_takes_an_exam_on_the_phone_and_sees_the_score() throws Exception {
        resize(PHONE);
        loginAs("officer2");
        open("/training/exams");
        assertThat(fitsWidth()).as("exam list fits 390 px").isTrue();
        WebElement paper = browser.findElements(By.cssSelector("article.paper")).stream()
                .filter(a -> a.getText().contains("第四季度执法人员法律知识测试")).findFirst().orElseThrow();
        tap(paper.findElement(By.cssSelector("button.start-exam")));
        waitFor(By.id("submit-exam"));
        assertThat(browser.findElement(By.id("attempt-status")).getText()).contains("前交卷");
        assertThat(fitsWidth()).as("exam paper fits 390 px").isTrue();

        List<WebElement> questions = browser.findElements(By.cssSelector(".exam-question"));
        assertThat(questions).hasSize(10);
        for (WebElement question : questions) {
            String name = question.findElement(By.cssSelector("input")).getAttribute("name");
            String answer = jdbc.sql("SELECT answer FROM training_question WHERE id = ?").param(Long.parseLong(name.substring(1)))
                    .query(String.class).single();
            for (char letter : answer.toCharArray()) {
                tap(question.findElement(By.cssSelector("label[for='" + name + letter + "']")));
            }
        }
        tap(browser.findElement(By.id("submit-exam")));
        assertThat(waitFor(By.id("attempt-score")).getText()).isEqualTo("100.0");
        assertThat(browser.findElement(By.id("attempt-status")).getText()).contains("合格");
        assertThat(browser.getPageSource()).contains("已交卷，得分 100.0 分");
        screenshot("training-exam-phone");
    }

    /** Scrolls the element to the middle of the phone's screen (clear of the bottom bar) and taps it. */
    private void tap(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }
}
