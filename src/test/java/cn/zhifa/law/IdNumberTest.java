package cn.zhifa.law;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumberTest {

    @Test
    void the_published_example_is_valid_and_carries_its_birth_date() {
        CodeCheck<IdNumber> check = IdNumber.parse("11010519491231002X");

        assertThat(check.valid()).isTrue();
        assertThat(check.value().birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    }

    @Test
    void a_lower_case_x_is_accepted() {
        assertThat(IdNumber.parse("11010519491231002x").value().value()).isEqualTo("11010519491231002X");
    }

    @Test
    void a_changed_digit_breaks_the_check_character() {
        CodeCheck<IdNumber> check = IdNumber.parse("11010519491231003X");

        assertThat(check.valid()).isFalse();
        assertThat(check.reason()).contains("校验码错误");
    }

    @Test
    void the_30th_of_february_is_not_a_real_birth_date_even_with_a_matching_check_character() {
        String body = "11010519490230002";
        CodeCheck<IdNumber> check = IdNumber.parse(body + checkCharacter(body));

        assertThat(check.valid()).isFalse();
        assertThat(check.reason()).contains("出生日期").contains("19490230");
    }

    @Test
    void wrong_length_and_letters_are_explained() {
        assertThat(IdNumber.parse("1101051949123100").reason()).contains("18位");
        assertThat(IdNumber.parse("1101051949123100AX").reason()).contains("第17位");
        assertThat(IdNumber.parse("11010519491231002Y").reason()).contains("第18位");
    }

    @Test
    void the_public_form_is_masked() {
        assertThat(new IdNumber("11010519491231002X").masked()).isEqualTo("110105********002X");
        assertThat(new IdNumber("11010519491231002X").toString()).doesNotContain("19491231");
    }

    private static char checkCharacter(String body) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }
}
