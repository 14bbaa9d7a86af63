package cn.zhifa.casework;

import static cn.zhifa.casework.PenaltyCaseTest.LEADER;
import static cn.zhifa.casework.PenaltyCaseTest.OFFICER;
import static cn.zhifa.casework.PenaltyCaseTest.on;
import static cn.zhifa.casework.PenaltyCaseTest.proposed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.shared.RuleViolation;
import org.junit.jupiter.api.Test;

/** 执法人员不得少于两人: the leader names the second 承办人 when filing. */
class SecondHandlerTest {

    @Test
    void the_leader_names_a_second_handler_who_is_not_the_handler() {
        PenaltyCase c = proposed();
        assertThatThrownBy(() -> c.nameSecondHandler(LEADER, OFFICER.userId(), OFFICER.name()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不能与承办人（张伟）为同一人");
        c.nameSecondHandler(LEADER, 9, "刘洋");
        assertThat(c.getCoHandlerId()).isEqualTo(9L);
        assertThat(c.getCoHandlerName()).isEqualTo("刘洋");
    }

    @Test
    void only_the_leader_filing_the_case_names_the_second_handler_and_only_before_filing() {
        PenaltyCase c = proposed();
        assertThatThrownBy(() -> c.nameSecondHandler(OFFICER, 9, "刘洋")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("立案审批须由");
        c.nameSecondHandler(LEADER, 9, "刘洋");
        c.file(LEADER, on("2026-01-06"), null);
        assertThatThrownBy(() -> c.nameSecondHandler(LEADER, 10, "陈静")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("不能立案");
        assertThat(c.getCoHandlerName()).isEqualTo("刘洋");
    }
}
