package cn.zhifa.publicity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTests {

    @Test
    void id_numbers_mobile_and_fixed_line_numbers_are_masked_in_text() {
        String text = "当事人孙某（身份证号11010519491231002X，电话13812345678，办公电话0311-12345678）未安排专人监护";
        String masked = PersonalData.mask(text);
        assertThat(masked).contains("110105********002X").contains("138****5678").contains("0311-****5678")
                .doesNotContain("19491231").doesNotContain("13812345678").doesNotContain("12345678）");
        assertThat(masked).startsWith("当事人孙某（").endsWith("未安排专人监护");
    }

    @Test
    void a_unit_code_and_amounts_are_left_alone() {
        assertThat(PersonalData.mask("统一社会信用代码91350100M000100Y43，罚款人民币40000.00元"))
                .isEqualTo("统一社会信用代码91350100M000100Y43，罚款人民币40000.00元");
    }

    @Test
    void a_persons_address_keeps_only_its_beginning_wherever_it_appears() {
        assertThat(PersonalData.mask("住所示例市东城区龙湖镇幸福村12号，未设置警示标志", "示例市东城区龙湖镇幸福村12号"))
                .isEqualTo("住所示例市东城区****，未设置警示标志");
        assertThat(PersonalData.maskCode("11010519491231002X")).isEqualTo("110105********002X");
        assertThat(PersonalData.maskCode(null)).isNull();
    }
}
