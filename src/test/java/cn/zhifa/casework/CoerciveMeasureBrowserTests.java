package cn.zhifa.casework;

import static cn.zhifa.casework.CaseApiSupport.firm;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.BrowserTestSupport;
import cn.zhifa.TestClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The 查封/扣押 section of the case page on a phone: the measure, its list and term, and releasing it by the form. */
class CoerciveMeasureBrowserTests extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_leader_sees_the_seizure_with_its_list_and_term_at_390_px_and_releases_it() throws Exception {
        CaseApiSupport api = new CaseApiSupport(mvc, clock);
        long org = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        long id = api.open("officer1", firm(org, "扣押页面测试有限公司", "违规储存危险化学品"));
        api.act("leader1", id, "file", Map.of("secondHandler", "officer2"));
        api.act("leader1", id, "measure-apply", Map.of("kind", "SEIZE", "reason", "存在重大事故隐患的设备",
                "legalBasis", "安全生产法第六十五条第一款第四项", "objects",
                List.of(Map.of("name", "液化石油气钢瓶", "spec", "50kg", "quantity", "12瓶", "location", "区应急局暂存库"))));

        resize(PHONE);
        loginAs("leader1");
        open("/cases/" + id);
        WebElement section = waitFor(By.id("measures"));
        assertThat(section.getText()).contains("扣押（第1号）").contains("液化石油气钢瓶").contains("期限至");
        assertThat(fitsWidth()).as("measures fit 390 px").isTrue();
        screenshot("casework-measure-phone");

        WebElement form = section.findElement(By.cssSelector("form[action$='/measure-release']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].closest('details').open = true; arguments[0].scrollIntoView({block: 'center'});", form);
        form.findElement(By.name("reason")).sendKeys("隐患已消除");
        form.submit();
        assertThat(waitFor(By.cssSelector("#measures [data-measure='1']")).getText()).contains("解除：").contains("隐患已消除");
        screenshot("casework-measure-released-phone");
    }
}
