package cn.zhifa.law;

/** The statutory periods the platform tracks; lengths and sources are in {@code law/legal-rules.yml}. */
public enum PeriodCode {
    /** 陈述、申辩. */
    STATEMENT_AND_DEFENCE,
    /** 申请听证, from receiving the notice. */
    HEARING_REQUEST,
    /** 听证通知: counted backwards from the hearing day. */
    HEARING_NOTICE,
    /** 决定书送达, when not served on the spot. */
    SERVICE_OF_DECISION,
    /** 缴纳罚款, from receiving the decision. */
    PAYMENT,
    /** 作出处罚决定 (行政处罚法 general rule), from 立案. */
    DECISION,
    /** 安全生产 penalty case, from 立案. */
    DECISION_SAFETY_PRODUCTION,
    DECISION_SAFETY_PRODUCTION_EXTENDED,
    DECISION_SAFETY_PRODUCTION_FURTHER_EXTENDED,
    /** 安全生产 penalty case filed from 2026-02-01 (应急管理部令第18号), and its extensions. */
    DECISION_SAFETY_PRODUCTION_2026,
    DECISION_SAFETY_PRODUCTION_2026_EXTENDED,
    DECISION_SAFETY_PRODUCTION_2026_FURTHER_EXTENDED,
    /** 申请行政复议, from knowing of the decision. */
    ADMINISTRATIVE_RECONSIDERATION,
    /** 提起行政诉讼, from knowing of the decision. */
    ADMINISTRATIVE_LITIGATION,
    /** 申请法院强制执行, from the lapse of the 复议/诉讼 periods. */
    COURT_ENFORCEMENT_APPLICATION,
    /** 查封、扣押 (行政强制法第二十五条), from the day of the measure. */
    SEIZURE,
    /** 查封、扣押 after its one approved extension (the original term plus at most 30 days). */
    SEIZURE_EXTENDED,
    /** 催告书送达后 waiting period before applying for enforcement. */
    ENFORCEMENT_AFTER_REMINDER,
    /** 处罚决定公开 (安全生产法 78). */
    PUBLICITY_OF_DECISION,
    /** withdrawal of published information after a decision is changed or revoked. */
    WITHDRAWAL_OF_PUBLICITY,
    CREDIT_REMOVAL_STOP_PUBLICATION,
    DOUBLE_RANDOM_RESULT_PUBLICATION,
    /** 追责时效. */
    LIMITATION,
    LIMITATION_LIFE_AND_HEALTH,
    CREDIT_LISTING,
    CREDIT_EARLY_REMOVAL,
    PENALTY_PUBLICITY_MINIMUM,
    PENALTY_PUBLICITY_MINIMUM_SAFETY,
    PENALTY_PUBLICITY_MAXIMUM,
    /** 先行登记保存证据: the agency decides on the preserved evidence within this period (行政处罚法第五十六条). */
    EVIDENCE_PRESERVATION,
    /** 公告送达: the document is deemed served when this period from the announcement has passed (民事诉讼法第九十五条). */
    PUBLIC_NOTICE_SERVICE
}
