package cn.zhifa.casework;

/** The kinds of recorded procedural steps (each with who, when and what opinion). */
public enum StepKind {
    PROPOSED("案件来源登记"),
    FILED("立案审批"),
    INQUIRY("询问"),
    SITE_EXAMINATION("勘验"),
    EVIDENCE("证据"),
    EXTENDED("延长办案期限"),
    MEASURE_APPLIED("查封/扣押"),
    MEASURE_EXTENDED("延长查封/扣押期限"),
    MEASURE_APPROVED("补办查封/扣押批准"),
    MEASURE_RELEASED("解除查封/扣押"),
    MEASURE_DISPOSED("查封/扣押财物处理决定"),
    PENALTY_PROPOSED("案件处理呈批"),
    PROPOSAL_APPROVED("呈批审批"),
    LEGAL_REVIEW("法制审核"),
    COLLECTIVE_DISCUSSION("集体讨论"),
    NOTIFIED("行政处罚告知"),
    STATEMENT("陈述申辩"),
    HEARING_REQUESTED("听证申请"),
    HEARING_NOTIFIED("听证通知"),
    HEARING_HELD("听证"),
    DECIDED("处罚决定"),
    ON_THE_SPOT("当场处罚"),
    SERVED("送达"),
    DEFERRAL_APPROVED("延期缴纳批准"),
    INSTALMENTS_APPROVED("分期缴纳批准"),
    PAYMENT("缴纳罚款"),
    REVIEW_STARTED("复议/诉讼"),
    REVIEW_ENDED("复议/诉讼终结"),
    REMINDER("催告"),
    COURT_APPLICATION("申请强制执行"),
    EXECUTED("执行完毕"),
    NOT_PUNISHED("不予处罚决定"),
    REVOKED("撤销立案"),
    TRANSFERRED("案件移送"),
    CLOSED("结案审批"),
    ARCHIVED("归档"),
    EDUCATED("对当事人进行教育"),
    RECUSAL_APPLIED("回避申请"),
    RECUSAL_DECIDED("回避决定"),
    HANDLER_REPLACED("更换承办人"),
    HEARING_POSTPONED("延期举行听证"),
    HEARING_ENDED("终止听证"),
    CRIMINAL_REFERRED("涉嫌犯罪案件移送"),
    CRIMINAL_REFERRAL_ANSWERED("公安机关立案或退回");

    private final String label;

    StepKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
