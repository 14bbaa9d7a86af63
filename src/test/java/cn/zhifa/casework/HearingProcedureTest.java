package cn.zhifa.casework;

import static cn.zhifa.casework.PenaltyCaseTest.LEADER;
import static cn.zhifa.casework.PenaltyCaseTest.LEGAL;
import static cn.zhifa.casework.PenaltyCaseTest.OFFICER;
import static cn.zhifa.casework.PenaltyCaseTest.PERIODS;
import static cn.zhifa.casework.PenaltyCaseTest.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hearing (行政处罚法第六十四条、第六十五条): written notice with date, place and publicity, postponement, withdrawal and
 * no-show ending the hearing procedure, and 集体讨论 again after a hearing where 第五十七条第二款 requires it.
 */
class HearingProcedureTest {

    static PenaltyCase requested(boolean collective) {
        PenaltyCase c = PenaltyCaseTest.proposed();
        c.file(LEADER, on("2026-01-06"), "同意立案");
        c.recordInvestigation(StepKind.INQUIRY, OFFICER, on("2026-01-07"), "询问安全管理员");
        c.proposePenalty(OFFICER, on("2026-01-20"), PenaltyCaseTest.assess("102-1", Tier.GENERAL, "20000", null), null, null,
                false, List.of(), collective);
        c.approveProposal(LEADER, on("2026-01-21"), "同意");
        if (collective) {
            c.discussCollectively(LEADER, on("2026-01-22"), 7, "同意拟处罚意见");
        }
        c.notifyParty(OFFICER, on("2026-09-21"), true);
        c.requestHearing(OFFICER, on("2026-09-22"), PERIODS);
        return c;
    }

    @Test
    void the_hearing_notice_names_the_place_and_a_private_hearing_its_reason() {
        PenaltyCase c = requested(false);
        c.scheduleHearing(OFFICER, on("2026-09-22"), LocalDate.parse("2026-10-09"), "吴刚", "区应急管理局听证室",
                "涉及当事人的商业秘密", PERIODS);
        assertThat(c.getHearingPlace()).isEqualTo("区应急管理局听证室");
        assertThat(c.lastStep(StepKind.HEARING_NOTIFIED).orElseThrow().opinion())
                .contains("在区应急管理局听证室举行听证", "不公开举行（涉及当事人的商业秘密", "第六十四条第三项");
    }

    @Test
    void a_postponed_hearing_is_notified_again_seven_working_days_ahead() {
        PenaltyCase c = requested(false);
        c.scheduleHearing(OFFICER, on("2026-09-22"), LocalDate.parse("2026-10-09"), "吴刚", PERIODS);
        assertThatThrownBy(() -> c.postponeHearing(OFFICER, on("2026-10-08"), LocalDate.parse("2026-10-12"), "当事人代理人生病", PERIODS))
                .hasMessageContaining("七个工作日前送达");
        c.postponeHearing(OFFICER, on("2026-10-08"), LocalDate.parse("2026-10-21"), "当事人代理人生病", PERIODS);
        assertThat(c.getHearingOn()).isEqualTo(LocalDate.parse("2026-10-21"));
        assertThat(c.mayHoldHearing(LocalDate.parse("2026-10-09")).reason()).contains("2026-10-21");
    }

    @Test
    void a_withdrawn_hearing_request_ends_the_hearing_and_the_right_is_spent() {
        PenaltyCase c = requested(false);
        c.endHearingUnheld(OFFICER, on("2026-09-24"), HearingEnding.WITHDRAWN, "当事人书面撤回");
        assertThat(c.getStage()).isEqualTo(CaseStage.NOTIFIED);
        assertThat(c.mayRequestHearing(LocalDate.parse("2026-09-25"), PERIODS).reason()).contains("视为放弃听证权利", "第六十四条第六项");
        // the statement period (3 working days from 9/21) has passed: the decision no longer waits for the hearing period
        assertThat(c.mayDecide(LEADER, LocalDate.parse("2026-09-25"), PERIODS).allowed()).isTrue();
    }

    @Test
    void a_no_show_is_recorded_only_on_the_hearing_day() {
        PenaltyCase c = requested(false);
        c.scheduleHearing(OFFICER, on("2026-09-22"), LocalDate.parse("2026-10-09"), "吴刚", PERIODS);
        assertThatThrownBy(() -> c.endHearingUnheld(OFFICER, on("2026-10-08"), HearingEnding.ABSENT, null))
                .hasMessageContaining("应在听证举行之日（2026-10-09）登记");
        c.endHearingUnheld(OFFICER, on("2026-10-09"), HearingEnding.ABSENT, "经电话联系未到场");
        assertThat(c.lastStep(StepKind.HEARING_ENDED).orElseThrow().opinion()).contains("拒不出席", "视为放弃听证权利", "终止听证");
    }

    @Test
    void after_a_hearing_a_case_requiring_collective_discussion_is_discussed_again_before_the_decision() {
        PenaltyCase c = requested(true);
        c.scheduleHearing(OFFICER, on("2026-09-22"), LocalDate.parse("2026-10-09"), "吴刚", PERIODS);
        c.holdHearing(OFFICER, on("2026-10-09"), "当事人称已整改", "维持原拟处罚意见");
        c.reviewLegally(LEGAL, on("2026-10-10"), ReviewOpinion.AGREE, null);
        assertThat(c.getStage()).isEqualTo(CaseStage.COLLECTIVE_DISCUSSION);
        assertThat(c.mayDecide(LEADER, LocalDate.parse("2026-10-10"), PERIODS).reason()).contains("集体讨论", "第六十五条");
        c.discussCollectively(LEADER, on("2026-10-12"), 8, "维持");
        assertThat(c.getStage()).isEqualTo(CaseStage.DECISION_PENDING);
        assertThat(c.mayDecide(LEADER, LocalDate.parse("2026-10-12"), PERIODS).allowed()).isTrue();
    }
}
