package cn.zhifa.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.BrowserTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** At 390 px the lists are cards whose 查看 is on screen, and an officer's day starts with 今日检查. */
class PhoneListsBrowserTests extends BrowserTestSupport {

    /** The first row's 查看 lies inside the window's width, and its row is shown as a card (header hidden). */
    private void firstViewActionIsOnScreen(String path, String table) throws Exception {
        open(path);
        WebElement list = waitFor(By.id(table));
        List<WebElement> actions = list.findElements(By.cssSelector("tbody .view-action"));
        assertThat(actions).as(path + " lists rows with 查看").isNotEmpty();
        WebElement view = actions.get(0);
        assertThat(view.getText()).isEqualTo("查看");
        Object right = ((JavascriptExecutor) browser).executeScript(
                "return arguments[0].getBoundingClientRect().right <= window.innerWidth;", view);
        assertThat(right).as(path + ": 查看 inside the 390 px viewport").isEqualTo(true);
        assertThat(list.findElement(By.tagName("thead")).isDisplayed()).as(path + ": rows are cards, no header").isFalse();
        assertThat(fitsWidth()).as(path + ": no horizontal scrolling").isTrue();
        screenshot("phone-list" + path.replace('/', '-'));
    }

    @Test
    void the_documents_cases_tasks_and_deadline_lists_are_cards_with_their_view_action_on_screen() throws Exception {
        resize(PHONE);
        loginAs("leader1");
        firstViewActionIsOnScreen("/documents", "document-table");
        firstViewActionIsOnScreen("/cases", "case-table");
        firstViewActionIsOnScreen("/inspection/tasks", "task-table");
        firstViewActionIsOnScreen("/cases/deadlines", "deadline-table");
    }

    @Test
    void an_officers_home_starts_with_todays_inspections() throws Exception {
        resize(PHONE);
        loginAs("officer1");
        WebElement today = waitFor(By.id("today-inspections"));
        assertThat(today.findElement(By.tagName("h2")).getText()).isEqualTo("今日检查");
        Object firstSection = ((JavascriptExecutor) browser).executeScript(
                "var h = document.querySelector('#content h1'); var next = h.nextElementSibling; return next && next.id;");
        assertThat(firstSection).isEqualTo("today-inspections");
        Object top = ((JavascriptExecutor) browser).executeScript(
                "return arguments[0].getBoundingClientRect().top < window.innerHeight / 2;", today);
        assertThat(top).as("今日检查 in the upper half of the first screen").isEqualTo(true);
        screenshot("officer-home-phone");
    }
}
