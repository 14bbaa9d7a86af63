package cn.zhifa.law;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000802100433B"})
    void the_published_examples_are_valid(String code) {
        CodeCheck<Uscc> check = Uscc.parse(code);

        assertThat(check.valid()).isTrue();
        assertThat(check.reason()).isEmpty();
        assertThat(check.value().value()).isEqualTo(code);
    }

    @Test
    void a_changed_character_breaks_the_check_character() {
        CodeCheck<Uscc> check = Uscc.parse("91350100M000100Y44");

        assertThat(check.valid()).isFalse();
        assertThat(check.reason()).contains("校验码错误").contains("应为“3”");
    }

    @Test
    void a_changed_body_character_is_caught_too() {
        assertThat(Uscc.parse("91110000802100434B").valid()).isFalse();
    }

    @Test
    void letters_outside_the_gb_32100_charset_are_named() {
        CodeCheck<Uscc> check = Uscc.parse("91350100M0001I0Y43");

        assertThat(check.valid()).isFalse();
        assertThat(check.reason()).contains("第14位").contains("字符集");
    }

    @Test
    void lower_case_letters_are_asked_to_be_upper_case() {
        assertThat(Uscc.parse("91350100m000100Y43").reason()).contains("大写");
    }

    @Test
    void the_length_must_be_18() {
        assertThat(Uscc.parse("91350100M000100Y4").reason()).contains("18位").contains("17位");
        assertThat(Uscc.parse("").reason()).contains("不能为空");
        assertThat(Uscc.parse(null).valid()).isFalse();
    }

    @Test
    void the_division_code_must_be_digits() {
        assertThat(Uscc.parse("913501A0M000100Y43").reason()).contains("行政区划码");
    }

    @Test
    void the_value_object_refuses_an_invalid_code_and_exposes_its_parts() {
        assertThatThrownBy(() -> new Uscc("91350100M000100Y44")).isInstanceOf(IllegalArgumentException.class);
        Uscc uscc = new Uscc("91110000802100433B");
        assertThat(uscc.divisionCode()).isEqualTo("110000");
        assertThat(uscc.organizationCode()).isEqualTo("802100433");
    }
}
