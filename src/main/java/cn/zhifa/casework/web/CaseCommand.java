package cn.zhifa.casework.web;

import cn.zhifa.casework.CaseManagement;
import cn.zhifa.casework.CaseTransition;
import cn.zhifa.casework.Instalment;
import cn.zhifa.casework.MeasureEnding;
import cn.zhifa.casework.PenaltyProposal;
import cn.zhifa.casework.SeizedObject;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * One typed command per {@link CaseTransition}: the fields the step reads, checked by bean validation with Chinese
 * messages, bound the same way from the case page's form and from the JSON body of
 * {@code POST /api/v1/cases/{id}/actions/{code}} ({@link CaseCommands}). Each command runs itself on
 * {@link CaseManagement} and answers the Chinese confirmation; the case's own guards decide whether it may.
 * Lists are lists (JSON arrays); the page form writes them one item a line.
 */
sealed interface CaseCommand {

    CaseTransition transition();

    /** Runs the step on case {@code id}; returns the Chinese confirmation. */
    String run(long id, CaseManagement cases);

    default String done() {
        return "已完成：" + transition().label() + "。";
    }

    /** The command type of each transition, in procedural order. */
    Map<CaseTransition, Class<? extends CaseCommand>> TYPES = Map.ofEntries(
            Map.entry(CaseTransition.FILE, File.class),
            Map.entry(CaseTransition.INVESTIGATE, Investigate.class),
            Map.entry(CaseTransition.RECORD_ACT, RecordAct.class),
            Map.entry(CaseTransition.EXTEND, Extend.class),
            Map.entry(CaseTransition.MEASURE_APPLY, MeasureApply.class),
            Map.entry(CaseTransition.MEASURE_EMERGENCY, MeasureEmergency.class),
            Map.entry(CaseTransition.MEASURE_APPROVE, MeasureApprove.class),
            Map.entry(CaseTransition.MEASURE_EXTEND, MeasureExtend.class),
            Map.entry(CaseTransition.MEASURE_RELEASE, MeasureRelease.class),
            Map.entry(CaseTransition.MEASURE_DISPOSE, MeasureDispose.class),
            Map.entry(CaseTransition.PROPOSE_PENALTY, ProposePenalty.class),
            Map.entry(CaseTransition.APPROVE_PROPOSAL, ApproveProposal.class),
            Map.entry(CaseTransition.RETURN_PROPOSAL, ReturnProposal.class),
            Map.entry(CaseTransition.REVIEW, Review.class),
            Map.entry(CaseTransition.NOTIFY, Notify.class),
            Map.entry(CaseTransition.STATEMENT, Statement.class),
            Map.entry(CaseTransition.REQUEST_HEARING, RequestHearing.class),
            Map.entry(CaseTransition.SCHEDULE_HEARING, ScheduleHearing.class),
            Map.entry(CaseTransition.HOLD_HEARING, HoldHearing.class),
            Map.entry(CaseTransition.POSTPONE_HEARING, PostponeHearing.class),
            Map.entry(CaseTransition.END_HEARING, EndHearing.class),
            Map.entry(CaseTransition.DECIDE, Decide.class),
            Map.entry(CaseTransition.SERVE, Serve.class),
            Map.entry(CaseTransition.DEFERRAL, Deferral.class),
            Map.entry(CaseTransition.INSTALMENTS, Instalments.class),
            Map.entry(CaseTransition.PAYMENT, Payment.class),
            Map.entry(CaseTransition.REVIEW_START, ReviewStart.class),
            Map.entry(CaseTransition.REVIEW_END, ReviewEnd.class),
            Map.entry(CaseTransition.REMIND, Remind.class),
            Map.entry(CaseTransition.ENFORCE, Enforce.class),
            Map.entry(CaseTransition.NO_PENALTY, NoPenalty.class),
            Map.entry(CaseTransition.REVOKE, Revoke.class),
            Map.entry(CaseTransition.TRANSFER, Transfer.class),
            Map.entry(CaseTransition.CLOSE, Close.class),
            Map.entry(CaseTransition.ARCHIVE, Archive.class),
            Map.entry(CaseTransition.RECUSAL_APPLY, RecusalApply.class),
            Map.entry(CaseTransition.RECUSAL_DECIDE, RecusalDecide.class),
            Map.entry(CaseTransition.REPLACE_HANDLER, ReplaceHandler.class),
            Map.entry(CaseTransition.CRIMINAL_REFERRAL, CriminalReferral.class),
            Map.entry(CaseTransition.REFERRAL_OUTCOME, ReferralOutcome.class));

    String VERSION = "案件版本号（并发校验：页面打开时的版本，他人已办理时拒绝）";

    @Schema(name = "CaseFile", description = "立案审批")
    record File(@Schema(description = VERSION) Integer version,
                @Schema(description = "审批意见") String opinion,
                @Schema(description = "主办人（用户名；缺省为登记人）") String handler,
                @Schema(description = "协办人（用户名）") String secondHandler) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.FILE; }
        public String run(long id, CaseManagement cases) { cases.file(id, version, opinion, handler, secondHandler); return done(); }
    }

    @Schema(name = "CaseInvestigate", description = "登记其他证据（书证、物证、视听资料等）")
    record Investigate(@Schema(description = "证据类别（缺省 EVIDENCE）", allowableValues = {"EVIDENCE"}) String what,
                       @Schema(description = "调查取证内容") String content) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.INVESTIGATE; }
        public String run(long id, CaseManagement cases) { cases.recordInvestigation(id, CaseCommands.stepKind(what), content); return done(); }
    }

    @Schema(name = "CaseRecordAct", description = "登记违法行为发生日期（行政处罚法第三十六条的追责期限由此起算）")
    record RecordAct(@Schema(description = VERSION) Integer version,
                     @Schema(description = "违法行为发生日期", requiredMode = Schema.RequiredMode.REQUIRED)
                     @NotNull(message = "请填写违法行为发生日期。") @DateTimeFormat(iso = ISO.DATE) LocalDate actOn,
                     @Schema(description = "连续或继续状态的违法行为终了日期") @DateTimeFormat(iso = ISO.DATE) LocalDate actEndedOn,
                     @Schema(description = "危及人身健康和生命安全且有危害后果（追责期限五年）") Boolean lifeAndHealth) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.RECORD_ACT; }
        public String run(long id, CaseManagement cases) {
            cases.recordAct(id, version, actOn, actEndedOn, Boolean.TRUE.equals(lifeAndHealth));
            return done();
        }
    }

    @Schema(name = "CaseExtend", description = "延长办案期限")
    record Extend(@Schema(description = VERSION) Integer version,
                  @Schema(description = "延长理由") String reason) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.EXTEND; }
        public String run(long id, CaseManagement cases) { cases.extendDecisionPeriod(id, version, reason); return done(); }
    }

    /** One object of a 查封/扣押 清单. */
    @Schema(name = "SeizedObjectLine", description = "查封/扣押清单中的一项")
    record SeizedObjectLine(@Schema(description = "名称", requiredMode = Schema.RequiredMode.REQUIRED)
                            @NotBlank(message = "清单中每一项都须填写名称。") String name,
                            @Schema(description = "规格") String spec,
                            @Schema(description = "数量", requiredMode = Schema.RequiredMode.REQUIRED)
                            @NotBlank(message = "清单中每一项都须填写数量。") String quantity,
                            @Schema(description = "存放地点") String location) {
        SeizedObject object() {
            return SeizedObject.of(name.strip(), spec, quantity.strip(), location);
        }
    }

    private static List<SeizedObject> objectsOf(List<SeizedObjectLine> lines) {
        return lines == null ? List.of() : lines.stream().map(SeizedObjectLine::object).toList();
    }

    @Schema(name = "CaseMeasureApply", description = "查封/扣押（行政强制法第十八条，经负责人批准）")
    record MeasureApply(@Schema(description = VERSION) Integer version,
                        @Schema(description = "查封或扣押", allowableValues = {"SEAL", "SEIZE"}, requiredMode = Schema.RequiredMode.REQUIRED)
                        @NotBlank(message = "请选择查封或扣押。") String kind,
                        @Schema(description = "查封/扣押清单") @Valid List<SeizedObjectLine> objects,
                        @Schema(description = "理由") String reason,
                        @Schema(description = "法律依据") String legalBasis,
                        @Schema(description = "查封/扣押决定书编号") String decisionNumber) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.MEASURE_APPLY; }
        public String run(long id, CaseManagement cases) {
            int number = cases.applyMeasure(id, version, CaseCommands.measureKind(kind), objectsOf(objects), reason, legalBasis, decisionNumber);
            return "已完成：" + transition().label() + "（第" + number + "号）。";
        }
    }

    @Schema(name = "CaseMeasureEmergency", description = "情况紧急，当场查封/扣押（行政强制法第十九条，二十四小时内补办批准）")
    record MeasureEmergency(@Schema(description = VERSION) Integer version,
                            @Schema(description = "查封或扣押", allowableValues = {"SEAL", "SEIZE"}, requiredMode = Schema.RequiredMode.REQUIRED)
                            @NotBlank(message = "请选择查封或扣押。") String kind,
                            @Schema(description = "查封/扣押清单") @Valid List<SeizedObjectLine> objects,
                            @Schema(description = "理由（紧急情况）") String reason,
                            @Schema(description = "法律依据") String legalBasis,
                            @Schema(description = "查封/扣押决定书编号") String decisionNumber) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.MEASURE_EMERGENCY; }
        public String run(long id, CaseManagement cases) {
            int number = cases.takeMeasureInEmergency(id, version, CaseCommands.measureKind(kind), objectsOf(objects), reason, legalBasis,
                    decisionNumber);
            return "已完成：" + transition().label() + "（第" + number + "号），请在二十四小时内报请负责人补办批准手续。";
        }
    }

    String MEASURE = "查封/扣押措施的编号（本案第几项措施）";
    String MEASURE_MISSING = "请选择要办理的查封、扣押措施（编号）。";

    @Schema(name = "CaseMeasureApprove", description = "补办查封/扣押批准")
    record MeasureApprove(@Schema(description = VERSION) Integer version,
                          @Schema(description = MEASURE, requiredMode = Schema.RequiredMode.REQUIRED)
                          @NotNull(message = MEASURE_MISSING) Integer number) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.MEASURE_APPROVE; }
        public String run(long id, CaseManagement cases) { cases.approveMeasure(id, version, number); return done(); }
    }

    @Schema(name = "CaseMeasureExtend", description = "延长查封/扣押期限（行政强制法第二十五条）")
    record MeasureExtend(@Schema(description = VERSION) Integer version,
                         @Schema(description = MEASURE, requiredMode = Schema.RequiredMode.REQUIRED)
                         @NotNull(message = MEASURE_MISSING) Integer number,
                         @Schema(description = "延长理由") String reason) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.MEASURE_EXTEND; }
        public String run(long id, CaseManagement cases) { cases.extendMeasure(id, version, number, reason); return done(); }
    }

    @Schema(name = "CaseMeasureRelease", description = "解除查封/扣押（行政强制法第二十八条）")
    record MeasureRelease(@Schema(description = VERSION) Integer version,
                          @Schema(description = MEASURE, requiredMode = Schema.RequiredMode.REQUIRED)
                          @NotNull(message = MEASURE_MISSING) Integer number,
                          @Schema(description = "解除理由") String reason) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.MEASURE_RELEASE; }
        public String run(long id, CaseManagement cases) { cases.endMeasure(id, version, number, MeasureEnding.RELEASED, reason); return done(); }
    }

    @Schema(name = "CaseMeasureDispose", description = "查封/扣押财物处理决定")
    record MeasureDispose(@Schema(description = VERSION) Integer version,
                          @Schema(description = MEASURE, requiredMode = Schema.RequiredMode.REQUIRED)
                          @NotNull(message = MEASURE_MISSING) Integer number,
                          @Schema(description = "处理决定") String reason) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.MEASURE_DISPOSE; }
        public String run(long id, CaseManagement cases) { cases.endMeasure(id, version, number, MeasureEnding.DISPOSED, reason); return done(); }
    }

    @Schema(name = "CaseProposePenalty", description = "案件处理呈批：违法行为、裁量阶次和拟罚款金额")
    record ProposePenalty(@Schema(description = VERSION) Integer version,
                          @Schema(description = "违法行为代码（见 GET /api/v1/cases/violations）", requiredMode = Schema.RequiredMode.REQUIRED)
                          @NotBlank(message = "请选择违法行为。") String violationCode,
                          @Schema(description = "裁量阶次（缺省 GENERAL）", allowableValues = {"NONE", "MITIGATED", "LIGHTER", "GENERAL", "HEAVIER"}) String tier,
                          @Schema(description = "拟罚款金额，元", requiredMode = Schema.RequiredMode.REQUIRED)
                          @NotNull(message = "请填写金额。") @PositiveOrZero(message = "拟罚款金额不能为负数。") BigDecimal amountYuan,
                          @Schema(description = "理由") String reason,
                          @Schema(description = "从轻、减轻情节") String mitigationGround,
                          @Schema(description = "其他处罚") String otherMeasures,
                          @Schema(description = "案情复杂") Boolean complex,
                          @Schema(description = "上一年年收入，元（按收入比例处罚时）") BigDecimal annualIncomeYuan,
                          @Schema(description = "违法所得，元") BigDecimal illegalGainsYuan,
                          @Schema(description = "从重情节") Boolean aggravated,
                          @Schema(description = "违反的法律条款；缺省取违法行为的配置") String violatedProvision) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.PROPOSE_PENALTY; }
        PenaltyProposal proposal() {
            return new PenaltyProposal(violationCode, CaseCommands.tier(tier), amountYuan, reason, mitigationGround, otherMeasures,
                    Boolean.TRUE.equals(complex), annualIncomeYuan, illegalGainsYuan, Boolean.TRUE.equals(aggravated), violatedProvision);
        }
        public String run(long id, CaseManagement cases) { cases.proposePenalty(id, version, proposal()); return done(); }
    }

    @Schema(name = "CaseApproveProposal", description = "审批处理意见")
    record ApproveProposal(@Schema(description = VERSION) Integer version,
                           @Schema(description = "审批意见") String opinion) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.APPROVE_PROPOSAL; }
        public String run(long id, CaseManagement cases) { cases.approveProposal(id, version, opinion); return done(); }
    }

    @Schema(name = "CaseReturnProposal", description = "退回处理意见")
    record ReturnProposal(@Schema(description = VERSION) Integer version,
                          @Schema(description = "退回意见") String opinion) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.RETURN_PROPOSAL; }
        public String run(long id, CaseManagement cases) { cases.returnProposal(id, version, opinion); return done(); }
    }

    @Schema(name = "CaseReview", description = "法制审核")
    record Review(@Schema(description = VERSION) Integer version,
                  @Schema(description = "审核意见：同意、修改或退回", allowableValues = {"AGREE", "MODIFY", "RETURN"}) String opinion,
                  @Schema(description = "法制审核意见书正文") String text) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.REVIEW; }
        public String run(long id, CaseManagement cases) { cases.reviewLegally(id, version, CaseCommands.opinion(opinion), text); return done(); }
    }

    @Schema(name = "CaseNotify", description = "行政处罚告知")
    record Notify(@Schema(description = VERSION) Integer version) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.NOTIFY; }
        public String run(long id, CaseManagement cases) { cases.notifyParty(id, version); return done(); }
    }

    @Schema(name = "CaseStatement", description = "记录陈述申辩")
    record Statement(@Schema(description = "陈述申辩内容") String statement,
                     @Schema(description = "放弃陈述申辩") Boolean waive) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.STATEMENT; }
        public String run(long id, CaseManagement cases) { cases.recordStatement(id, statement, Boolean.TRUE.equals(waive)); return done(); }
    }

    @Schema(name = "CaseRequestHearing", description = "登记听证申请（无请求内容）")
    record RequestHearing() implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.REQUEST_HEARING; }
        public String run(long id, CaseManagement cases) { cases.requestHearing(id); return done(); }
    }

    @Schema(name = "CaseScheduleHearing", description = "通知听证（行政处罚法第六十四条）")
    record ScheduleHearing(@Schema(description = "听证日期", requiredMode = Schema.RequiredMode.REQUIRED)
                           @NotNull(message = "请填写听证日期。") @DateTimeFormat(iso = ISO.DATE) LocalDate hearingOn,
                           @Schema(description = "听证主持人") String presidingOfficer,
                           @Schema(description = "听证地点") String place,
                           @Schema(description = "不公开举行的理由（涉及国家秘密、商业秘密或者个人隐私；空为公开举行）") String privateReason)
            implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.SCHEDULE_HEARING; }
        public String run(long id, CaseManagement cases) { cases.scheduleHearing(id, hearingOn, presidingOfficer, place, privateReason); return done(); }
    }

    @Schema(name = "CaseHoldHearing", description = "记录听证")
    record HoldHearing(@Schema(description = "听证笔录") String record,
                       @Schema(description = "听证报告") String report) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.HOLD_HEARING; }
        public String run(long id, CaseManagement cases) { cases.holdHearing(id, record, report); return done(); }
    }

    @Schema(name = "CasePostponeHearing", description = "延期举行听证")
    record PostponeHearing(@Schema(description = "延期后的听证日期", requiredMode = Schema.RequiredMode.REQUIRED)
                           @NotNull(message = "请填写延期后的听证日期。") @DateTimeFormat(iso = ISO.DATE) LocalDate hearingOn,
                           @Schema(description = "延期理由") String reason) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.POSTPONE_HEARING; }
        public String run(long id, CaseManagement cases) { cases.postponeHearing(id, hearingOn, reason); return done(); }
    }

    @Schema(name = "CaseEndHearing", description = "终止听证（撤回申请、拒不出席或中途退出，行政处罚法第六十四条第六项）")
    record EndHearing(@Schema(description = "终止听证的情形", allowableValues = {"WITHDRAWN", "ABSENT", "LEFT"}, requiredMode = Schema.RequiredMode.REQUIRED)
                      @NotBlank(message = "请选择终止听证的情形（撤回申请、拒不出席或中途退出）。") String ending,
                      @Schema(description = "说明") String reason) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.END_HEARING; }
        public String run(long id, CaseManagement cases) { cases.endHearingUnheld(id, CaseCommands.hearingEnding(ending), reason); return done(); }
    }

    @Schema(name = "CaseDecide", description = "作出处罚决定")
    record Decide(@Schema(description = VERSION) Integer version,
                  @Schema(description = "行政处罚决定书编号") String number,
                  @Schema(description = "罚款金额，元（缺省为呈批的金额）") @PositiveOrZero(message = "罚款金额不能为负数。") BigDecimal fineYuan,
                  @Schema(description = "一案双罚关联案件的决定书编号") String linkedNumber) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.DECIDE; }
        public String run(long id, CaseManagement cases) { cases.decide(id, version, number, fineYuan, linkedNumber); return done(); }
    }

    @Schema(name = "CaseServe", description = "送达")
    record Serve(@Schema(description = "送达方式") String method,
                 @Schema(description = "送达回证说明") String receipt) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.SERVE; }
        public String run(long id, CaseManagement cases) { cases.serve(id, method, receipt); return done(); }
    }

    @Schema(name = "CaseDeferral", description = "批准延期缴纳（行政处罚法第六十六条）")
    record Deferral(@Schema(description = VERSION) Integer version,
                    @Schema(description = "延期后的缴纳日期", requiredMode = Schema.RequiredMode.REQUIRED)
                    @NotNull(message = "请填写延期后的缴纳日期。") @DateTimeFormat(iso = ISO.DATE) LocalDate newDue,
                    @Schema(description = "理由") String reason) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.DEFERRAL; }
        public String run(long id, CaseManagement cases) { cases.approveDeferral(id, version, newDue, reason); return done(); }
    }

    /** One part of an 分期 plan. */
    @Schema(name = "InstalmentLine", description = "分期计划中的一期")
    record InstalmentLine(@Schema(description = "缴纳日期", requiredMode = Schema.RequiredMode.REQUIRED)
                          @NotNull(message = "请填写分期缴纳日期。") LocalDate dueOn,
                          @Schema(description = "金额，元", requiredMode = Schema.RequiredMode.REQUIRED)
                          @NotNull(message = "请填写每期的金额。") @Positive(message = "每期的金额应大于零。") BigDecimal amountYuan) {
    }

    @Schema(name = "CaseInstalments", description = "批准分期缴纳（行政处罚法第六十六条）")
    record Instalments(@Schema(description = VERSION) Integer version,
                       @Schema(description = "分期计划", requiredMode = Schema.RequiredMode.REQUIRED)
                       @NotEmpty(message = "请填写分期计划（每行“日期:金额”）。") List<@Valid InstalmentLine> plan,
                       @Schema(description = "理由") String reason) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.INSTALMENTS; }
        public String run(long id, CaseManagement cases) {
            cases.approveInstalments(id, version, plan.stream().map(p -> new Instalment(p.dueOn(), p.amountYuan())).toList(), reason);
            return done();
        }
    }

    @Schema(name = "CasePayment", description = "登记缴款")
    record Payment(@Schema(description = "缴款金额，元", requiredMode = Schema.RequiredMode.REQUIRED)
                   @NotNull(message = "请填写金额。") BigDecimal amountYuan) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.PAYMENT; }
        public String run(long id, CaseManagement cases) { cases.recordPayment(id, amountYuan); return done(); }
    }

    @Schema(name = "CaseReviewStart", description = "登记复议/诉讼")
    record ReviewStart(@Schema(description = "复议或诉讼") String what) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.REVIEW_START; }
        public String run(long id, CaseManagement cases) { cases.startReviewOrLitigation(id, what); return done(); }
    }

    @Schema(name = "CaseReviewEnd", description = "复议/诉讼终结")
    record ReviewEnd(@Schema(description = "复议/诉讼结果") String outcome) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.REVIEW_END; }
        public String run(long id, CaseManagement cases) { cases.endReviewOrLitigation(id, outcome); return done(); }
    }

    @Schema(name = "CaseRemind", description = "催告（行政强制法第五十四条；无请求内容）")
    record Remind() implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.REMIND; }
        public String run(long id, CaseManagement cases) { cases.remind(id); return done(); }
    }

    @Schema(name = "CaseEnforce", description = "申请人民法院强制执行")
    record Enforce(@Schema(description = VERSION) Integer version,
                   @Schema(description = "受理强制执行申请的人民法院") String court) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.ENFORCE; }
        public String run(long id, CaseManagement cases) { cases.applyForEnforcement(id, version, court); return done(); }
    }

    @Schema(name = "CaseNoPenalty", description = "不予处罚（行政处罚法第三十三条）")
    record NoPenalty(@Schema(description = VERSION) Integer version,
                     @Schema(description = "不予处罚的法定情形") String ground,
                     @Schema(description = "理由") String reason,
                     @Schema(description = "对当事人进行教育的方式和内容（第三十三条第三款）") String education) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.NO_PENALTY; }
        public String run(long id, CaseManagement cases) { cases.decideNoPenalty(id, version, ground, reason, education); return done(); }
    }

    @Schema(name = "CaseRevoke", description = "撤销立案")
    record Revoke(@Schema(description = VERSION) Integer version,
                  @Schema(description = "理由") String reason) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.REVOKE; }
        public String run(long id, CaseManagement cases) { cases.revokeFiling(id, version, reason); return done(); }
    }

    @Schema(name = "CaseTransfer", description = "移送（涉嫌犯罪时按行刑衔接程序移送公安机关）")
    record Transfer(@Schema(description = VERSION) Integer version,
                    @Schema(description = "移送机关") String to,
                    @Schema(description = "涉嫌犯罪：按行刑衔接程序移送公安机关，须填写 procuratorate") Boolean criminal,
                    @Schema(description = "抄送的同级人民检察院（criminal 为 true 时）") String procuratorate,
                    @Schema(description = "理由") String reason,
                    @Schema(description = "移送依据") String basis,
                    @Schema(description = "另附材料（本案已签发的文书自动列入）") List<String> materials,
                    @Schema(description = "另附材料页数") @PositiveOrZero(message = "另附材料页数不能为负数。") Integer extraPages)
            implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.TRANSFER; }
        public String run(long id, CaseManagement cases) {
            cases.transfer(id, version, to, Boolean.TRUE.equals(criminal), procuratorate, reason, basis,
                    materials == null ? List.of() : materials, extraPages);
            return done();
        }
    }

    @Schema(name = "CaseClose", description = "结案审批")
    record Close(@Schema(description = VERSION) Integer version,
                 @Schema(description = "审批意见") String opinion) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.CLOSE; }
        public String run(long id, CaseManagement cases) { cases.close(id, version, opinion); return done(); }
    }

    @Schema(name = "CaseArchive", description = "归档（无请求内容）")
    record Archive() implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.ARCHIVE; }
        public String run(long id, CaseManagement cases) { cases.archive(id); return done(); }
    }

    @Schema(name = "CaseRecusalApply", description = "登记回避申请（行政处罚法第四十三条）")
    record RecusalApply(@Schema(description = VERSION) Integer version,
                        @Schema(description = "申请回避的人员类别", allowableValues = {"HANDLER", "LEGAL_REVIEWER", "HEARING_OFFICER"},
                                requiredMode = Schema.RequiredMode.REQUIRED)
                        @NotBlank(message = "请选择申请回避的人员类别（承办人、法制审核人员或听证主持人）。") String recusalRole,
                        @Schema(description = "申请回避的人员姓名") String personName,
                        @Schema(description = "理由") String reason) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.RECUSAL_APPLY; }
        public String run(long id, CaseManagement cases) {
            cases.applyForRecusal(id, version, CaseCommands.recusalRole(recusalRole), personName, reason);
            return done();
        }
    }

    @Schema(name = "CaseRecusalDecide", description = "回避决定")
    record RecusalDecide(@Schema(description = VERSION) Integer version,
                         @Schema(description = "回避申请的编号（缺省 1）") Integer number,
                         @Schema(description = "是否决定回避（true 回避，false 驳回申请）") Boolean granted,
                         @Schema(description = "理由") String reason) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.RECUSAL_DECIDE; }
        public String run(long id, CaseManagement cases) {
            cases.decideRecusal(id, version, number == null ? 1 : number, Boolean.TRUE.equals(granted), reason);
            return done();
        }
    }

    @Schema(name = "CaseReplaceHandler", description = "更换回避的承办人")
    record ReplaceHandler(@Schema(description = VERSION) Integer version,
                          @Schema(description = "新的承办人（用户名）") String handler) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.REPLACE_HANDLER; }
        public String run(long id, CaseManagement cases) { cases.replaceRecusedHandler(id, version, handler); return done(); }
    }

    @Schema(name = "CaseCriminalReferral", description = "移送涉嫌犯罪案件（行刑衔接）")
    record CriminalReferral(@Schema(description = VERSION) Integer version,
                            @Schema(description = "接收移送的公安机关") String to,
                            @Schema(description = "抄送的同级人民检察院") String procuratorate,
                            @Schema(description = "理由") String reason) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.CRIMINAL_REFERRAL; }
        public String run(long id, CaseManagement cases) { cases.referForCrime(id, version, to, procuratorate, reason); return done(); }
    }

    @Schema(name = "CaseReferralOutcome", description = "登记公安机关立案或退回")
    record ReferralOutcome(@Schema(description = VERSION) Integer version,
                           @Schema(description = "移送的编号（缺省 1）") Integer number,
                           @Schema(description = "公安机关的决定", allowableValues = {"ACCEPTED", "RETURNED"}, requiredMode = Schema.RequiredMode.REQUIRED)
                           @NotBlank(message = "请选择公安机关的决定（立案或者不予立案退回）。") String referralOutcome,
                           @Schema(description = "说明") String reason) implements CaseCommand {
        public CaseTransition transition() { return CaseTransition.REFERRAL_OUTCOME; }
        public String run(long id, CaseManagement cases) {
            cases.recordReferralOutcome(id, version, number == null ? 1 : number, CaseCommands.referralOutcome(referralOutcome), reason);
            return done();
        }
    }
}
