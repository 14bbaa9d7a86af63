package cn.zhifa.casework;

import java.util.Arrays;
import java.util.Optional;

/**
 * The transitions of a {@link PenaltyCase} in procedural order, each with the code its form and API route use and the
 * Chinese label the page shows; {@link PenaltyCase#transitions} answers which of them a person may take now, and why not.
 */
public enum CaseTransition {
    FILE("file", "立案审批"),
    INVESTIGATE("investigate", "登记其他证据（书证、物证、视听资料等）"),
    RECORD_ACT("record-act", "登记违法行为发生日期"),
    EXTEND("extend", "延长办案期限"),
    MEASURE_APPLY("measure-apply", "查封/扣押"),
    MEASURE_EMERGENCY("measure-emergency", "情况紧急，当场查封/扣押"),
    MEASURE_APPROVE("measure-approve", "补办查封/扣押批准"),
    MEASURE_EXTEND("measure-extend", "延长查封/扣押期限"),
    MEASURE_RELEASE("measure-release", "解除查封/扣押"),
    MEASURE_DISPOSE("measure-dispose", "查封/扣押财物处理决定"),
    PROPOSE_PENALTY("propose-penalty", "案件处理呈批"),
    APPROVE_PROPOSAL("approve-proposal", "审批处理意见"),
    RETURN_PROPOSAL("return-proposal", "退回处理意见"),
    REVIEW("review", "法制审核"),
    NOTIFY("notify", "行政处罚告知"),
    STATEMENT("statement", "记录陈述申辩"),
    REQUEST_HEARING("request-hearing", "登记听证申请"),
    SCHEDULE_HEARING("schedule-hearing", "通知听证"),
    HOLD_HEARING("hold-hearing", "记录听证"),
    POSTPONE_HEARING("postpone-hearing", "延期举行听证"),
    END_HEARING("end-hearing", "终止听证（撤回申请或拒不出席）"),
    DECIDE("decide", "作出处罚决定"),
    SERVE("serve", "送达"),
    DEFERRAL("deferral", "批准延期缴纳"),
    INSTALMENTS("instalments", "批准分期缴纳"),
    PAYMENT("payment", "登记缴款"),
    REVIEW_START("review-start", "登记复议/诉讼"),
    REVIEW_END("review-end", "复议/诉讼终结"),
    REMIND("remind", "催告"),
    ENFORCE("enforce", "申请强制执行"),
    NO_PENALTY("no-penalty", "不予处罚"),
    REVOKE("revoke", "撤销立案"),
    TRANSFER("transfer", "移送"),
    CLOSE("close", "结案审批"),
    ARCHIVE("archive", "归档"),
    RECUSAL_APPLY("recusal-apply", "登记回避申请"),
    RECUSAL_DECIDE("recusal-decide", "回避决定"),
    REPLACE_HANDLER("replace-handler", "更换回避的承办人"),
    CRIMINAL_REFERRAL("criminal-referral", "移送涉嫌犯罪案件（行刑衔接）"),
    REFERRAL_OUTCOME("referral-outcome", "登记公安机关立案或退回");

    private final String code;
    private final String label;

    CaseTransition(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<CaseTransition> byCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
