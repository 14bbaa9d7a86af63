package cn.zhifa.law.web;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The toolbox page is public, works without JavaScript, and answers htmx with just the result. */
@ZhifaIntegrationTest
@Tag("external-db")
class ToolboxPageTests {

    @Autowired
    MockMvc mvc;

    private String page(String uri) throws Exception {
        return mvc.perform(get(uri)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void the_page_opens_without_login_with_its_five_calculators() throws Exception {
        String html = page("/toolbox");

        assertThat(html).contains("法律工具箱", "期限计算", "生产安全事故等级", "事故罚款幅度", "统一社会信用代码校验", "公民身份号码校验");
        assertThat(html).contains("听证申请期限（5个工作日）");
    }

    @Test
    void the_page_lists_every_statutory_period_and_whether_it_rolls_over_rest_days_in_chinese() throws Exception {
        String html = page("/toolbox");

        assertThat(html).contains("id=\"period-table\"", "法定期限一览", "查封、扣押期限", "不顺延", "缴纳罚款期限", "顺延");
        assertThat(html).doesNotContain("新文本待核");
        String table = html.substring(html.indexOf("id=\"period-table\""));
        assertThat(table).doesNotContain(">SEIZURE<", ">PAYMENT<");
    }

    @Test
    void a_deadline_is_explained_with_its_legal_basis() throws Exception {
        String html = page("/toolbox/deadline?mode=HEARING_REQUEST&from=2026-02-12");

        assertThat(html).contains("2026年2月26日 星期四", "第六十四条", "国务院办公厅关于2026年部分节假日安排的通知");
    }

    @Test
    void htmx_gets_only_the_result_fragment_and_bad_input_is_explained() throws Exception {
        String fragment = mvc.perform(get("/toolbox/deadline?mode=WORKING_DAYS&from=2026-02-12&days=-3").header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(fragment).contains("id=\"deadline-result\"", "不能为负数").doesNotContain("<html");
    }

    @Test
    void grade_fine_and_codes_are_explained_in_chinese() throws Exception {
        assertThat(page("/toolbox/accident-grade?deaths=3&seriousInjuries=0&directLossYuan=0"))
                .contains("较大事故", "第三条");
        assertThat(page("/toolbox/accident-fine?grade=MAJOR&party=UNIT&aggravated=true"))
                .contains("4,000,000 元 至 50,000,000 元", "第一百一十四条第二款");
        assertThat(page("/toolbox/accident-fine?grade=GENERAL&party=PRINCIPAL&annualIncomeYuan=100000&conduct=fled"))
                .contains("60,000 元 至 100,000 元", "第一百一十条");
        assertThat(page("/toolbox/uscc?code=91350100M000100Y44")).contains("代码无效", "校验码错误");
        assertThat(page("/toolbox/id-number?number=11010519491231002X")).contains("号码有效", "1949年12月31日");
    }

    @Test
    void logged_in_officers_find_it_in_the_menu_and_the_login_page_links_to_it() throws Exception {
        MockHttpSession officer = (MockHttpSession) mvc.perform(formLogin().user("officer1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        String home = mvc.perform(get("/").session(officer)).andReturn().getResponse().getContentAsString();

        assertThat(home).contains("href=\"/toolbox\"");
        assertThat(page("/login")).contains("href=\"/toolbox\"");
    }
}
