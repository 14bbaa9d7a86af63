package cn.zhifa.casework;

import java.util.EnumSet;
import java.util.Set;

/** Where a case stands in the procedure. */
public enum CaseStage {
    PROPOSED("待立案审批"),
    FILED("调查取证"),
    PENALTY_PROPOSED("处理呈批"),
    LEGAL_REVIEW("法制审核"),
    COLLECTIVE_DISCUSSION("集体讨论"),
    APPROVED("待告知"),
    NOTIFIED("告知（陈述申辩）"),
    HEARING_REQUESTED("已申请听证"),
    HEARING_SCHEDULED("听证已通知"),
    DECISION_PENDING("待决定"),
    DECIDED("已决定待送达"),
    EXECUTING("执行中"),
    ENFORCEMENT_APPLIED("已申请强制执行"),
    EXECUTED("执行完毕"),
    NOT_PUNISHED("不予处罚"),
    REVOKED("已撤销立案"),
    TRANSFERRED("已移送"),
    CLOSED("已结案"),
    ARCHIVED("已归档");

    private static final Set<CaseStage> ENDED = EnumSet.of(REVOKED, TRANSFERRED, CLOSED, ARCHIVED);

    private static final Set<CaseStage> AWAITING_LEADER = EnumSet.of(PROPOSED, PENALTY_PROPOSED, DECISION_PENDING, EXECUTED);

    private final String label;

    CaseStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stages in which the case waits for a leader's approval: 立案, 处理呈批, 处罚决定, 结案. */
    public static Set<CaseStage> awaitingLeader() {
        return AWAITING_LEADER;
    }

    /** False once the case is closed, archived, revoked or transferred. */
    public boolean open() {
        return !ENDED.contains(this);
    }
}
