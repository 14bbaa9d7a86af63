package cn.zhifa.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.shared.RuleViolation;
import jakarta.validation.Validation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/** A case command is the same typed record whether the page form or the JSON API sends it, and bad input is refused in Chinese. */
class CaseCommandBindingTest {

    final JsonMapper json = JsonMapper.builder().build();
    final CaseCommands commands = new CaseCommands(null, new DefaultFormattingConversionService(),
            Validation.buildDefaultValidatorFactory().getValidator(), json);

    static MockHttpServletRequest form(String... pairs) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cases/1/x");
        for (int i = 0; i < pairs.length; i += 2) {
            request.addParameter(pairs[i], pairs[i + 1]);
        }
        return request;
    }

    @Test
    void a_seizure_list_typed_one_line_an_object_on_the_page_is_the_json_array_of_the_api() {
        CaseCommand fromPage = commands.fromForm("measure-apply", form("version", "3", "kind", "SEIZE",
                "objects", "液化石油气钢瓶|50kg|12瓶|区应急局暂存库\n配电柜||1台|", "reason", "重大事故隐患", "legalBasis", "安全生产法第六十五条"));
        CaseCommand fromApi = commands.fromJson("measure-apply", json.readTree("""
                {"version": 3, "kind": "SEIZE", "reason": "重大事故隐患", "legalBasis": "安全生产法第六十五条",
                 "objects": [{"name": "液化石油气钢瓶", "spec": "50kg", "quantity": "12瓶", "location": "区应急局暂存库"},
                             {"name": "配电柜", "spec": "", "quantity": "1台", "location": ""}]}"""));
        assertThat(fromPage).isInstanceOf(CaseCommand.MeasureApply.class).isEqualTo(fromApi);
        assertThat(((CaseCommand.MeasureApply) fromApi).objects()).hasSize(2);
    }

    @Test
    void an_instalment_plan_typed_as_date_and_amount_lines_is_the_json_array_of_parts() {
        CaseCommand fromPage = commands.fromForm("instalments", form("plan", "2026-03-31:12000\n2026-04-30:8000", "reason", "经营困难"));
        CaseCommand fromApi = commands.fromJson("instalments", json.readTree("""
                {"plan": [{"dueOn": "2026-03-31", "amountYuan": 12000}, {"dueOn": "2026-04-30", "amountYuan": 8000}], "reason": "经营困难"}"""));
        assertThat(fromPage).isEqualTo(fromApi);
        assertThat(((CaseCommand.Instalments) fromPage).plan().get(0).dueOn()).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void a_checked_box_on_the_page_and_true_in_json_are_the_same_flag() {
        CaseCommand fromPage = commands.fromForm("record-act", form("actOn", "2025-09-01", "lifeAndHealth", "on"));
        CaseCommand fromApi = commands.fromJson("record-act", json.readTree("{\"actOn\": \"2025-09-01\", \"lifeAndHealth\": true}"));
        assertThat(fromPage).isEqualTo(fromApi).isEqualTo(new CaseCommand.RecordAct(null, LocalDate.of(2025, 9, 1), null, true));
    }

    @Test
    void transfer_materials_are_one_a_line_on_the_page_and_a_json_array_in_the_api() {
        CaseCommand.Transfer fromPage = (CaseCommand.Transfer) commands.fromForm("transfer",
                form("to", "市场监管局", "materials", "现场照片12张\n\n询问笔录", "extraPages", "3", "criminal", "true"));
        assertThat(fromPage.materials()).containsExactly("现场照片12张", "询问笔录");
        assertThat(fromPage.extraPages()).isEqualTo(3);
        assertThat(fromPage.criminal()).isTrue();
    }

    @Test
    void a_missing_required_field_is_refused_with_the_same_chinese_message_from_page_and_api() {
        assertThatThrownBy(() -> commands.fromForm("schedule-hearing", form("place", "听证室")))
                .isInstanceOf(RuleViolation.class).hasMessage("请填写听证日期。");
        assertThatThrownBy(() -> commands.fromJson("schedule-hearing", json.readTree("{\"place\": \"听证室\"}")))
                .isInstanceOf(RuleViolation.class).hasMessage("请填写听证日期。");
        assertThatThrownBy(() -> commands.fromJson("instalments", json.readTree("{\"plan\": []}")))
                .hasMessage("请填写分期计划（每行“日期:金额”）。");
        assertThatThrownBy(() -> commands.fromJson("measure-apply", json.readTree("{\"kind\": \"SEAL\", \"objects\": [{\"name\": \"配电柜\"}]}")))
                .hasMessage("清单中每一项都须填写数量。");
        assertThatThrownBy(() -> commands.fromForm("payment", form()))
                .hasMessage("请填写金额。");
    }

    @Test
    void a_value_of_the_wrong_form_names_the_field_in_chinese() {
        assertThatThrownBy(() -> commands.fromForm("propose-penalty", form("violationCode", "102-1", "amountYuan", "两万")))
                .isInstanceOf(RuleViolation.class).hasMessage("拟罚款金额，元“两万”格式不正确。");
        assertThatThrownBy(() -> commands.fromJson("propose-penalty", json.readTree("{\"violationCode\": \"102-1\", \"amountYuan\": \"两万\"}")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("格式不正确");
        assertThatThrownBy(() -> commands.fromForm("deferral", form("newDue", "明天")))
                .hasMessage("延期后的缴纳日期“明天”格式不正确。");
        assertThatThrownBy(() -> commands.fromJson("notify", json.readTree("[1, 2]")))
                .hasMessage("请求内容应为 JSON 对象。");
    }

    @Test
    void an_unknown_action_is_not_found_and_an_empty_command_needs_no_body() {
        assertThatThrownBy(() -> commands.fromJson("no-such-step", null)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("没有名为“no-such-step”的案件操作");
        assertThat(commands.fromJson("remind", null)).isEqualTo(new CaseCommand.Remind());
        assertThat(commands.fromForm("decide", form("number", "罚1号", "fineYuan", "20,000".replace(",", ""))))
                .isEqualTo(new CaseCommand.Decide(null, "罚1号", new BigDecimal("20000"), null));
    }
}
