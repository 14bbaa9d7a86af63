package cn.zhifa.casework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimilarViolationTest {

    @Test
    void the_same_violation_worded_longer_or_shorter_is_the_same() {
        assertThat(SimilarViolation.same("未设置安全警示标志", "未在有较大危险因素的场所设置安全警示标志")).isTrue();
        assertThat(SimilarViolation.same("特种作业人员未持证上岗", "特种作业人员未按照规定持证上岗作业")).isTrue();
    }

    @Test
    void violations_under_one_penalty_provision_are_not_the_same() {
        // all three fall under 安全生产法第九十七条 (library row 97-1)
        assertThat(SimilarViolation.same("未如实记录安全生产教育和培训情况", "特种作业人员未持证上岗")).isFalse();
        assertThat(SimilarViolation.same("未如实记录安全生产教育和培训情况", "未按规定组织应急救援演练")).isFalse();
        assertThat(SimilarViolation.same("未按规定组织应急救援演练", "未按规定对重大危险源登记建档")).isFalse();
    }
}
