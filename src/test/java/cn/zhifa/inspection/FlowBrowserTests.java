package cn.zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.BrowserTestSupport;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What officers and leaders see of decided work: at 390 px an officer's unplanned task for a firm at its annual cap is
 * refused until the form's legal exception is recorded; the leader sees the October draw's tasks as 逾期补做 and pages the
 * hazard register on the phone and on the desktop; the city's supervisor filters it by unit.
 */
@Tag("browser")
class FlowBrowserTests extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void an_officer_records_the_legal_exception_for_a_firm_at_its_cap_on_the_phone() throws Exception {
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 43);
        int year = LocalDate.now(clock).getYear();
        for (int i = 0; i < 4; i++) {   // the firm already has the most on-site inspections any grade allows
            jdbc.sql("""
                            INSERT INTO planning_extra_inspection (enterprise_id, organization_id, year, planned_date, created_by, created_at)
                            SELECT id, organization_id, :year, :day, '测试', now() FROM enterprise WHERE id = :id""")
                    .param("year", year).param("day", LocalDate.now(clock)).param("id", firm.id()).update();
        }
        resize(PHONE);
        loginAs("officer1");
        open("/inspection/tasks/new");
        assertThat(fitsWidth()).as("新建检查任务 fits 390 px").isTrue();
        waitFor(By.id("enterprise-search")).sendKeys(firm.name());
        submitAndWait(By.cssSelector("#content form[method=get] button"));
        fillTask(firm);
        submitAndWait(By.id("save"));
        screenshot("flow-1-cap-reached-phone");
        assertThat(browser.findElement(By.tagName("body")).getText()).as(browser.getCurrentUrl()).contains("年度上限");
        assertThat(waitFor(By.id("refusal")).getText()).contains("年度上限");
        assertThat(browser.findElement(By.id("cap-exception")).getText()).contains("已达频次上限");
        assertThat(fitsWidth()).isTrue();

        fillTask(firm);
        new Select(browser.findElement(By.id("capException"))).selectByVisibleText("投诉举报核查");
        browser.findElement(By.id("capExceptionNote")).sendKeys("举报件" + year + "-502：夜间违规动火");
        submitAndWait(By.id("save"));
        assertThat(waitFor(By.id("task-table")).getText()).contains(firm.name()).contains("频次例外：投诉举报核查");
        screenshot("flow-2-task-with-exception-phone");
    }

    @Test
    void the_leader_sees_late_draw_tasks_and_pages_the_hazard_register_by_unit() throws Exception {
        resize(PHONE);
        loginAs("leader1");
        if (YearMonth.now(clock).isAfter(YearMonth.of(2026, 10))) {
            open("/inspection/tasks");
            assertThat(waitFor(By.id("task-table")).getText()).contains("逾期补做（原定2026年10月）");
            assertThat(fitsWidth()).isTrue();
            screenshot("flow-3-late-draw-tasks-phone");
        }
        open("/hazards?filter=all&size=5");
        assertThat(waitFor(By.cssSelector(".hazard-card .unit")).getText()).isNotBlank();
        assertThat(fitsWidth()).isTrue();
        screenshot("flow-4-hazards-phone");

        resize(DESKTOP);
        open("/hazards?filter=all&size=5");
        WebElement table = waitFor(By.id("hazard-table"));
        assertThat(table.findElement(By.tagName("thead")).getText()).contains("单位");
        String firstPage = table.findElement(By.tagName("tbody")).getText();
        submitAndWait(By.id("next-page"));
        assertThat(waitFor(By.id("hazard-table")).findElement(By.tagName("tbody")).getText()).isNotEqualTo(firstPage);
        assertThat(browser.getCurrentUrl()).contains("page=1");
        loginAs("supervisor1");   // the city's oversight: every unit of the city to filter by
        open("/hazards?filter=all");
        Select units = new Select(browser.findElement(By.id("unit")));
        units.selectByIndex(1);
        String unit = units.getFirstSelectedOption().getText().strip();
        submitAndWait(By.id("apply-query"));
        assertThat(browser.getCurrentUrl()).contains("unit=");
        assertThat(new Select(browser.findElement(By.id("unit"))).getFirstSelectedOption().getText().strip()).isEqualTo(unit);
        screenshot("flow-5-hazards-by-unit-desktop");
    }

    private void fillTask(InspectionFixtures.Enterprise firm) {
        click(By.id("enterprise-" + firm.id()));
        new Select(browser.findElement(By.id("source"))).selectByVisibleText("临时检查");
        for (String officer : new String[]{"officer1", "officer2"}) {
            WebElement box = browser.findElement(By.id("team-" + officer));
            if (!box.isSelected()) {
                click(By.id("team-" + officer));
            }
        }
    }

    private void click(By locator) {
        tap(locator);
    }

    private void submitAndWait(By button) {
        WebElement page = browser.findElement(By.tagName("html"));
        click(button);
        waitAtMost(Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
        waitFor(By.tagName("h1"));
    }
}
