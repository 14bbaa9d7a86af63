package cn.zhifa.law.web;

import cn.zhifa.ZhifaIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public toolbox API contract of issue 3, called without login. */
@ZhifaIntegrationTest
@Tag("external-db")
class ToolboxApiTests {

    @Autowired
    MockMvc mvc;

    private ResultActions call(String uri) throws Exception {
        return mvc.perform(get(uri).accept(MediaType.APPLICATION_JSON));
    }

    private Map<String, Object> json(String uri) throws Exception {
        String body = call(uri).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$");
    }

    /** 400, an RFC 9457 problem, with a Chinese detail that mentions {@code expected}. */
    private void badRequest(String uri, String expected) throws Exception {
        String body = call(uri).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("请求有误"))
                .andReturn().getResponse().getContentAsString();
        String detail = JsonPath.read(body, "$.detail");
        assertThat(detail).as(uri).matches(".*[\\u4e00-\\u9fa5].*").contains(expected);
    }

    @Nested
    class WorkingDays {

        @ParameterizedTest(name = "{0} + {1} working days = {2}")
        @CsvSource({
                "2026-02-12,3,2026-02-24",   // Spring Festival 2/15–2/23 off, Saturday 2/14 a workday
                "2026-02-13,1,2026-02-14",
                "2026-02-24,4,2026-02-28",   // make-up Saturday 2/28
                "2026-04-29,3,2026-05-07",   // May Day 5/1–5/5 off
                "2026-05-07,2,2026-05-09",   // make-up Saturday 5/9
                "2026-09-29,5,2026-10-12",   // National Day 10/1–10/7 off, Saturday 10/10 a workday
                "2026-09-18,1,2026-09-20",   // make-up Sunday 9/20
                "2025-09-26,1,2025-09-28",   // 2025 notice: Sunday 9/28 a workday
                "2026-03-04,0,2026-03-04"})
        void due_is_the_nth_working_day_after_from(String from, int days, String due) throws Exception {
            Map<String, Object> body = json("/api/v1/toolbox/working-days?from=" + from + "&days=" + days);

            assertThat(body).containsOnlyKeys("from", "days", "due", "provisional")
                    .containsEntry("from", from).containsEntry("days", days).containsEntry("due", due)
                    .containsEntry("provisional", false);
        }

        @Test
        void a_span_into_2027_without_its_notice_is_provisional() throws Exception {
            assertThat(json("/api/v1/toolbox/working-days?from=2026-12-30&days=3"))
                    .containsEntry("due", "2027-01-05").containsEntry("provisional", true);
        }
    }

    @Nested
    class CalendarDays {

        @ParameterizedTest(name = "{0} + {1} days = {2}")
        @CsvSource({
                "2026-02-05,15,2026-02-24",  // 2/20 inside the Spring Festival → first working day after it
                "2026-02-13,1,2026-02-14",   // the make-up Saturday is a working day: not moved
                "2026-04-16,15,2026-05-06",  // 5/1 → 5/6
                "2026-09-16,15,2026-10-08",  // 10/1 → 10/8
                "2026-03-02,15,2026-03-17",  // an ordinary Tuesday
                "2026-03-06,15,2026-03-23"}) // Saturday 3/21 → Monday 3/23
        void due_is_from_plus_n_moved_off_rest_days(String from, int days, String due) throws Exception {
            Map<String, Object> body = json("/api/v1/toolbox/calendar-days?from=" + from + "&days=" + days);

            assertThat(body).containsOnlyKeys("from", "days", "due", "provisional")
                    .containsEntry("due", due).containsEntry("provisional", false);
        }

        @Test
        void a_span_into_2027_is_provisional() throws Exception {
            assertThat(json("/api/v1/toolbox/calendar-days?from=2026-12-20&days=15"))
                    .containsEntry("due", "2027-01-04").containsEntry("provisional", true);
        }
    }

    @Nested
    class DayCountBadInput {

        @ParameterizedTest
        @ValueSource(strings = {"working-days", "calendar-days"})
        void missing_malformed_or_negative_parameters_are_refused(String path) throws Exception {
            String base = "/api/v1/toolbox/" + path;
            badRequest(base + "?days=3", "from");
            badRequest(base + "?from=2026-02-12", "days");
            badRequest(base, "缺少参数");
            badRequest(base + "?from=2026-02-30&days=3", "YYYY-MM-DD");
            badRequest(base + "?from=20260212&days=3", "YYYY-MM-DD");
            badRequest(base + "?from=tomorrow&days=3", "YYYY-MM-DD");
            badRequest(base + "?from=2026-02-12&days=-1", "不能为负数");
            badRequest(base + "?from=2026-02-12&days=3.5", "非负整数");
            badRequest(base + "?from=2026-02-12&days=abc", "非负整数");
            badRequest(base + "?from=2026-02-12&days=99999", "不能大于");
            badRequest(base + "?from=1800-01-01&days=3", "年份");
        }
    }

    @Nested
    class AccidentGradeApi {

        @ParameterizedTest(name = "deaths={0} injuries={1} loss={2} → {3}")
        @CsvSource({
                "2,9,9999999.99,GENERAL,一般事故",
                "3,0,0,LARGER,较大事故",
                "9,49,49999999,LARGER,较大事故",
                "10,0,0,MAJOR,重大事故",
                "29,0,0,MAJOR,重大事故",
                "30,0,0,EXTRAORDINARY,特别重大事故",
                "0,10,0,LARGER,较大事故",
                "0,50,0,MAJOR,重大事故",
                "0,100,0,EXTRAORDINARY,特别重大事故",
                "0,0,10000000,LARGER,较大事故",
                "0,0,50000000,MAJOR,重大事故",
                "0,0,100000000,EXTRAORDINARY,特别重大事故",
                "1,60,12000000,MAJOR,重大事故"})
        void grades_by_the_worst_criterion(String deaths, String injuries, String loss, String grade, String label)
                throws Exception {
            Map<String, Object> body = json("/api/v1/toolbox/accident-grade?deaths=" + deaths + "&seriousInjuries="
                    + injuries + "&directLossYuan=" + loss);

            assertThat(body).containsOnlyKeys("grade", "label").containsEntry("grade", grade).containsEntry("label", label);
        }

        @Test
        void missing_negative_or_malformed_numbers_are_refused() throws Exception {
            String base = "/api/v1/toolbox/accident-grade";
            badRequest(base + "?seriousInjuries=0&directLossYuan=0", "deaths");
            badRequest(base + "?deaths=0&directLossYuan=0", "seriousInjuries");
            badRequest(base + "?deaths=0&seriousInjuries=0", "directLossYuan");
            badRequest(base + "?deaths=-1&seriousInjuries=0&directLossYuan=0", "不能为负数");
            badRequest(base + "?deaths=0&seriousInjuries=-5&directLossYuan=0", "不能为负数");
            badRequest(base + "?deaths=0&seriousInjuries=0&directLossYuan=-0.01", "不能为负数");
            badRequest(base + "?deaths=two&seriousInjuries=0&directLossYuan=0", "非负整数");
            badRequest(base + "?deaths=0&seriousInjuries=0&directLossYuan=1千万", "元");
        }
    }

    @Nested
    class AccidentFineApi {

        @ParameterizedTest(name = "{0} aggravated={1}")
        @CsvSource({
                "GENERAL,false,300000,1000000", "LARGER,false,1000000,2000000", "MAJOR,false,2000000,10000000",
                "EXTRAORDINARY,false,10000000,20000000",
                "GENERAL,true,600000,5000000", "EXTRAORDINARY,true,20000000,100000000"})
        void the_unit_range_follows_article_114(String grade, boolean aggravated, long min, long max) throws Exception {
            String uri = "/api/v1/toolbox/accident-fine?grade=" + grade + "&party=UNIT" + (aggravated ? "&aggravated=true" : "");
            String raw = call(uri).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            Map<String, Object> body = JsonPath.read(raw, "$");

            assertThat(body).containsOnlyKeys("minYuan", "maxYuan", "basis");
            assertThat(((Number) body.get("minYuan")).longValue()).isEqualTo(min);
            assertThat(((Number) body.get("maxYuan")).longValue()).isEqualTo(max);
            assertThat(raw).contains("\"minYuan\":" + min + ",").contains("\"maxYuan\":" + max + ",");
            assertThat((String) body.get("basis")).startsWith("《中华人民共和国安全生产法》第一百一十四条")
                    .contains(aggravated ? "第二款" : "第一款");
        }

        @Test
        void the_principal_pays_the_grades_percentage_of_last_years_income() throws Exception {
            Map<String, Object> body = json("/api/v1/toolbox/accident-fine?grade=LARGER&party=PRINCIPAL&annualIncomeYuan=200000");

            assertThat(body).containsEntry("minYuan", 120000).containsEntry("maxYuan", 120000);
            assertThat((String) body.get("basis")).startsWith("《中华人民共和国安全生产法》第九十五条");
        }

        @ParameterizedTest
        @ValueSource(strings = {"fled=true", "concealed=true"})
        void a_principal_who_fled_or_concealed_pays_60_to_100_percent(String flag) throws Exception {
            Map<String, Object> body = json("/api/v1/toolbox/accident-fine?grade=GENERAL&party=PRINCIPAL&annualIncomeYuan=200000&" + flag);

            assertThat(body).containsEntry("minYuan", 120000).containsEntry("maxYuan", 200000);
            assertThat((String) body.get("basis")).startsWith("《中华人民共和国安全生产法》第一百一十条");
        }

        @Test
        void amounts_are_whole_yuan() throws Exception {
            Map<String, Object> body = json("/api/v1/toolbox/accident-fine?grade=GENERAL&party=PRINCIPAL&annualIncomeYuan=33333.33");

            assertThat(body.get("minYuan")).isInstanceOf(Integer.class).isEqualTo(13333);
        }

        @Test
        void unknown_grade_or_party_and_missing_parameters_are_refused() throws Exception {
            String base = "/api/v1/toolbox/accident-fine";
            badRequest(base + "?grade=SEVERE&party=UNIT", "未知的事故等级");
            badRequest(base + "?grade=general&party=UNIT", "未知的事故等级");
            badRequest(base + "?party=UNIT", "grade");
            badRequest(base + "?grade=GENERAL", "party");
            badRequest(base + "?grade=GENERAL&party=COMPANY", "未知的处罚对象");
            badRequest(base + "?grade=GENERAL&party=PRINCIPAL", "annualIncomeYuan");
            badRequest(base + "?grade=GENERAL&party=PRINCIPAL&annualIncomeYuan=-1", "不能为负数");
            badRequest(base + "?grade=GENERAL&party=PRINCIPAL&annualIncomeYuan=abc", "元");
            badRequest(base + "?grade=GENERAL&party=UNIT&aggravated=yes", "true 或 false");
            badRequest(base + "?grade=GENERAL&party=PRINCIPAL&annualIncomeYuan=1&fled=1", "true 或 false");
        }
    }

    @Nested
    class Codes {

        @ParameterizedTest
        @ValueSource(strings = {"91350100M000100Y43", "91110000802100433B"})
        void published_credit_codes_are_valid(String code) throws Exception {
            Map<String, Object> body = json("/api/v1/toolbox/uscc/" + code);

            assertThat(body).containsOnlyKeys("code", "valid", "reason").containsEntry("code", code)
                    .containsEntry("valid", true);
        }

        @Test
        void a_changed_character_makes_the_credit_code_invalid_with_a_chinese_reason() throws Exception {
            Map<String, Object> body = json("/api/v1/toolbox/uscc/91350100M000100Y44");

            assertThat(body).containsEntry("valid", false);
            assertThat((String) body.get("reason")).contains("校验码错误");
            assertThat(json("/api/v1/toolbox/uscc/91350100M0001O0Y43")).containsEntry("valid", false);
            assertThat((String) json("/api/v1/toolbox/uscc/123").get("reason")).contains("18位");
        }

        @Test
        void the_id_number_example_is_valid_and_a_false_birth_date_is_not() throws Exception {
            assertThat(json("/api/v1/toolbox/id-number/11010519491231002X"))
                    .containsOnlyKeys("code", "valid", "reason").containsEntry("valid", true);

            Map<String, Object> febThirty = json("/api/v1/toolbox/id-number/110105194902300021");
            assertThat(febThirty).containsEntry("valid", false);
            assertThat((String) febThirty.get("reason")).contains("出生日期");

            Map<String, Object> wrongCheck = json("/api/v1/toolbox/id-number/110105194912310021");
            assertThat(wrongCheck).containsEntry("valid", false);
            assertThat((String) wrongCheck.get("reason")).contains("校验码");
        }

        @Test
        void a_missing_code_is_refused() throws Exception {
            badRequest("/api/v1/toolbox/uscc/", "缺少参数");
            badRequest("/api/v1/toolbox/uscc", "统一社会信用代码");
            badRequest("/api/v1/toolbox/id-number/", "身份证号码");
        }
    }

    @Nested
    class Periods {

        @Test
        void the_period_list_names_every_period_code_with_its_basis_and_whether_it_rolls_over_rest_days() throws Exception {
            Map<String, Object> list = json("/api/v1/toolbox/periods");
            java.util.List<String> codes = JsonPath.read(list, "$.items[*].code");
            assertThat(codes).containsExactlyElementsOf(java.util.Arrays.stream(cn.zhifa.law.PeriodCode.values()).map(Enum::name).toList());
            assertThat((Integer) JsonPath.read(list, "$.total")).isEqualTo(codes.size());
            assertThat((Integer) JsonPath.read(list, "$.page")).isZero();
            assertThat((java.util.List<Boolean>) JsonPath.read(list, "$.items[?(@.code == 'SEIZURE')].rollsOverRestDays")).containsExactly(false);
            assertThat((java.util.List<Boolean>) JsonPath.read(list, "$.items[?(@.code == 'PAYMENT')].rollsOverRestDays")).containsExactly(true);
            assertThat((java.util.List<String>) JsonPath.read(list, "$.items[?(@.code == 'SEIZURE')].basis")).singleElement()
                    .asString().contains("行政强制法").contains("第二十五条");
        }

        @Test
        void every_period_code_computes_its_due_date_from_a_day() throws Exception {
            for (cn.zhifa.law.PeriodCode code : cn.zhifa.law.PeriodCode.values()) {
                Map<String, Object> due = json("/api/v1/toolbox/periods/" + code.name() + "?from=2026-03-02");
                assertThat(due).as(code.name()).containsKeys("code", "name", "basis", "from", "due", "rollsOverRestDays", "provisional");
                assertThat(due.get("code")).isEqualTo(code.name());
                assertThat(due.get("from")).isEqualTo("2026-03-02");
            }
        }

        @Test
        void a_seizure_of_1_september_2025_is_due_on_1_october_not_moved_past_the_holiday() throws Exception {
            Map<String, Object> due = json("/api/v1/toolbox/periods/SEIZURE?from=2025-09-01");
            assertThat(due).containsEntry("due", "2025-10-01").containsEntry("rollsOverRestDays", false)
                    .containsEntry("provisional", false);
            assertThat((String) due.get("basis")).contains("不因节假日顺延");
            assertThat(json("/api/v1/toolbox/periods/PAYMENT?from=2025-09-16")).containsEntry("due", "2025-10-09");
        }

        @Test
        void an_unknown_code_or_a_bad_day_is_a_problem_in_chinese() throws Exception {
            badRequest("/api/v1/toolbox/periods/NOPE?from=2026-03-02", "未知的法定期限");
            badRequest("/api/v1/toolbox/periods/PAYMENT?from=2026-13-40", "日期");
        }
    }
}
