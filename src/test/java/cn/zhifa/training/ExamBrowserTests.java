package cn.zhifa.training;

import static org.assertj.core.api.Assertions.assertThat;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.BrowserTestSupport;
import cn.zhifa.Tokens;
import cn.zhifa.inspection.InspectionFixtures;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * On a phone (390 px): an officer takes the open periodic exam (start, answer every question, hand in, see the score);
 * during an inspection an officer runs 逢查必考 for the firm's principal (draw, record the answers, the score below the
 * pass mark on the record) and turns the finding into a hazard with one tap.
 */
class ExamBrowserTests extends BrowserTestSupport {

    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

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

    @Test
    void an_officer_runs_the_spot_quiz_during_an_inspection_on_the_phone_and_turns_the_low_score_into_a_hazard() throws Exception {
        long officerA = jdbc.sql("SELECT id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        long officerB = jdbc.sql("SELECT id FROM app_user WHERE username = 'officer2'").query(Long.class).single();
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 56);
        String created = mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", Tokens.bearer(mvc, "officer1"))
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.taskJson(officerA, officerB, firm.id())))
                .andReturn().getResponse().getContentAsString();
        long task = ((Number) JsonPath.read(created, "$.id")).longValue();

        resize(PHONE);
        loginAs("officer2");
        open("/inspection");
        tap(waitFor(By.cssSelector("#task-" + task + " .start-inspection")));
        tap(waitFor(By.id("start-spot-quiz")));
        tap(waitFor(By.cssSelector("label[for='post-1']")));
        browser.findElement(By.id("personName")).sendKeys("赵安全");
        assertThat(fitsWidth()).as("the spot-quiz form fits 390 px").isTrue();
        tap(browser.findElement(By.id("draw-spot-quiz")));
        waitFor(By.id("submit-spot-quiz"));
        List<WebElement> questions = browser.findElements(By.cssSelector(".spot-question"));
        assertThat(questions).hasSize(5);
        for (WebElement question : questions) {
            String name = question.findElement(By.cssSelector("input")).getAttribute("name");
            String answer = jdbc.sql("SELECT answer FROM training_question WHERE id = ?").param(Long.parseLong(name.substring(1)))
                    .query(String.class).single();
            WebElement wrong = question.findElements(By.cssSelector("input")).stream()
                    .filter(i -> !answer.contains(i.getAttribute("value"))).findFirst().orElseThrow();
            tap(question.findElement(By.cssSelector("label[for='" + wrong.getAttribute("id") + "']")));
        }
        assertThat(fitsWidth()).as("the questions fit 390 px").isTrue();
        tap(browser.findElement(By.id("submit-spot-quiz")));
        assertThat(waitFor(By.id("spot-quiz-result")).getText()).contains("逢查必考：赵安全（安全管理人员）答题5道，得分0分（不及格）");
        assertThat(browser.findElement(By.id("spot-quiz-finding")).getText()).contains("安全生产教育和培训不到位");
        screenshot("training-spot-quiz-phone");

        tap(browser.findElement(By.id("back-to-record")));
        assertThat(waitFor(By.id("spot-quiz")).getText()).contains("得分0分（不及格）");
        assertThat(browser.findElement(By.id("spot-quiz-warning")).getText()).contains("第二十八条");
        assertThat(fitsWidth()).as("the record with its spot quiz fits 390 px").isTrue();
        tap(browser.findElement(By.id("spot-quiz-to-hazard")));
        assertThat(waitFor(By.id("row-0-description")).getAttribute("value")).startsWith("安全生产教育和培训不到位：逢查必考中赵安全");
        assertThat(browser.findElement(By.id("row-0-basis")).getAttribute("value")).contains("第二十八条");
        assertThat(browser.findElement(By.id("registration-enterprise")).getText()).isEqualTo(firm.name());
        assertThat(fitsWidth()).as("the prefilled hazard form fits 390 px").isTrue();
    }
}
