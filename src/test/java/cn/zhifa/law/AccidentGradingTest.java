package cn.zhifa.law;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccidentGradingTest {

    private final AccidentGrading grading = AccidentGrading.bundled();

    @ParameterizedTest(name = "{0} deaths → {1}")
    @CsvSource({"0,GENERAL", "2,GENERAL", "3,LARGER", "9,LARGER", "10,MAJOR", "29,MAJOR", "30,EXTRAORDINARY", "31,EXTRAORDINARY"})
    void deaths_at_3_10_and_30_reach_the_next_grade(int deaths, AccidentGrade expected) {
        assertThat(grading.grade(deaths, 0, BigDecimal.ZERO)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} serious injuries → {1}")
    @CsvSource({"9,GENERAL", "10,LARGER", "49,LARGER", "50,MAJOR", "99,MAJOR", "100,EXTRAORDINARY"})
    void serious_injuries_at_10_50_and_100_reach_the_next_grade(int injuries, AccidentGrade expected) {
        assertThat(grading.grade(0, injuries, BigDecimal.ZERO)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} yuan → {1}")
    @CsvSource({"9999999.99,GENERAL", "10000000,LARGER", "49999999.99,LARGER", "50000000,MAJOR",
            "99999999.99,MAJOR", "100000000,EXTRAORDINARY"})
    void direct_loss_at_10_50_and_100_million_reaches_the_next_grade(BigDecimal loss, AccidentGrade expected) {
        assertThat(grading.grade(0, 0, loss)).isEqualTo(expected);
    }

    @Test
    void the_worst_criterion_decides() {
        AccidentAssessment assessment = grading.assess(1, 50, new BigDecimal("12000000"));

        assertThat(assessment.grade()).isEqualTo(AccidentGrade.MAJOR);
        assertThat(assessment.explanation()).contains("重伤").contains("50人以上").contains("重大事故");
        assertThat(assessment.basis()).contains("生产安全事故报告和调查处理条例").contains("第三条");
    }

    @Test
    void a_general_accident_is_explained_against_the_larger_thresholds() {
        AccidentAssessment assessment = grading.assess(2, 9, new BigDecimal("9999999"));

        assertThat(assessment.grade()).isEqualTo(AccidentGrade.GENERAL);
        assertThat(assessment.explanation()).contains("均低于较大事故标准").contains("1000万元");
    }

    @Test
    void negative_counts_are_refused() {
        assertThatThrownBy(() -> grading.grade(-1, 0, BigDecimal.ZERO)).hasMessageContaining("不能为负数");
        assertThatThrownBy(() -> grading.grade(0, 0, new BigDecimal("-1"))).hasMessageContaining("不能为负数");
    }

    @Test
    void labels_are_the_legal_names() {
        assertThat(AccidentGrade.EXTRAORDINARY.label()).isEqualTo("特别重大事故");
        assertThat(AccidentGrade.LARGER.label()).isEqualTo("较大事故");
    }
}
