package cn.zhifa.casework;

import static cn.zhifa.casework.PenaltyCaseTest.LEADER;
import static cn.zhifa.casework.PenaltyCaseTest.OFFICER;
import static cn.zhifa.casework.PenaltyCaseTest.PERIODS;
import static cn.zhifa.casework.PenaltyCaseTest.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** 行刑衔接 (《行政执法机关移送涉嫌犯罪案件的规定》; 行政处罚法第二十七条): a procedure, not the end of the case. */
class CriminalReferralTest {

    @Test
    void a_case_is_transferred_at_any_stage_with_a_copy_to_the_procuratorate_and_waits_for_public_security() {
        PenaltyCase c = PenaltyCaseTest.approved();
        c.notifyParty(OFFICER, on("2026-02-02"), false);
        assertThatThrownBy(() -> c.referForCrime(LEADER, on("2026-02-03"), "示例市公安局东城分局", " ", "非法储存危险化学品"))
                .hasMessageContaining("抄送同级人民检察院");
        assertThat(c.mayReferForCrime(OFFICER).reason()).contains("第五条");
        c.referForCrime(LEADER, on("2026-02-03"), "示例市公安局东城分局", "示例市东城区人民检察院", "非法储存危险化学品数量较大");
        assertThat(c.getStage()).isEqualTo(CaseStage.NOTIFIED);
        assertThat(c.mayDecide(LEADER, LocalDate.parse("2026-02-20"), PERIODS).reason()).contains("公安机关作出是否立案的决定前", "第二十七条");
        assertThat(c.mayReferForCrime(LEADER).reason()).contains("尚待其作出是否立案的决定");
    }

    @Test
    void a_returned_case_goes_on_with_the_administrative_procedure() {
        PenaltyCase c = PenaltyCaseTest.approved();
        c.notifyParty(OFFICER, on("2026-02-02"), false);
        int number = c.referForCrime(LEADER, on("2026-02-03"), "示例市公安局东城分局", "示例市东城区人民检察院", "涉嫌重大责任事故");
        assertThatThrownBy(() -> c.recordReferralOutcome(OFFICER, on("2026-02-10"), number, ReferralOutcome.RETURNED, ""))
                .hasMessageContaining("不予立案的理由");
        c.recordReferralOutcome(OFFICER, on("2026-02-10"), number, ReferralOutcome.RETURNED, "未达到立案追诉标准");
        assertThat(c.getStage()).isEqualTo(CaseStage.NOTIFIED);
        assertThat(c.mayDecide(LEADER, LocalDate.parse("2026-02-20"), PERIODS).allowed()).isTrue();
        assertThat(c.lastStep(StepKind.CRIMINAL_REFERRAL_ANSWERED).orElseThrow().opinion()).contains("不予立案", "本案继续办理");
    }

    @Test
    void an_accepted_transfer_ends_an_undecided_case_as_transferred() {
        PenaltyCase c = PenaltyCaseTest.approved();
        int number = c.referForCrime(LEADER, on("2026-01-22"), "示例市公安局东城分局", "示例市东城区人民检察院", "涉嫌重大责任事故");
        c.recordReferralOutcome(OFFICER, on("2026-01-30"), number, ReferralOutcome.ACCEPTED, "立案决定书");
        assertThat(c.getStage()).isEqualTo(CaseStage.TRANSFERRED);
        assertThat(c.isCriminalTransfer()).isTrue();
        assertThat(c.mayRecordReferralOutcome(number).reason()).contains("已于2026-01-30登记结果");
    }
}
