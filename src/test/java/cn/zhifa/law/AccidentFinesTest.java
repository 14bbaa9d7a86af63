package cn.zhifa.law;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccidentFinesTest {

    private final AccidentFines fines = AccidentFines.bundled();

    @ParameterizedTest
    @CsvSource({"GENERAL,300000,1000000", "LARGER,1000000,2000000", "MAJOR,2000000,10000000",
            "EXTRAORDINARY,10000000,20000000"})
    void the_unit_fine_follows_article_114(AccidentGrade grade, BigDecimal min, BigDecimal max) {
        FineRange range = fines.unit(grade, false);

        assertThat(range.minYuan()).isEqualByComparingTo(min);
        assertThat(range.maxYuan()).isEqualByComparingTo(max);
        assertThat(range.basis()).startsWith("《中华人民共和国安全生产法》第一百一十四条");
    }

    @Test
    void an_especially_serious_case_is_two_to_five_times_the_range() {
        FineRange range = fines.unit(AccidentGrade.GENERAL, true);

        assertThat(range.minYuan()).isEqualByComparingTo("600000");
        assertThat(range.maxYuan()).isEqualByComparingTo("5000000");
        assertThat(range.basis()).contains("第一百一十四条第二款");
        assertThat(range.explanation()).contains("2倍以上5倍以下").contains("60万元至500万元");
    }

    @ParameterizedTest
    @CsvSource({"GENERAL,80000", "LARGER,120000", "MAJOR,160000", "EXTRAORDINARY,200000"})
    void the_principal_pays_the_grades_percentage_of_last_years_income(AccidentGrade grade, BigDecimal fine) {
        FineRange range = fines.principal(grade, new BigDecimal("200000"));

        assertThat(range.minYuan()).isEqualByComparingTo(fine);
        assertThat(range.maxYuan()).isEqualByComparingTo(fine);
        assertThat(range.basis()).contains("第九十五条");
    }

    @Test
    void a_principal_who_fled_or_concealed_pays_60_to_100_percent() {
        FineRange range = fines.principalFledOrConcealed(new BigDecimal("150000"));

        assertThat(range.minYuan()).isEqualByComparingTo("90000");
        assertThat(range.maxYuan()).isEqualByComparingTo("150000");
        assertThat(range.basis()).contains("第一百一十条");
    }

    @Test
    void percentages_are_rounded_to_fen() {
        assertThat(fines.principal(AccidentGrade.GENERAL, new BigDecimal("33333.33")).minYuan())
                .isEqualTo(new BigDecimal("13333.33"));
    }

    @Test
    void negative_income_is_refused() {
        assertThatThrownBy(() -> fines.principal(AccidentGrade.GENERAL, new BigDecimal("-1")))
                .hasMessageContaining("不能为负数");
    }
}
