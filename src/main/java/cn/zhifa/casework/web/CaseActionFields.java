package cn.zhifa.casework.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The OpenAPI description of the body of {@code POST /api/v1/cases/{id}/actions/{action}}: every field a case action
 * reads, each saying which actions use it. All are optional in the schema; the action refuses (422, in Chinese) what
 * it needs and does not get. Documentation only: the endpoint binds the same JSON the forms send.
 */
@Schema(name = "CaseActionFields", description = "案件办理操作的请求内容：各操作只读取与其相关的字段，缺少必填字段时返回 422 及中文说明")
record CaseActionFields(
        @Schema(description = "案件版本号（并发校验；file、extend、measure-*、propose-penalty、approve-proposal、return-proposal、review、notify、"
                + "decide、deferral、instalments、enforce、no-penalty、revoke、transfer、close）") Integer version,
        @Schema(description = "审批或审核意见（file、approve-proposal、return-proposal、review、close）；review 时为 AGREE 同意、MODIFY 修改、RETURN 退回")
        String opinion,
        @Schema(description = "主办人用户 id（file）；replace-handler：新的承办人用户名") Long handler,
        @Schema(description = "协办人用户 id（file）") Long secondHandler,
        @Schema(description = "investigate：证据类别（StepKind，如 EVIDENCE、INQUIRY、SITE_EXAMINATION，缺省 EVIDENCE）；"
                + "review-start：复议或诉讼") String what,
        @Schema(description = "调查取证内容（investigate）") String content,
        @Schema(description = "理由（extend、measure-*、propose-penalty、deferral、instalments、no-penalty、revoke、transfer）") String reason,
        @Schema(description = "查封/扣押种类（measure-apply）", allowableValues = {"SEAL", "SEIZE"}) String kind,
        @Schema(description = "查封/扣押清单（measure-apply）") List<SeizedObjectLine> objects,
        @Schema(description = "法律依据（measure-apply）") String legalBasis,
        @Schema(description = "查封/扣押决定书编号（measure-apply）") String decisionNumber,
        @Schema(description = "decide：行政处罚决定书编号；measure-extend/release/dispose：措施编号；recusal-decide：回避申请编号") String number,
        @Schema(description = "违法行为代码（propose-penalty，见 GET /api/v1/cases/violations）") String violationCode,
        @Schema(description = "裁量阶次（propose-penalty）", allowableValues = {"NONE", "MITIGATED", "LIGHTER", "GENERAL", "HEAVIER"}) String tier,
        @Schema(description = "拟罚款金额，元（propose-penalty）；缴款金额，元（payment）") BigDecimal amountYuan,
        @Schema(description = "从轻、减轻情节（propose-penalty）") String mitigationGround,
        @Schema(description = "其他处罚（propose-penalty）") String otherMeasures,
        @Schema(description = "案情复杂（propose-penalty）") Boolean complex,
        @Schema(description = "上一年年收入，元（propose-penalty，按收入比例处罚时）") BigDecimal annualIncomeYuan,
        @Schema(description = "违法所得，元（propose-penalty）") BigDecimal illegalGainsYuan,
        @Schema(description = "从重情节（propose-penalty）") Boolean aggravated,
        @Schema(description = "违反的法律条款（propose-penalty），如《中华人民共和国安全生产法》第二十八条第一款；缺省取违法行为的配置") String violatedProvision,
        @Schema(description = "违法行为发生日期（record-act）") LocalDate actOn,
        @Schema(description = "连续或继续状态的违法行为终了日期（record-act）") LocalDate actEndedOn,
        @Schema(description = "危及人身健康和生命安全且有危害后果（record-act；追责期限五年，行政处罚法第三十六条）") Boolean lifeAndHealth,
        @Schema(description = "法制审核意见书正文（review）") String text,
        @Schema(description = "陈述申辩内容（statement）") String statement,
        @Schema(description = "放弃陈述申辩（statement）") Boolean waive,
        @Schema(description = "听证日期（schedule-hearing；postpone-hearing：延期后的日期）") LocalDate hearingOn,
        @Schema(description = "听证地点（schedule-hearing）") String place,
        @Schema(description = "不公开举行的理由（schedule-hearing；涉及国家秘密、商业秘密或者个人隐私，行政处罚法第六十四条第三项；空为公开举行）") String privateReason,
        @Schema(description = "终止听证的情形（end-hearing）", allowableValues = {"WITHDRAWN", "ABSENT", "LEFT"}) String ending,
        @Schema(description = "听证主持人（schedule-hearing）") String presidingOfficer,
        @Schema(description = "听证笔录（hold-hearing）") String record,
        @Schema(description = "听证报告（hold-hearing）") String report,
        @Schema(description = "罚款金额，元（decide，缺省为呈批的金额）") BigDecimal fineYuan,
        @Schema(description = "一案双罚关联案件的决定书编号（decide）") String linkedNumber,
        @Schema(description = "送达方式（serve）") String method,
        @Schema(description = "送达回证说明（serve）") String receipt,
        @Schema(description = "延期后的缴纳日期（deferral）") LocalDate newDue,
        @Schema(description = "分期计划（instalments），每行“日期:金额”，如 2026-03-31:10000") String plan,
        @Schema(description = "复议/诉讼结果（review-end）") String outcome,
        @Schema(description = "受理强制执行申请的人民法院（enforce）") String court,
        @Schema(description = "不予处罚的法定情形（no-penalty）") String ground,
        @Schema(description = "申请回避的人员类别（recusal-apply）", allowableValues = {"HANDLER", "LEGAL_REVIEWER", "HEARING_OFFICER"}) String recusalRole,
        @Schema(description = "申请回避的人员姓名（recusal-apply）") String personName,
        @Schema(description = "是否决定回避（recusal-decide；true 回避，false 驳回申请）") Boolean granted,
        @Schema(description = "对当事人进行教育的方式和内容（no-penalty，行政处罚法第三十三条第三款）") String education,
        @Schema(description = "移送机关（transfer；criminal-referral：接收移送的公安机关）") String to,
        @Schema(description = "抄送的同级人民检察院（criminal-referral；transfer 且 criminal 为 true 时）") String procuratorate,
        @Schema(description = "公安机关的决定（referral-outcome）", allowableValues = {"ACCEPTED", "RETURNED"}) String referralOutcome,
        @Schema(description = "涉嫌犯罪（transfer）：按行刑衔接程序移送公安机关，与 criminal-referral 相同，须填写 procuratorate") Boolean criminal,
        @Schema(description = "移送依据（transfer）") String basis,
        @Schema(description = "另附材料，每行一项（transfer）") String materials,
        @Schema(description = "另附材料页数（transfer）") Integer extraPages) {

    /** One object of a 查封/扣押 清单. */
    record SeizedObjectLine(@Schema(description = "名称", requiredMode = Schema.RequiredMode.REQUIRED) String name,
                            @Schema(description = "规格") String spec,
                            @Schema(description = "数量", requiredMode = Schema.RequiredMode.REQUIRED) String quantity,
                            @Schema(description = "存放地点") String location) {
    }

    /** The 裁量试算 body of {@code POST /api/v1/cases/{id}/discretion}: the proposal fields of propose-penalty. */
    @Schema(name = "DiscretionTrial", description = "裁量试算的请求内容（与 propose-penalty 的呈批字段相同）")
    record DiscretionTrial(
            @Schema(description = "违法行为代码", requiredMode = Schema.RequiredMode.REQUIRED) String violationCode,
            @Schema(description = "裁量阶次", allowableValues = {"NONE", "MITIGATED", "LIGHTER", "GENERAL", "HEAVIER"}) String tier,
            @Schema(description = "拟罚款金额，元") BigDecimal amountYuan,
            @Schema(description = "理由") String reason,
            @Schema(description = "从轻、减轻情节") String mitigationGround,
            @Schema(description = "其他处罚") String otherMeasures,
            @Schema(description = "案情复杂") Boolean complex,
            @Schema(description = "上一年年收入，元") BigDecimal annualIncomeYuan,
            @Schema(description = "违法所得，元") BigDecimal illegalGainsYuan,
            @Schema(description = "从重情节") Boolean aggravated) {
    }
}
