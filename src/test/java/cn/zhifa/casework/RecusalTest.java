package cn.zhifa.casework;

import static cn.zhifa.casework.PenaltyCaseTest.LEADER;
import static cn.zhifa.casework.PenaltyCaseTest.OFFICER;
import static cn.zhifa.casework.PenaltyCaseTest.PERIODS;
import static cn.zhifa.casework.PenaltyCaseTest.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.shared.security.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 回避 (行政处罚法第四十三条) of handlers, reviewers and hearing officers, and the presiding officer (第六十四条第四项). */
class RecusalTest {

    static final Acting SECOND = new Acting(4, "刘洋", Set.of(Role.OFFICER));
    static final Acting THIRD = new Acting(6, "陈静", Set.of(Role.OFFICER));

    static PenaltyCase filedWithTwoHandlers() {
        PenaltyCase c = PenaltyCaseTest.proposed();
        c.nameSecondHandler(LEADER, SECOND.userId(), SECOND.name());
        c.file(LEADER, on("2026-01-06"), "同意立案");
        return c;
    }

    @Test
    void a_handler_whose_recusal_the_head_granted_can_no_longer_act_on_the_case() {
        PenaltyCase c = filedWithTwoHandlers();
        int number = c.applyForRecusal(OFFICER, on("2026-01-08"), RecusalRole.HANDLER, "刘洋", "系当事人法定代表人的近亲属");
        assertThat(c.notRecused(SECOND).allowed()).as("before the decision the investigation goes on").isTrue();
        assertThat(c.mayDecideRecusal(number, OFFICER).reason()).contains("回避决定", "须由");
        c.decideRecusal(number, LEADER, on("2026-01-09"), true, "情况属实");
        assertThat(c.notRecused(SECOND).reason()).contains("刘洋", "经负责人决定回避", "行政处罚法第四十三条");
        assertThat(c.notRecused(OFFICER).allowed()).isTrue();
        assertThat(c.lastStep(StepKind.RECUSAL_DECIDED).orElseThrow().opinion()).contains("决定承办人刘洋回避");
    }

    @Test
    void a_recused_handler_is_replaced_by_the_leader_and_cannot_be_named_again() {
        PenaltyCase c = filedWithTwoHandlers();
        c.decideRecusal(c.applyForRecusal(OFFICER, on("2026-01-08"), RecusalRole.HANDLER, "刘洋", "利害关系"),
                LEADER, on("2026-01-09"), true, null);
        assertThat(c.handlerRecused()).isTrue();
        assertThatThrownBy(() -> c.replaceRecusedHandler(LEADER, on("2026-01-09"), SECOND.userId(), SECOND.name()))
                .hasMessageContaining("已决定回避");
        c.replaceRecusedHandler(LEADER, on("2026-01-09"), THIRD.userId(), THIRD.name());
        assertThat(c.getCoHandlerName()).isEqualTo("陈静");
        assertThat(c.handlerRecused()).isFalse();
        assertThat(c.mayReplaceRecusedHandler(LEADER).allowed()).isFalse();
    }

    @Test
    void a_rejected_application_needs_a_reason_and_leaves_the_person_on_the_case() {
        PenaltyCase c = filedWithTwoHandlers();
        int number = c.applyForRecusal(OFFICER, on("2026-01-08"), RecusalRole.HANDLER, "刘洋", "怀疑不公");
        assertThatThrownBy(() -> c.decideRecusal(number, LEADER, on("2026-01-09"), false, " ")).hasMessageContaining("驳回回避申请须写明理由");
        c.decideRecusal(number, LEADER, on("2026-01-09"), false, "无证据证明存在利害关系");
        assertThat(c.notRecused(SECOND).allowed()).isTrue();
        assertThat(c.recusal(number).orElseThrow().status()).isEqualTo("驳回申请");
        assertThat(c.mayDecideRecusal(number, LEADER).reason()).contains("已于2026-01-09作出决定");
    }

    @Test
    void an_application_names_a_handler_of_the_case_and_the_person_concerned_does_not_decide_it() {
        PenaltyCase c = filedWithTwoHandlers();
        assertThatThrownBy(() -> c.applyForRecusal(OFFICER, on("2026-01-08"), RecusalRole.HANDLER, "周敏", "利害关系"))
                .hasMessageContaining("不是本案的承办人");
        assertThatThrownBy(() -> c.applyForRecusal(OFFICER, on("2026-01-08"), RecusalRole.LEGAL_REVIEWER, "王芳", ""))
                .hasMessageContaining("请填写当事人申请回避的理由");
        int number = c.applyForRecusal(OFFICER, on("2026-01-08"), RecusalRole.LEGAL_REVIEWER, "李强", "曾为当事人提供咨询");
        assertThat(c.mayDecideRecusal(number, LEADER).reason()).contains("不能对自己的回避作出决定", "第四十三条第三款");
    }

    @Test
    void the_presiding_officer_is_checked_against_every_handler_and_every_recused_person() {
        PenaltyCase c = filedWithTwoHandlers();
        c.decideRecusal(c.applyForRecusal(OFFICER, on("2026-01-08"), RecusalRole.HEARING_OFFICER, "周敏", "与当事人有经济往来"),
                LEADER, on("2026-01-09"), true, null);
        c.recordInvestigation(StepKind.INQUIRY, OFFICER, on("2026-01-10"), "询问安全管理员");
        c.proposePenalty(OFFICER, on("2026-01-20"), PenaltyCaseTest.assess("102-1", Tier.GENERAL, "20000", null), null, null,
                false, List.of(), false);
        c.approveProposal(LEADER, on("2026-01-21"), "同意");
        c.notifyParty(OFFICER, on("2026-09-21"), true);
        c.requestHearing(OFFICER, on("2026-09-22"), PERIODS);
        LocalDate hearingDay = LocalDate.parse("2026-10-09");
        assertThatThrownBy(() -> c.scheduleHearing(OFFICER, on("2026-09-22"), hearingDay, "刘洋", PERIODS))
                .hasMessageContaining("刘洋是本案承办人").hasMessageContaining("第六十四条第四项");
        assertThatThrownBy(() -> c.scheduleHearing(OFFICER, on("2026-09-22"), hearingDay, "周敏", PERIODS))
                .hasMessageContaining("已经决定回避");
        c.scheduleHearing(OFFICER, on("2026-09-22"), hearingDay, "吴刚", PERIODS);
        assertThat(c.getStage()).isEqualTo(CaseStage.HEARING_SCHEDULED);
    }
}
