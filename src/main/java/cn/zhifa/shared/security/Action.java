package cn.zhifa.shared.security;

import static cn.zhifa.shared.security.Role.ADMIN;
import static cn.zhifa.shared.security.Role.AUDITOR;
import static cn.zhifa.shared.security.Role.LEADER;
import static cn.zhifa.shared.security.Role.LEGAL;
import static cn.zhifa.shared.security.Role.OFFICER;
import static cn.zhifa.shared.security.Role.SECURITY_ADMIN;
import static cn.zhifa.shared.security.Role.SUPERVISOR;

import java.util.EnumSet;
import java.util.Set;

/**
 * The permission table: who may do which action (role × action), the one answer to "may this role
 * do this?". Controllers declare their action with {@link Allowed}; pages ask {@code @permissions}
 * before offering a button. Whether the caller may touch the object is the data scope's question.
 */
public enum Action {

    /** No login needed: token request, public verification, an enterprise's self-report link. */
    PUBLIC("公开访问"),
    /** Any logged-in user: own password, home page. */
    SIGNED_IN("登录用户", OFFICER, LEADER, LEGAL, SUPERVISOR, ADMIN, SECURITY_ADMIN, AUDITOR),
    /** Reading cases, firms, inspections, hazards, evidence and documents: never the 三员. */
    READ_BUSINESS("查阅业务数据", OFFICER, LEADER, LEGAL, SUPERVISOR),

    EDIT_ENTERPRISE("维护企业库", OFFICER, LEADER),
    IMPORT_ENTERPRISES("Excel 导入企业", OFFICER, LEADER),
    EDIT_AGENCY("维护中介机构", OFFICER, LEADER),
    SANCTION_AGENCY("暂停、恢复、撤销中介机构", LEADER),
    MANAGE_CERTIFICATES("管理执法证", LEADER),
    EDIT_SUPERVISORS("维护监督员名录", LEADER, SUPERVISOR),

    READ_GRADING("查阅分类分级", LEADER, SUPERVISOR, ADMIN),
    EDIT_GRADING_RULES("维护分类分级规则", LEADER, ADMIN),
    MANAGE_PLANS("编制、审批年度计划", LEADER),
    CLAIM_PLAN_FIRMS("认领计划检查企业", LEADER, OFFICER),
    RECORD_EXTRA_INSPECTION("登记超频次检查", LEADER, OFFICER),
    READ_DRAWS("查阅双随机抽取与统计", LEADER, SUPERVISOR),
    RUN_DRAWS("双随机抽取", LEADER),

    CREATE_INSPECTION_TASK("创建检查任务", OFFICER, LEADER),
    INSPECT("实施现场检查", OFFICER, LEADER),
    EDIT_CHECKLISTS("维护检查清单", ADMIN),

    REGISTER_HAZARD("登记隐患", OFFICER, LEADER),
    HANDLE_HAZARD("整改、复查、销号、延期申请", OFFICER, LEADER),
    DECIDE_HAZARD("挂牌督办、曝光、审批延期", LEADER),

    REGISTER_CASE("立案登记", OFFICER, LEADER),
    HANDLE_CASE("办理案件", OFFICER, LEADER, LEGAL),
    RECORD_CASE_MEETING("案审会记录", LEGAL, LEADER),
    APPROVE_PRESERVATION("批准先行登记保存", LEADER),

    UPLOAD_EVIDENCE("上传证据", OFFICER, LEADER),
    REQUEST_DOCUMENT_VOID("申请作废文书", OFFICER, LEADER),
    APPROVE_DOCUMENT_VOID("批准作废文书", LEADER),
    KEEP_SIGNATURE_SPECIMEN("保存本人签名样式", OFFICER, LEADER, LEGAL, SUPERVISOR),
    EDIT_DOCUMENT_SETTINGS("文书设置", ADMIN),

    PUBLISH_PENALTIES("公示、撤回行政处罚决定", LEADER),
    EXPORT_PUBLICITY("导出双公示数据", LEADER, ADMIN),
    EDIT_POWER_LIST("维护权责清单", ADMIN),
    READ_CREDIT_LISTINGS("查阅严重失信主体名单办理", LEADER, LEGAL, SUPERVISOR),
    MANAGE_CREDIT_LISTINGS("办理严重失信主体名单", LEADER),
    EDIT_CREDIT_RULES("维护信用评价规则", ADMIN),

    READ_SUPERVISION("查阅执法监督", LEADER, SUPERVISOR),
    ISSUE_SUPERVISION("下达督办单、记录约谈", SUPERVISOR),
    REPLY_SUPERVISION("回复督办单", LEADER),
    READ_COMPLAINTS("查阅投诉举报", OFFICER, LEADER, SUPERVISOR),
    REGISTER_COMPLAINT("登记投诉举报", OFFICER, LEADER, SUPERVISOR),
    HANDLE_COMPLAINT("办理投诉举报（受理、交办、答复、办结）", OFFICER, LEADER),
    DECIDE_COMPLAINT_REWARD("审批举报奖励", LEADER),
    RECORD_REVIEW_LITIGATION("登记行政复议、行政诉讼", LEADER, LEGAL),
    EDIT_RANKING_INDICATORS("维护效能考评指标", ADMIN, SUPERVISOR),
    EDIT_CASE_REVIEW_STANDARD("维护案卷评查标准", SUPERVISOR, ADMIN),
    PLAN_CASE_REVIEW("制定案卷评查计划", SUPERVISOR),
    SCORE_CASE_FILE("评查案卷（评分）", LEADER, LEGAL, SUPERVISOR),
    REPLY_CASE_REVIEW_PROBLEM("回复案卷评查整改", LEADER),
    RECORD_ENFORCEMENT_FAULT("记录执法过错及责任追究", SUPERVISOR),

    MANAGE_ORGANIZATIONS("维护组织机构", ADMIN),
    READ_ACCOUNTS("查看用户账号", ADMIN, SECURITY_ADMIN),
    MANAGE_ACCOUNTS("新增、修改用户账号", ADMIN),
    MANAGE_ACCOUNT_ACCESS("重置密码、解锁、启用或停用账号", ADMIN, SECURITY_ADMIN),
    ASSIGN_ROLES("分配角色", SECURITY_ADMIN),
    APPROVE_ADMINISTRATION("批准三员角色授予或三员账号密码重置", ADMIN, SECURITY_ADMIN),
    EDIT_SECURITY_POLICY("安全策略", SECURITY_ADMIN),
    MANAGE_HOLIDAYS("节假日安排", ADMIN),
    READ_AUDIT_LOG("查阅审计日志", AUDITOR),

    REBUILD_STATISTICS("重建统计数据", ADMIN),

    RECORD_MEASURE_TESTING("登记查封扣押物品检测期间", OFFICER, LEADER),
    RECORD_SERVICE("登记文书送达和送达地址确认书", OFFICER, LEADER),
    READ_FILINGS("查阅处罚决定备案台账", LEADER, LEGAL, SUPERVISOR),
    RECORD_FILING("登记处罚决定备案", OFFICER, LEADER, LEGAL),

    // accident (事故快报 … 评估)
    REPORT_ACCIDENT("登记事故快报、续报", OFFICER, LEADER),
    INVESTIGATE_ACCIDENT("登记事故调查组、调查报告和整改措施落实", OFFICER, LEADER),
    DECIDE_ACCIDENT("登记事故调查延期、批复（提出处罚案件）、评估和警示教育", LEADER),

    // monitoring (在线巡查, 监测报警)
    READ_MONITORING("查阅监测点、监测报警和在线巡查", OFFICER, LEADER, SUPERVISOR),
    EDIT_MONITORING_POINTS("维护企业监测点", OFFICER, LEADER),
    WORK_ONLINE_PATROL("开展在线巡查", OFFICER, LEADER),
    MANAGE_SYSTEM_CLIENTS("管理监测系统接入客户端", ADMIN),
    INGEST_MONITORING("推送监测报警和视频巡查结果", Role.SYSTEM_CLIENT),

    // training (学法、题库、培训、考试)
    READ_TRAINING("查阅学法清单、培训和考试", OFFICER, LEADER, LEGAL, SUPERVISOR, ADMIN),
    MAINTAIN_QUESTION_BANK("维护学法清单和题库", ADMIN, LEADER),
    MANAGE_TRAINING("登记培训、练兵比武", LEADER),
    SET_EXAM("组织考试（按规则组卷）", LEADER),
    TAKE_EXAM("参加在线考试", OFFICER, LEADER, LEGAL, SUPERVISOR),
    SPOT_QUIZ("逢查必考（检查中考核企业人员）", OFFICER, LEADER),

    // emergency (应急预案、演练、救援队伍、物资、灾害信息员)
    READ_EMERGENCY("查阅应急管理台账与安责险", OFFICER, LEADER, SUPERVISOR),
    EDIT_EMERGENCY("登记应急预案、演练、救援队伍、物资、灾害信息员和安责险保单", OFFICER, LEADER),
    READ_INSURANCE_LAPSES("查阅安责险脱保企业", LEADER, SUPERVISOR),

    // township (赋权、委托)
    MANAGE_TOWNSHIP_POWERS("维护乡镇赋权委托事项", LEADER),
    /** 专职安全员名册 (register, edit, trainings, end of term): read by the business roles and the ADMIN who keeps it. */
    READ_SAFETY_STAFF("查阅专职安全员名册", OFFICER, LEADER, LEGAL, SUPERVISOR, ADMIN),
    MANAGE_SAFETY_STAFF("维护专职安全员名册（登记、修改、培训、离任）", LEADER, ADMIN),
    /** Recorded by a township user on behalf of a 专职安全员 (who has no login and does not enforce). */
    RECORD_SAFETY_STAFF_VISIT("代专职安全员登记协助检查", OFFICER, LEADER),
    HANDLE_TOWNSHIP_LEAD("处理专职安全员线索（转检查任务、关闭）", OFFICER, LEADER),

    // outreach (普法、帮扶、装备、专职安全员)
    MANAGE_EQUIPMENT("登记和变更执法装备", OFFICER, LEADER),
    RECORD_OUTREACH("登记普法活动、帮扶走访和专家名录", OFFICER, LEADER),
    ISSUE_OUTREACH_LETTER("出具提示函、警示函", OFFICER, LEADER),
    ;

    private final String label;
    private final Set<Role> roles;

    Action(String label, Role... roles) {
        this.label = label;
        this.roles = roles.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(roles[0], roles));
    }

    /** The Chinese name shown in refusals and the audit log. */
    public String label() {
        return label;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean isPublic() {
        return this == PUBLIC;
    }

    public boolean allows(Actor actor) {
        return isPublic() || actor != null && actor.roles().stream().anyMatch(roles::contains);
    }
}
