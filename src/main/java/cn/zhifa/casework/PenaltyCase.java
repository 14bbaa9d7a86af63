package cn.zhifa.casework;

import static cn.zhifa.casework.Checks.notBlank;
import static cn.zhifa.casework.Checks.orDefault;
import static cn.zhifa.casework.Checks.require;
import static cn.zhifa.casework.Checks.role;
import static cn.zhifa.casework.Checks.yuan;

import cn.zhifa.law.AccidentGrade;
import cn.zhifa.law.Deadline;
import cn.zhifa.law.ProcedureRules;
import cn.zhifa.shared.Verdict;
import cn.zhifa.shared.db.KeyedChildren;
import cn.zhifa.shared.security.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A penalty case (行政处罚案件). Lifecycle of the ordinary procedure:
 * 拟立案 → {@link #file 立案审批} → 调查取证 ({@link #recordInvestigation}) → {@link #proposePenalty 案件处理呈批}
 * → {@link #approveProposal 审批} → {@link #reviewLegally 法制审核} (when triggered) → {@link #discussCollectively 集体讨论}
 * (major or complex) → {@link #notifyParty 告知} (陈述申辩, 听证) → {@link #requestHearing}/{@link #scheduleHearing}/
 * {@link #holdHearing} → {@link #decide 决定} → {@link #serve 送达} → 执行 ({@link #recordPayment}, deferral,
 * instalments, surcharge, {@link #remind 催告}, {@link #applyForEnforcement 申请强制执行}) → {@link #close 结案}
 * → {@link #archive 归档}. Branches: {@link #decideNoPenalty 不予处罚}, {@link #revokeFiling 撤销立案},
 * {@link #transfer 移送}; the summary procedure starts at {@link #decideOnTheSpot 当场处罚}.
 * Every transition guards (a named {@code may…} policy returning a {@link Verdict}), changes state, records the
 * step (who, when, opinion) and registers a past-tense {@link CaseEvent}. Optimistic locking: {@code version}.
 */
@Table("penalty_case")
public class PenaltyCase extends AbstractAggregateRoot<PenaltyCase> implements KeyedChildren {

    private static final Set<CaseStage> BEFORE_NOTICE = EnumSet.of(CaseStage.PROPOSED, CaseStage.FILED,
            CaseStage.PENALTY_PROPOSED, CaseStage.LEGAL_REVIEW, CaseStage.COLLECTIVE_DISCUSSION, CaseStage.APPROVED);
    private static final Set<StepKind> INVESTIGATION = EnumSet.of(StepKind.INQUIRY, StepKind.SITE_EXAMINATION, StepKind.EVIDENCE);

    @Id
    private Long id;
    private String caseNumber;
    private long organizationId;
    private CaseKind kind;
    /** Set when 立案 or a decision changed what reporting counts; {@link CaseReportPublisher} publishes it after the save. */
    @org.springframework.data.annotation.Transient
    private transient boolean reportChanged;
    private CaseSource source;
    private String sourceReference;
    private ProcedureKind procedureKind;
    private CaseStage stage;
    private String title;
    private String facts;
    private String suggestedArticle;
    private Long enterpriseId;
    private PartyKind partyKind;
    private String partyName;
    private String partyCode;
    private String partyRepresentative;
    private String partyAddress;
    private String violationCode;
    private Integer penaltyArticle;
    private BigDecimal fineYuan;
    private BigDecimal confiscatedGainsYuan;
    private String violatedProvision;
    private LocalDate actOn;
    private LocalDate actEndedOn;
    private boolean lifeAndHealthHarmed;
    private BigDecimal legalMinYuan;
    private BigDecimal legalMaxYuan;
    private Tier tier;
    private String tierReason;
    private String otherMeasures;
    private boolean complex;
    private boolean legalReviewRequired;
    private String legalReviewReasons;
    private boolean collectiveDiscussionRequired;
    private Integer accidentDeaths;
    private Integer accidentInjuries;
    private BigDecimal accidentLossYuan;
    private AccidentGrade accidentGrade;
    private long handlerId;
    private String handlerName;
    private Long coHandlerId;
    private String coHandlerName;
    private LocalDate proposedOn;
    private LocalDate filedOn;
    private int decisionExtensions;
    private LocalDate notifiedOn;
    private BigDecimal notifiedFineYuan;
    private boolean hearingRight;
    private boolean statementWaived;
    @Embedded.Empty
    private Hearing hearing = new Hearing();
    private LocalDate decidedOn;
    private String decisionNumber;
    private LocalDate servedOn;
    private String serviceMethod;
    private String serviceReceipt;
    private LocalDate executedOn;
    private LocalDate closedOn;
    private LocalDate archivedOn;
    private String endReason;
    private String transferredTo;
    private boolean criminalTransfer;
    private Long linkedCaseId;
    private Long meetingId;
    @MappedCollection(idColumn = "penalty_case", keyColumn = "position")
    private List<CaseStep> steps = new ArrayList<>();
    @Embedded.Empty
    private Execution execution = new Execution();
    @Embedded.Empty
    private CoerciveMeasures measures = new CoerciveMeasures();
    @Embedded.Empty
    private Recusals recusals = new Recusals();
    @Embedded.Empty
    private CriminalReferrals referrals = new CriminalReferrals();
    @Version
    private int version;
    private Instant createdAt;
    /** The 专项 (planning's campaign id) of the record or hazard the case comes from. */
    private Long campaignId;

    private PenaltyCase() {
    }

    /** 案件来源登记: a proposed case waiting for 立案审批. */
    public static PenaltyCase propose(ProposedCase proposal, String caseNumber, AccidentGrade grade, Acting by, When when) {
        require(proposal.party() != null && notBlank(proposal.party().name()), "请填写当事人名称。");
        require(notBlank(proposal.title()), "请填写案由。");
        require(proposal.kind() != CaseKind.ACCIDENT || proposal.accident() != null, "事故处罚案件须填写事故死亡、重伤人数和直接经济损失。");
        PenaltyCase c = new PenaltyCase();
        c.caseNumber = caseNumber;
        c.organizationId = proposal.organizationId();
        c.kind = proposal.kind();
        c.source = proposal.source();
        c.sourceReference = proposal.sourceReference();
        c.campaignId = proposal.campaignId();
        c.procedureKind = ProcedureKind.ORDINARY;
        c.stage = CaseStage.PROPOSED;
        c.title = proposal.title().strip();
        c.facts = proposal.facts();
        c.suggestedArticle = proposal.suggestedArticle();
        c.enterpriseId = proposal.enterpriseId();
        PartySnapshot party = proposal.party();
        c.partyKind = party.kind();
        c.partyName = party.name().strip();
        c.partyCode = party.code();
        c.partyRepresentative = party.legalRepresentative();
        c.partyAddress = party.address();
        c.violationCode = proposal.violationCode();
        if (proposal.accident() != null) {
            c.accidentDeaths = proposal.accident().deaths();
            c.accidentInjuries = proposal.accident().seriousInjuries();
            c.accidentLossYuan = proposal.accident().directLossYuan();
            c.accidentGrade = grade;
        }
        c.linkedCaseId = proposal.linkedCaseId();
        c.handlerId = by.userId();
        c.handlerName = by.name();
        c.proposedOn = proposal.foundOn() == null ? when.day() : proposal.foundOn();
        c.createdAt = when.at();
        c.step(StepKind.PROPOSED, by, when, c.source.label()
                + (c.getShownSourceReference() == null ? "" : "（" + c.getShownSourceReference() + "）"));
        return c;
    }

    /**
     * 简易程序: a warning or a small fine decided and served on the spot (行政处罚法第五十一条); the case starts
     * in execution. The fine lies inside the violated article's range; a 警告 (fine 0) only where the article provides
     * one (listed among its other measures): a case without a penalty goes through 不予处罚.
     */
    public static PenaltyCase decideOnTheSpot(ProposedCase proposal, String caseNumber, String decisionNumber,
                                              BigDecimal fineYuan, Violation violation, Acting by, When when,
                                              CasePeriods periods) {
        ProcedureRules procedure = periods.procedure();
        require(fineYuan != null, "请填写罚款金额。");
        BigDecimal fine = yuan(fineYuan);
        require(fine.signum() >= 0, "罚款金额不能为负数。");
        require(violation != null, "请选择违法行为（决定书须写明违反的规定和处罚依据）。");
        mayDecideOnTheSpot(proposal.party().kind(), fine, violation, procedure).orThrow();
        String violationCode = violation.code();
        require(by.has(Role.OFFICER), "当场处罚须由执法人员作出。");
        PenaltyCase c = propose(proposal, caseNumber, null, by, when);
        c.procedureKind = ProcedureKind.SUMMARY;
        c.violationCode = violationCode;
        c.fineYuan = fine;
        c.notifiedFineYuan = fine;
        c.tier = Tier.GENERAL;
        c.filedOn = when.day();
        c.notifiedOn = when.day();
        c.decidedOn = when.day();
        c.decisionNumber = decisionNumber;
        c.servedOn = when.day();
        c.serviceMethod = "当场交付";
        c.serviceReceipt = "当事人当场签收";
        c.reportChanged = true;
        c.penaltyArticle = violation.article();
        c.legalMinYuan = violation.fineKind() == cn.zhifa.law.PenaltyArticle.FineKind.AMOUNT ? violation.min() : null;
        c.legalMaxYuan = violation.fineKind() == cn.zhifa.law.PenaltyArticle.FineKind.AMOUNT ? violation.max() : null;
        c.step(StepKind.ON_THE_SPOT, by, when, "当场告知违法事实、处罚理由和依据及陈述申辩权利，当场作出处罚决定并交付："
                + (fine.signum() == 0 ? "警告" : "罚款" + DiscretionEngine.plain(fine) + "元") + "（依据" + violation.articleTitle() + "）");
        if (fine.signum() == 0) {
            c.stage = CaseStage.EXECUTED;
            c.executedOn = when.day();
        } else {
            c.stage = CaseStage.EXECUTING;
            c.execution.start(periods.paymentDue(when.day()).due(), fine);
        }
        return c;
    }

    /**
     * 当场处罚 (行政处罚法第五十一条): within the summary limits, a fine inside the violated article's range, and a 警告 only
     * where the article provides one.
     */
    public static Verdict mayDecideOnTheSpot(PartyKind party, BigDecimal fine, Violation violation, ProcedureRules procedure) {
        if (fine.signum() == 0) {
            return violation.otherMeasures().stream().anyMatch(m -> m.contains("警告")) ? Verdict.allow()
                    : Verdict.refuse(violation.articleTitle() + "未规定警告，当场处罚须处以罚款；不予行政处罚的，"
                    + "应当按照普通程序作出不予行政处罚决定（行政处罚法第五十一条、第三十三条）。");
        }
        if (!procedure.summaryProcedureAllowed(party.forProcedure(), fine)) {
            return Verdict.refuse("当场处罚限于对" + (party == PartyKind.UNIT ? "法人或者其他组织" : "公民")
                    + "处" + DiscretionEngine.plain(procedure.summaryProcedureLimit(party.forProcedure()))
                    + "元以下罚款或者警告（" + procedure.summaryProcedureSource() + "），本案应适用普通程序。");
        }
        if (violation.fineKind() != cn.zhifa.law.PenaltyArticle.FineKind.AMOUNT) {
            return Verdict.refuse(violation.articleTitle() + "的罚款按违法所得、收入或者倍数计算，不能当场处罚，"
                    + "应适用普通程序（行政处罚法第五十一条）。");
        }
        boolean inRange = fine.compareTo(violation.min()) >= 0 && fine.compareTo(violation.max()) <= 0;
        if (!inRange) {
            String range = violation.min().signum() == 0 ? DiscretionEngine.plain(violation.max()) + "元以下"
                    : DiscretionEngine.plain(violation.min()) + "元以上" + DiscretionEngine.plain(violation.max()) + "元以下";
            return Verdict.refuse(violation.articleTitle() + "规定对" + violation.party().label() + "处" + range
                    + "的罚款，罚款" + DiscretionEngine.plain(fine) + "元不在法定幅度内，不能当场处罚"
                    + "（行政处罚法第五十一条：违法事实确凿并有法定依据）。");
        }
        return Verdict.allow();
    }

    // ---- 立案

    public Verdict mayFile(Acting by) {
        return Verdict.all(inStage("立案", CaseStage.PROPOSED), role(by, Role.LEADER, "立案审批"));
    }

    /**
     * 一事不再罚 (行政处罚法第二十九条): the same party's same act (same violation and date of the act) already fined in
     * another case may not be fined again; the earlier case is named.
     */
    public Verdict notFinedTwice(List<PenaltyCase> sameViolationAndDay) {
        if (actOn == null || violationCode == null) {
            return Verdict.allow();
        }
        return sameViolationAndDay.stream()
                .filter(o -> o != this && (id == null || !id.equals(o.id)))
                .filter(o -> violationCode.equals(o.violationCode) && actOn.equals(o.actOn))
                .filter(o -> o.decidedOn != null && o.fineYuan != null && o.fineYuan.signum() > 0)
                .filter(this::sameParty)
                .findFirst()
                .map(o -> Verdict.refuse("当事人的同一违法行为已由" + o.caseNumber + "案件（" + o.decisionNumber + "）给予罚款，"
                        + "不得给予两次以上罚款的行政处罚（行政处罚法第二十九条）。"))
                .orElse(Verdict.allow());
    }

    private boolean sameParty(PenaltyCase other) {
        if (enterpriseId != null && enterpriseId.equals(other.enterpriseId) && partyKind == other.partyKind) {
            return partyKind == PartyKind.UNIT || java.util.Objects.equals(partyCode, other.partyCode);
        }
        return partyCode != null && !partyCode.isBlank() && partyCode.equals(other.partyCode);
    }

    /** 立案 within the limitation period (行政处罚法第三十六条) when the date of the act is known. */
    public Verdict mayFile(Acting by, CasePeriods periods) {
        return Verdict.all(mayFile(by), withinLimitation(periods));
    }

    /**
     * The date of the act (违法行为发生之日), the end of a continuing act (连续或者继续状态的终了之日) if any, and whether it
     * endangered life and health with consequences (the five-year period of 行政处罚法第三十六条第一款); before the notice.
     */
    public Verdict mayRecordAct() {
        return beforeNotice() ? Verdict.allow() : Verdict.refuse("已告知当事人的案件不能再改变违法行为的发生日期。");
    }

    public void recordAct(LocalDate on, LocalDate endedOn, boolean lifeAndHealth, LocalDate today) {
        mayRecordAct().orThrow();
        require(on != null, "请填写违法行为发生日期。");
        require(!on.isAfter(today), "违法行为发生日期不能晚于今天。");
        require(endedOn == null || !endedOn.isBefore(on), "违法行为终了日期不能早于发生日期。");
        require(endedOn == null || !endedOn.isAfter(today), "违法行为终了日期不能晚于今天。");
        actOn = on;
        actEndedOn = endedOn;
        lifeAndHealthHarmed = lifeAndHealth;
    }

    /**
     * 追责时效 (行政处罚法第三十六条): an act not discovered within two years (five where life and health were endangered
     * with consequences) is not punished; the period runs from the act, or from the end of a continuing act, and the
     * case was discovered when it was proposed. Allowed when the date of the act is not recorded.
     */
    public Verdict withinLimitation(CasePeriods periods) {
        if (actOn == null) {
            return Verdict.allow();
        }
        LocalDate from = actEndedOn != null ? actEndedOn : actOn;
        Deadline limit = periods.limitationDue(from, lifeAndHealthHarmed);
        if (limit.isOverdueOn(proposedOn)) {
            return Verdict.refuse("违法行为自" + from + (actEndedOn != null ? "（行为终了之日）" : "") + "起"
                    + (lifeAndHealthHarmed ? "五年" : "二年") + "内未被发现（" + proposedOn + "发现，时效至" + limit.due()
                    + "届满），不再给予行政处罚（行政处罚法第三十六条）。");
        }
        return Verdict.allow();
    }

    public void file(Acting leader, When when, String opinion) {
        mayFile(leader).orThrow();
        stage = CaseStage.FILED;
        filedOn = when.day();
        step(StepKind.FILED, leader, when, orDefault(opinion, "同意立案"));
        registerEvent(new CaseEvent.CaseFiled(id, filedOn, enterpriseId));
        reportChanged = true;
    }

    /**
     * 执法人员不得少于两人 (行政处罚法第四十二条): the leader names the second 承办人 when approving the filing; both sign
     * the case's approval forms.
     */
    /** A case the system proposed (a hazard overdue, no officer behind it) gets its 承办人 from the filing leader. */
    public boolean needsHandler() {
        return handlerId == 0;
    }

    public void assignHandler(Acting leader, long userId, String name) {
        mayFile(leader).orThrow();
        require(needsHandler(), "本案已有承办人（" + handlerName + "）。");
        require(notBlank(name), "请选择承办人。");
        handlerId = userId;
        handlerName = name.strip();
    }

    public void nameSecondHandler(Acting leader, long userId, String name) {
        mayFile(leader).orThrow();
        require(userId != handlerId, "第二承办人不能与承办人（" + handlerName + "）为同一人。");
        require(notBlank(name), "请选择第二承办人。");
        coHandlerId = userId;
        coHandlerName = name.strip();
    }

    // ---- 调查取证

    public Verdict mayInvestigate() {
        return inStage("记录调查取证", CaseStage.FILED);
    }

    public void recordInvestigation(StepKind what, Acting by, When when, String content) {
        mayInvestigate().orThrow();
        require(INVESTIGATION.contains(what), "调查取证记录的类别应为询问、勘验或证据。");
        require(notBlank(content), "请填写" + what.label() + "的内容。");
        step(what, by, when, content.strip());
    }

    /**
     * The decision on evidence preserved in advance (先行登记保存处理决定): recorded as an evidence step in any stage,
     * since the 7-working-day period of 行政处罚法第五十六条 runs whatever the case's stage.
     */
    public void recordPreservationDecision(Acting by, When when, String content) {
        require(notBlank(content), "请填写先行登记保存处理决定的内容。");
        step(StepKind.EVIDENCE, by, when, content.strip());
    }

    /**
     * The provision the party breached, as the 呈批表, 告知书 and 决定书 cite it (行政处罚法第四十四条、第五十九条: the facts,
     * the law breached and the basis); named with the penalty proposal, before the notice.
     */
    public void nameViolatedProvision(String provision) {
        require(beforeNotice(), "已告知当事人的案件不能再改变违反的法律条款。");
        require(provision == null || provision.strip().length() <= 200, "违反的法律条款过长。");
        violatedProvision = provision == null || provision.isBlank() ? null : provision.strip();
    }

    public boolean investigated() {
        return steps.stream().anyMatch(s -> INVESTIGATION.contains(s.kind()));
    }

    public Verdict mayExtend(Acting by, CasePeriods periods) {
        return Verdict.all(
                filedOn == null || decidedOn != null || !stage.open() || stage == CaseStage.NOT_PUNISHED
                        ? Verdict.refuse("只有已立案、尚未作出决定的案件才能延长办案期限。") : Verdict.allow(),
                decisionExtensions >= periods.maxExtensions()
                        ? Verdict.refuse("办案期限已延长" + decisionExtensions + "次，不能再延长。") : Verdict.allow(),
                role(by, Role.LEADER, "延长办案期限"));
    }

    /** 延长办案期限: the first extension on the head's approval, the next on the next-level authority's. */
    public void extendDecisionPeriod(Acting leader, When when, String reason, CasePeriods periods) {
        mayExtend(leader, periods).orThrow();
        require(notBlank(reason), "请填写延长办案期限的理由。");
        String approver = periods.rules().decisionPeriod().extensionApprovers().get(decisionExtensions);
        decisionExtensions++;
        Deadline due = periods.decisionDue(filedOn, decisionExtensions);
        step(StepKind.EXTENDED, leader, when, approver + "：" + reason.strip() + "；办案期限延至" + due.due());
    }

    // ---- 案件处理呈批

    public Verdict mayProposePenalty() {
        return Verdict.all(inStage("呈批处理意见", CaseStage.FILED),
                investigated() ? Verdict.allow() : Verdict.refuse("尚无调查取证记录（询问、勘验或证据），不能呈批处理意见。"));
    }

    /**
     * 案件处理呈批 with the discretion engine's assessment; sets whether 法制审核 and 集体讨论 are required.
     *
     * @param reviewReasons the triggers of mandatory legal review found by {@link LegalReviewTriggers}
     */
    public void proposePenalty(Acting by, When when, DiscretionAssessment assessment, String reason, String otherMeasures,
                               boolean complex, List<String> reviewReasons, boolean collectiveDiscussion) {
        proposePenalty(by, when, assessment, reason, otherMeasures, complex, reviewReasons, collectiveDiscussion, null);
    }

    /**
     * As above, with the illegal gains found: they are confiscated with the penalty (行政处罚法第二十八条第二款: 当事人有违法
     * 所得，除依法应当退赔的外，应当予以没收), so {@code illegalGainsYuan} is the amount after any lawful refund.
     */
    public void proposePenalty(Acting by, When when, DiscretionAssessment assessment, String reason, String otherMeasures,
                               boolean complex, List<String> reviewReasons, boolean collectiveDiscussion,
                               BigDecimal illegalGainsYuan) {
        mayProposePenalty().orThrow();
        assessment.verdict().orThrow();
        require(illegalGainsYuan == null || illegalGainsYuan.signum() >= 0, "违法所得不能为负数。");
        confiscatedGainsYuan = illegalGainsYuan == null || illegalGainsYuan.signum() == 0 ? null : yuan(illegalGainsYuan);
        violationCode = assessment.violation().code();
        penaltyArticle = assessment.violation().article();
        fineYuan = assessment.amountYuan();
        legalMinYuan = assessment.legalRange().minYuan();
        legalMaxYuan = assessment.legalRange().maxYuan();
        tier = assessment.tier();
        tierReason = notBlank(reason) ? reason.strip() : null;
        this.otherMeasures = otherMeasures;
        this.complex = complex;
        legalReviewRequired = !reviewReasons.isEmpty();
        legalReviewReasons = String.join("；", reviewReasons);
        collectiveDiscussionRequired = collectiveDiscussion;
        stage = CaseStage.PENALTY_PROPOSED;
        step(StepKind.PENALTY_PROPOSED, by, when, "拟" + tier.label() + "：罚款" + DiscretionEngine.plain(fineYuan) + "元"
                + (confiscatedGainsYuan != null ? "，没收违法所得" + DiscretionEngine.plain(confiscatedGainsYuan) + "元" : "")
                + (notBlank(otherMeasures) ? "，" + otherMeasures : "") + "（依据" + assessment.violation().articleTitle() + "）"
                + (legalReviewRequired ? "；须法制审核：" + legalReviewReasons : "")
                + (collectiveDiscussionRequired ? "；须集体讨论" : ""));
        registerEvent(new CaseEvent.PenaltyProposed(id, fineYuan, tier, legalReviewRequired));
    }

    public Verdict mayApproveProposal(Acting by) {
        return Verdict.all(inStage("审批处理意见", CaseStage.PENALTY_PROPOSED), role(by, Role.LEADER, "案件处理呈批的审批"));
    }

    public void approveProposal(Acting leader, When when, String opinion) {
        mayApproveProposal(leader).orThrow();
        stage = legalReviewRequired ? CaseStage.LEGAL_REVIEW
                : collectiveDiscussionRequired ? CaseStage.COLLECTIVE_DISCUSSION : CaseStage.APPROVED;
        step(StepKind.PROPOSAL_APPROVED, leader, when, orDefault(opinion, "同意"));
    }

    public void returnProposal(Acting leader, When when, String opinion) {
        mayApproveProposal(leader).orThrow();
        require(notBlank(opinion), "退回须填写意见。");
        stage = CaseStage.FILED;
        step(StepKind.PROPOSAL_APPROVED, leader, when, "退回：" + opinion.strip());
    }

    // ---- 法制审核

    public Verdict mayReviewLegally(Acting by) {
        return Verdict.all(inStage("法制审核", CaseStage.LEGAL_REVIEW), role(by, Role.LEGAL, "法制审核"));
    }

    public void reviewLegally(Acting reviewer, When when, ReviewOpinion opinion, String text) {
        mayReviewLegally(reviewer).orThrow();
        require(opinion != null, "请选择审核意见。");
        require(opinion == ReviewOpinion.AGREE || notBlank(text), "审核意见为“" + (opinion == null ? "" : opinion.label()) + "”时须写明理由。");
        if (opinion == ReviewOpinion.AGREE) {
            stage = collectiveDiscussionRequired ? CaseStage.COLLECTIVE_DISCUSSION
                    : hearing.heard() ? CaseStage.DECISION_PENDING : CaseStage.APPROVED;
        } else {
            stage = CaseStage.FILED;
        }
        step(StepKind.LEGAL_REVIEW, reviewer, when, opinion.label() + (notBlank(text) ? "：" + text.strip() : ""));
        registerEvent(new CaseEvent.LegalReviewCompleted(id, opinion));
    }

    // ---- 集体讨论

    public Verdict mayDiscuss(Acting by) {
        return Verdict.all(inStage("集体讨论", CaseStage.COLLECTIVE_DISCUSSION),
                by.has(Role.LEADER) || by.has(Role.LEGAL) ? Verdict.allow()
                        : Verdict.refuse("集体讨论记录须由案件审批领导或法制审核人员登记。"));
    }

    public void discussCollectively(Acting by, When when, long meetingId, String conclusion) {
        mayDiscuss(by).orThrow();
        require(notBlank(conclusion), "请填写集体讨论结论。");
        this.meetingId = meetingId;
        // 听证结束后依照第五十七条作出决定 (行政处罚法第六十五条): after a hearing the discussion decides, no new notice
        stage = hearing.heard() ? CaseStage.DECISION_PENDING : CaseStage.APPROVED;
        step(StepKind.COLLECTIVE_DISCUSSION, by, when, "案审会#" + meetingId + "：" + conclusion.strip());
    }

    // ---- 告知

    public Verdict mayNotify() {
        return inStage("行政处罚告知", CaseStage.APPROVED);
    }

    /** 行政处罚告知 (陈述申辩) and, when the fine or measure triggers it, 听证告知. */
    public void notifyParty(Acting by, When when, boolean hearingRight) {
        mayNotify().orThrow();
        notifiedOn = when.day();
        notifiedFineYuan = fineYuan;
        this.hearingRight = hearingRight;
        stage = CaseStage.NOTIFIED;
        step(StepKind.NOTIFIED, by, when, "送达行政处罚告知书" + (hearingRight ? "及听证告知书" : "") + "，拟罚款"
                + DiscretionEngine.plain(fineYuan) + "元");
        registerEvent(new CaseEvent.PartyNotified(id, notifiedOn, hearingRight));
    }

    public Verdict mayRecordStatement() {
        return inStage("记录陈述申辩", CaseStage.NOTIFIED, CaseStage.HEARING_REQUESTED, CaseStage.HEARING_SCHEDULED);
    }

    public void recordStatement(Acting by, When when, String statement, boolean waivesRights) {
        mayRecordStatement().orThrow();
        require(notBlank(statement), "请填写陈述申辩内容。");
        if (waivesRights) {
            require(stage == CaseStage.NOTIFIED, "当事人已申请听证，不能再登记放弃权利。");
            statementWaived = true;
        }
        step(StepKind.STATEMENT, by, when, (waivesRights ? "当事人书面放弃陈述、申辩和听证权利：" : "") + statement.strip());
    }

    // ---- 听证

    public Verdict mayRequestHearing(LocalDate day, CasePeriods periods) {
        Verdict stageOk = inStage("申请听证", CaseStage.NOTIFIED);
        return stageOk.refused() ? stageOk : hearing.mayRequest(hearingRight, statementWaived, notifiedOn, day, periods);
    }

    public void requestHearing(Acting by, When when, CasePeriods periods) {
        mayRequestHearing(when.day(), periods).orThrow();
        hearing.request(when.day());
        stage = CaseStage.HEARING_REQUESTED;
        step(StepKind.HEARING_REQUESTED, by, when, "当事人申请听证");
    }

    public Verdict mayScheduleHearing(LocalDate noticeDay, LocalDate hearingDay, CasePeriods periods) {
        Verdict stageOk = inStage("通知听证", CaseStage.HEARING_REQUESTED);
        return stageOk.refused() ? stageOk : Hearing.mayNotify(noticeDay, hearingDay, periods);
    }

    public void scheduleHearing(Acting by, When when, LocalDate hearingDay, String presidingOfficer, CasePeriods periods) {
        scheduleHearing(by, when, hearingDay, presidingOfficer, null, null, periods);
    }

    /**
     * 听证通知书 (行政处罚法第六十四条第二项): the date (served seven working days ahead), the place and the presiding officer
     * (not a 承办人, not recused); held in public unless {@code privateReason} (国家秘密、商业秘密或者个人隐私, 第三项).
     */
    public void scheduleHearing(Acting by, When when, LocalDate hearingDay, String presidingOfficer, String place,
                                String privateReason, CasePeriods periods) {
        mayScheduleHearing(when.day(), hearingDay, periods).orThrow();
        require(notBlank(presidingOfficer), "请填写听证主持人。");
        mayPreside(presidingOfficer).orThrow();
        String notice = hearing.schedule(when.day(), hearingDay, presidingOfficer, place, privateReason);
        stage = CaseStage.HEARING_SCHEDULED;
        step(StepKind.HEARING_NOTIFIED, by, when, notice);
    }

    public Verdict mayPostponeHearing() {
        return inStage("延期举行听证", CaseStage.HEARING_SCHEDULED);
    }

    /** 延期举行听证: a new date, again notified seven working days ahead (行政处罚法第六十四条第二项). */
    public void postponeHearing(Acting by, When when, LocalDate newDay, String reason, CasePeriods periods) {
        mayPostponeHearing().orThrow();
        step(StepKind.HEARING_POSTPONED, by, when, hearing.postpone(when.day(), newDay, reason, periods));
    }

    public Verdict mayEndHearingUnheld() {
        return inStage("终止听证", CaseStage.HEARING_REQUESTED, CaseStage.HEARING_SCHEDULED);
    }

    /**
     * The hearing procedure ends without a hearing: the request withdrawn, or the party absent or leaving without permission
     * on the hearing day (行政处罚法第六十四条第六项: 视为放弃听证权利，终止听证); the case returns to the notice stage and may
     * be decided once the statement period has passed, the hearing right spent.
     */
    public void endHearingUnheld(Acting by, When when, HearingEnding how, String note) {
        mayEndHearingUnheld().orThrow();
        String text = hearing.endUnheld(stage == CaseStage.HEARING_SCHEDULED, when.day(), how, note);
        stage = CaseStage.NOTIFIED;
        step(StepKind.HEARING_ENDED, by, when, text);
    }

    /** True when the party requested a hearing that ended without being held (withdrawn or absent). */
    public boolean hearingRightSpent() {
        return hearing.rightSpent();
    }

    public String getHearingPlace() { return hearing.place(); }
    public String getHearingPrivateReason() { return hearing.privateReason(); }

    public Verdict mayHoldHearing(LocalDate day) {
        Verdict stageOk = inStage("举行听证", CaseStage.HEARING_SCHEDULED);
        return stageOk.refused() ? stageOk : hearing.mayHold(day);
    }

    /** 听证笔录 and 听证会报告书; after a hearing 法制审核 is mandatory (行政处罚法第五十八条第一款第二项). */
    public void holdHearing(Acting by, When when, String record, String report) {
        mayHoldHearing(when.day()).orThrow();
        String text = hearing.hold(when.day(), record, report);
        legalReviewRequired = true;
        legalReviewReasons = (notBlank(legalReviewReasons) ? legalReviewReasons + "；" : "") + "经过听证程序";
        stage = CaseStage.LEGAL_REVIEW;
        step(StepKind.HEARING_HELD, by, when, text);
        registerEvent(new CaseEvent.HearingHeld(id, hearing.heardOn()));
    }

    // ---- 决定

    /** The legal precondition of a decision: notice given, its periods lapsed or waived, a requested hearing held. */
    public Verdict mayDecide(Acting by, LocalDate day, CasePeriods periods) {
        if (hearing.heard() && (stage == CaseStage.LEGAL_REVIEW || stage == CaseStage.COLLECTIVE_DISCUSSION)) {
            return Verdict.refuse("听证结束后，本案须经" + (stage == CaseStage.LEGAL_REVIEW ? "法制审核（行政处罚法第五十八条）"
                    : "行政机关负责人集体讨论（行政处罚法第五十七条第二款、第六十五条）") + "后作出决定。");
        }
        if (BEFORE_NOTICE.contains(stage)) {
            return Verdict.refuse("尚未履行行政处罚告知程序，不得作出行政处罚决定（行政处罚法第四十四条、第六十二条）。");
        }
        if (stage == CaseStage.HEARING_REQUESTED || stage == CaseStage.HEARING_SCHEDULED) {
            return Verdict.refuse("当事人已申请听证，应在听证结束并经法制审核后作出决定。");
        }
        Optional<CriminalReferral> referral = pendingReferral();
        if (referral.isPresent()) {
            return Verdict.refuse("本案已于" + referral.get().referredOn() + "作为涉嫌犯罪案件移送" + referral.get().receiver()
                    + "，公安机关作出是否立案的决定前不作出行政处罚决定（行政处罚法第二十七条第一款）。");
        }
        Verdict stageOk = inStage("作出处罚决定", CaseStage.NOTIFIED, CaseStage.DECISION_PENDING);
        if (stageOk.refused()) {
            return stageOk;
        }
        Verdict roleOk = role(by, Role.LEADER, "行政处罚决定");
        if (roleOk.refused()) {
            return roleOk;
        }
        if (stage == CaseStage.NOTIFIED && !statementWaived) {
            Deadline statement = periods.statementDue(notifiedOn);
            if (!statement.isOverdueOn(day)) {
                return Verdict.refuse("陈述申辩期限至" + statement.due() + "届满，期满前不得作出决定（当事人书面放弃的除外）。");
            }
            if (hearingRight && !hearingRightSpent()) {
                Deadline hearing = periods.hearingRequestDue(notifiedOn);
                if (!hearing.isOverdueOn(day)) {
                    return Verdict.refuse("听证申请期限至" + hearing.due() + "届满，期满前不得作出决定（当事人书面放弃的除外）。");
                }
            }
        }
        return Verdict.allow();
    }

    public void decide(Acting leader, When when, String number, BigDecimal finalFineYuan, CasePeriods periods) {
        mayDecide(leader, when.day(), periods).orThrow();
        require(notBlank(number), "请填写行政处罚决定书文号。");
        BigDecimal fine = finalFineYuan == null ? fineYuan : yuan(finalFineYuan);
        require(fine.compareTo(notifiedFineYuan) <= 0, "决定的罚款" + DiscretionEngine.plain(fine) + "元高于告知的"
                + DiscretionEngine.plain(notifiedFineYuan) + "元：不得因当事人陈述、申辩而给予更重的处罚（行政处罚法第四十五条）。");
        require(fine.signum() >= 0 && (legalMaxYuan == null || fine.compareTo(legalMaxYuan) <= 0), "决定的罚款超出法定幅度。");
        require(tier == Tier.MITIGATED || legalMinYuan == null || fine.compareTo(legalMinYuan) >= 0,
                "决定的罚款低于法定幅度下限" + (legalMinYuan == null ? "" : DiscretionEngine.plain(legalMinYuan) + "元") + "，且无减轻处罚的法定情形。");
        fineYuan = fine;
        decidedOn = when.day();
        decisionNumber = number.strip();
        stage = CaseStage.DECIDED;
        step(StepKind.DECIDED, leader, when, "作出行政处罚决定（" + decisionNumber + "）：罚款" + DiscretionEngine.plain(fine) + "元"
                + (notBlank(otherMeasures) ? "，" + otherMeasures : ""));
        registerEvent(new CaseEvent.PenaltyDecided(id, enterpriseId, decisionNumber, fineYuan, decidedOn, organizationId, caseNumber,
                kind, accidentGrade, title));
        reportChanged = true;
        registerEvent(new PenaltyDecisionRecorded(id, organizationId, procedureKind, caseNumber, decisionNumber, enterpriseId,
                getParty(), title, facts, penaltyArticle == null ? suggestedArticle : "《中华人民共和国安全生产法》第" + penaltyArticle + "条",
                "罚款人民币" + DiscretionEngine.plain(fineYuan) + "元" + (notBlank(otherMeasures) ? "，" + otherMeasures.strip() : ""),
                otherMeasures, fineYuan, decidedOn));
    }

    // ---- 送达

    public Verdict mayServe() {
        return inStage("送达", CaseStage.DECIDED);
    }

    public void serve(Acting by, When when, String method, String receipt, CasePeriods periods) {
        mayServe().orThrow();
        require(notBlank(method), "请填写送达方式。");
        require(notBlank(receipt), "请填写送达回执（签收人及签收情况）。");
        require(decidedOn == null || !when.day().isBefore(decidedOn), "送达日期（" + when.day() + "）不能早于作出决定之日（" + decidedOn + "）。");
        servedOn = when.day();
        serviceMethod = method.strip();
        serviceReceipt = receipt.strip();
        step(StepKind.SERVED, by, when, serviceMethod + "：" + serviceReceipt);
        if (fineYuan == null || fineYuan.signum() == 0) {
            stage = CaseStage.EXECUTED;
            executedOn = when.day();
        } else {
            stage = CaseStage.EXECUTING;
            execution.start(periods.paymentDue(servedOn).due(), fineYuan);
        }
        registerEvent(new CaseEvent.DecisionServed(id, servedOn));
    }

    // ---- 执行

    public Verdict mayChangePayment(Acting by) {
        return Verdict.all(inStage("批准延期或分期缴纳", CaseStage.EXECUTING), role(by, Role.LEADER, "延期（分期）缴纳罚款的批准"));
    }

    /** 延期缴纳 (行政处罚法第六十六条) on approval: the unpaid fine becomes due on {@code newDue}. */
    public void approveDeferral(Acting leader, When when, LocalDate newDue, String reason) {
        mayChangePayment(leader).orThrow();
        step(StepKind.DEFERRAL_APPROVED, leader, when, execution.approveDeferral(when.day(), newDue, reason, fineYuan));
    }

    /** 分期缴纳 on approval: the parts must add up to the fine and fall due in order, from today on. */
    public void approveInstalments(Acting leader, When when, List<Instalment> parts, String reason) {
        mayChangePayment(leader).orThrow();
        step(StepKind.INSTALMENTS_APPROVED, leader, when, execution.approveInstalments(when.day(), parts, reason, fineYuan));
    }

    /** 加处罚款 accrued up to {@code day}: 3 % a day of each overdue part, not while 复议/诉讼 pends, capped at the fine. */
    public BigDecimal surchargeOn(LocalDate day, ProcedureRules rules) {
        return execution.surchargeOn(day, rules, fineYuan);
    }

    /** Fine plus surcharge still owed on {@code day}. */
    public BigDecimal outstandingOn(LocalDate day, ProcedureRules rules) {
        return execution.outstandingOn(day, rules, fineYuan);
    }

    public Verdict mayRecordPayment() {
        return inStage("登记缴款", CaseStage.EXECUTING, CaseStage.ENFORCEMENT_APPLIED);
    }

    public void recordPayment(Acting by, When when, BigDecimal amountYuan, ProcedureRules rules) {
        mayRecordPayment().orThrow();
        BigDecimal amount = execution.pay(when.day(), amountYuan, rules, fineYuan);
        BigDecimal surcharge = surchargeOn(when.day(), rules);
        step(StepKind.PAYMENT, by, when, "缴纳" + DiscretionEngine.plain(amount) + "元（截至当日加处罚款"
                + DiscretionEngine.plain(surcharge) + "元）");
        registerEvent(new CaseEvent.FinePaid(id, amount, when.day()));
        if (outstandingOn(when.day(), rules).signum() == 0) {
            stage = CaseStage.EXECUTED;
            executedOn = when.day();
            step(StepKind.EXECUTED, by, when, "罚款" + DiscretionEngine.plain(fineYuan) + "元及加处罚款"
                    + DiscretionEngine.plain(surcharge) + "元已缴清");
        }
    }

    public Verdict mayStartReviewOrLitigation() {
        return inStage("登记复议或诉讼", CaseStage.EXECUTING, CaseStage.DECIDED);
    }

    public void startReviewOrLitigation(Acting by, When when, String what) {
        mayStartReviewOrLitigation().orThrow();
        step(StepKind.REVIEW_STARTED, by, when, execution.startChallenge(when.day(), what));
    }

    public Verdict mayEndReviewOrLitigation() {
        return execution.challengePending() ? Verdict.allow() : Verdict.refuse("没有尚未终结的复议或诉讼。");
    }

    public void endReviewOrLitigation(Acting by, When when, String outcome) {
        step(StepKind.REVIEW_ENDED, by, when, execution.endChallenge(when.day(), outcome));
    }

    public Verdict mayRemind(LocalDate day) {
        Verdict stageOk = inStage("催告", CaseStage.EXECUTING);
        return stageOk.refused() ? stageOk : execution.mayRemind(day, fineYuan);
    }

    public void remind(Acting by, When when) {
        mayRemind(when.day()).orThrow();
        execution.remind(when.day());
        step(StepKind.REMINDER, by, when, "送达履行义务催告书");
    }

    /**
     * The 履行义务催告书 was served on {@code day} (recorded in the service ledger): while the case is in execution the ten
     * days before a court application run from that day (行政强制法第五十四条); later it changes nothing.
     */
    public void reminderServed(LocalDate day) {
        if (stage == CaseStage.EXECUTING) {
            execution.reminderServed(day);
        }
    }

    /** 申请人民法院强制执行: see {@link Execution#mayApplyForEnforcement}. */
    public Verdict mayApplyForEnforcement(Acting by, LocalDate day, CasePeriods periods) {
        Verdict stageOk = Verdict.all(inStage("申请强制执行", CaseStage.EXECUTING), role(by, Role.LEADER, "申请人民法院强制执行"));
        return stageOk.refused() ? stageOk : execution.mayApplyForEnforcement(day, decision(), periods);
    }

    /** The day after which court enforcement may be applied for ({@link Execution#enforceableFrom}). */
    public LocalDate enforceableFrom(CasePeriods periods) {
        return execution.enforceableFrom(decision(), periods);
    }

    private Execution.Decision decision() {
        boolean paymentChanged = steps.stream()
                .anyMatch(s -> s.kind() == StepKind.DEFERRAL_APPROVED || s.kind() == StepKind.INSTALMENTS_APPROVED);
        return new Execution.Decision(fineYuan, servedOn, procedureKind == ProcedureKind.SUMMARY, paymentChanged);
    }

    /**
     * True when, on {@code day}, the party let the 复议 and 诉讼 periods lapse without challenging the decision: only then
     * may the 催告书 and the 强制执行申请书 say "在法定期限内未申请行政复议或者提起行政诉讼".
     */
    public boolean unchallengedAfterPeriods(LocalDate day, CasePeriods periods) {
        return execution.unchallengedAfterPeriods(day, decision(), periods);
    }

    public void applyForEnforcement(Acting leader, When when, String court, CasePeriods periods) {
        mayApplyForEnforcement(leader, when.day(), periods).orThrow();
        String text = execution.applyForEnforcement(when.day(), court);
        stage = CaseStage.ENFORCEMENT_APPLIED;
        step(StepKind.COURT_APPLICATION, leader, when, text);
    }

    // ---- 行政强制措施：查封、扣押 (行政强制法第二十四条至第二十八条)

    /** A 查封/扣押 needs the head's approval (行政强制法第十八条第一项) on a case not yet ended. */
    public Verdict mayApplyMeasure(Acting by) {
        return Verdict.all(stage.open() ? Verdict.allow()
                        : Verdict.refuse("案件当前处于“" + stage.label() + "”阶段，不能采取查封、扣押措施。"),
                role(by, Role.LEADER, "查封、扣押的批准"));
    }

    /**
     * 查封/扣押: approved by the head, with the 查封扣押决定书 and its 清单 of objects; the term is law's period from today.
     *
     * @return the new measure's number on this case
     */
    public int applyMeasure(Acting leader, When when, MeasureKind kind, List<SeizedObject> objects, String reason,
                            String legalBasis, String decisionNumber, CasePeriods periods) {
        mayApplyMeasure(leader).orThrow();
        return takeMeasure(leader, when, kind, objects, reason, legalBasis, decisionNumber, periods, false);
    }

    /**
     * 情况紧急，需要当场实施 (行政强制法第十九条): an 执法人员 takes the 查封/扣押 on the spot before the head's approval; it
     * shows as 待补批 until the head approves it within the configured hours ({@link #approveMeasure}).
     */
    public Verdict mayTakeMeasureInEmergency(Acting by) {
        return Verdict.all(stage.open() ? Verdict.allow()
                        : Verdict.refuse("案件当前处于“" + stage.label() + "”阶段，不能采取查封、扣押措施。"),
                by.has(Role.OFFICER) || by.has(Role.LEADER) ? Verdict.allow()
                        : Verdict.refuse("情况紧急当场实施查封、扣押须由行政执法人员作出。"));
    }

    public int takeMeasureInEmergency(Acting officer, When when, MeasureKind kind, List<SeizedObject> objects, String reason,
                                      String legalBasis, String decisionNumber, CasePeriods periods) {
        mayTakeMeasureInEmergency(officer).orThrow();
        return takeMeasure(officer, when, kind, objects, reason, legalBasis, decisionNumber, periods, true);
    }

    public Verdict mayApproveMeasure(int number, Acting by, Instant now, java.time.Duration window) {
        return Verdict.all(measures.mayApprove(number, now, window), role(by, Role.LEADER, "查封、扣押的补办批准"));
    }

    /** The head's approval of an emergency measure within the window (补办批准手续); refused after it. */
    public void approveMeasure(int number, Acting leader, When when, java.time.Duration window) {
        mayApproveMeasure(number, leader, when.at(), window).orThrow();
        CoerciveMeasure m = measures.approve(number, leader.name(), when.at());
        step(StepKind.MEASURE_APPROVED, leader, when, m.title() + "系情况紧急当场实施，负责人已补办批准手续（行政强制法第十九条）");
    }

    private int takeMeasure(Acting by, When when, MeasureKind kind, List<SeizedObject> objects, String reason,
                            String legalBasis, String decisionNumber, CasePeriods periods, boolean emergency) {
        CoerciveMeasure measure = measures.take(when.day(), when.at(), kind, objects, reason, legalBasis, decisionNumber,
                by.name(), emergency);
        Deadline due = periods.measureDue(when.day(), false);
        step(StepKind.MEASURE_APPLIED, by, when, (emergency ? "情况紧急，当场实施" : "") + measure.title() + "：" + objects.size() + "项财物，理由：" + measure.reason()
                + "，依据" + measure.legalBasis() + "；期限至" + due.due() + (due.provisional() ? "（暂定）" : ""));
        registerEvent(new CaseEvent.CoerciveMeasureApplied(id, measure.number(), kind, when.day(), due.due()));
        return measure.number();
    }

    /** The 查封（扣押）决定书's number, when the leader gave none, from the document issued for the measure. */
    void numberMeasure(int number, String decisionNumber) {
        measures.number(number, decisionNumber);
    }

    public Verdict mayExtendMeasure(int number, Acting by, LocalDate day, CasePeriods periods) {
        return mayExtendMeasure(number, by, day, periods, 0);
    }

    /**
     * May measure {@code number} be extended on {@code day}: its term, not counting {@code testingDays} days of notified
     * 检测、检验、检疫或者技术鉴定 (行政强制法第二十五条第三款), not yet over.
     */
    public Verdict mayExtendMeasure(int number, Acting by, LocalDate day, CasePeriods periods, long testingDays) {
        return Verdict.all(measures.mayExtend(number, day, periods, testingDays), role(by, Role.LEADER, "延长查封、扣押期限的批准"));
    }

    /** 延长查封/扣押期限: once, in a complex case, on the head's approval; the party is notified in writing. */
    public void extendMeasure(int number, Acting leader, When when, String reason, CasePeriods periods) {
        extendMeasure(number, leader, when, reason, periods, 0);
    }

    /** {@link #extendMeasure} on a measure whose term does not count {@code testingDays} days of testing. */
    public void extendMeasure(int number, Acting leader, When when, String reason, CasePeriods periods, long testingDays) {
        mayExtendMeasure(number, leader, when.day(), periods, testingDays).orThrow();
        CoerciveMeasure m = measures.extend(number, when.day(), reason);
        Deadline due = CasePeriods.withoutTesting(periods.measureDue(m.appliedOn(), true), testingDays);
        step(StepKind.MEASURE_EXTENDED, leader, when, m.title() + "经负责人批准延长" + periods.measureExtensionDays() + "日至"
                + due.due() + (due.provisional() ? "（暂定）" : "") + "，理由：" + m.extensionReason() + "；已书面告知当事人");
        registerEvent(new CaseEvent.CoerciveMeasureExtended(id, number, due.due()));
    }

    public Verdict mayEndMeasure(int number, Acting by) {
        return Verdict.all(measures.mayEnd(number), role(by, Role.LEADER, "解除查封、扣押或作出处理决定的批准"));
    }

    /** 解除 (行政强制法第二十八条) or a 处理决定 on the objects (e.g. 没收, 销毁). */
    public void endMeasure(int number, MeasureEnding how, Acting leader, When when, String reason) {
        mayEndMeasure(number, leader).orThrow();
        CoerciveMeasure m = measures.end(number, how, when.day(), reason);
        step(how == MeasureEnding.RELEASED ? StepKind.MEASURE_RELEASED : StepKind.MEASURE_DISPOSED, leader, when,
                m.title() + how.label() + "：" + m.endReason());
        registerEvent(new CaseEvent.CoerciveMeasureEnded(id, number, how, when.day()));
    }

    public Optional<CoerciveMeasure> measure(int number) {
        return measures.measure(number);
    }

    /** The 清单 of measure {@code number}. */
    public List<SeizedObject> objectsOf(int number) {
        return measures.objectsOf(number);
    }

    // ---- 回避 (行政处罚法第四十三条)

    /** A person whose recusal was granted may no longer act on the case (行政处罚法第四十三条第一款: 应当回避). */
    public Verdict notRecused(Acting by) {
        return recusals.notRecused(by);
    }

    public Verdict mayApplyForRecusal() {
        return stage.open() && stage != CaseStage.NOT_PUNISHED ? Verdict.allow()
                : Verdict.refuse("案件当前处于“" + stage.label() + "”阶段，不能再申请回避。");
    }

    /**
     * The party's application for recusal (行政处罚法第四十三条第二款: 当事人认为执法人员与案件有直接利害关系或者有其他关系可能影响
     * 公正执法的，有权申请回避), recorded by an officer; a handler named must be one of the case's 承办人.
     *
     * @return the application's number on this case
     */
    public int applyForRecusal(Acting by, When when, RecusalRole role, String personName, String reason) {
        mayApplyForRecusal().orThrow();
        Recusal r = recusals.apply(when.day(), by.name(), role, personName, reason, handlers());
        step(StepKind.RECUSAL_APPLIED, by, when, "当事人申请" + role.label() + r.personName() + "回避，理由：" + r.reason()
                + "（决定作出之前，不停止调查）");
        return r.number();
    }

    public Verdict mayDecideRecusal(int number, Acting by) {
        return Verdict.all(recusals.mayDecide(number, by), role(by, Role.LEADER, "回避决定（行政处罚法第四十三条第三款）"));
    }

    /** The head decides (行政处罚法第四十三条第三款); a granted recusal of a 承办人 needs a replacement before the case goes on. */
    public void decideRecusal(int number, Acting leader, When when, boolean granted, String reason) {
        mayDecideRecusal(number, leader).orThrow();
        Recusal r = recusals.decide(number, granted, when.day(), leader.name(), reason);
        step(StepKind.RECUSAL_DECIDED, leader, when, (granted ? "决定" + r.role().label() + r.personName() + "回避"
                : "驳回当事人要求" + r.personName() + "回避的申请") + (notBlank(reason) ? "：" + reason.strip() : ""));
    }

    /** True when a 承办人 of the case was recused and the leader must name another (执法人员不得少于两人, 第四十二条). */
    public boolean handlerRecused() {
        return recusals.handlerRecused(handlers());
    }

    private Recusals.Handlers handlers() {
        return new Recusals.Handlers(handlerId, handlerName, coHandlerId, coHandlerName);
    }

    public Verdict mayReplaceRecusedHandler(Acting by) {
        return Verdict.all(handlerRecused() ? Verdict.allow() : Verdict.refuse("本案没有经决定回避的承办人。"),
                role(by, Role.LEADER, "更换承办人"));
    }

    /** The leader names a new 承办人 for the one recused. */
    public void replaceRecusedHandler(Acting leader, When when, long userId, String name) {
        mayReplaceRecusedHandler(leader).orThrow();
        require(notBlank(name), "请选择新的承办人。");
        require(!recusals.excludes(userId, name), name + "已决定回避，不能担任本案承办人。");
        require(userId != handlerId && (coHandlerId == null || userId != coHandlerId), name + "已是本案承办人。");
        String replaced;
        if (recusals.excludes(handlerId, handlerName)) {
            replaced = handlerName;
            handlerId = userId;
            handlerName = name.strip();
        } else {
            replaced = coHandlerName;
            coHandlerId = userId;
            coHandlerName = name.strip();
        }
        step(StepKind.HANDLER_REPLACED, leader, when, "承办人" + replaced + "回避，改由" + name.strip() + "承办");
    }

    public Optional<Recusal> recusal(int number) {
        return recusals.recusal(number);
    }

    public List<Recusal> getRecusals() {
        return recusals.all();
    }

    /** The presiding officer is neither 承办人 (行政处罚法第六十四条第四项: 非本案调查人员) nor a person recused. */
    Verdict mayPreside(String presidingOfficer) {
        return recusals.mayPreside(presidingOfficer, handlers());
    }

    // ---- 行刑衔接 (《行政执法机关移送涉嫌犯罪案件的规定》)

    /** Allowed at any stage of an open case, one transfer pending at a time, approved by the head (第五条). */
    public Verdict mayReferForCrime(Acting by) {
        return Verdict.all(stage.open() ? Verdict.allow()
                        : Verdict.refuse("案件当前处于“" + stage.label() + "”阶段，不能移送涉嫌犯罪案件。"),
                referrals.mayRefer(),
                role(by, Role.LEADER, "涉嫌犯罪案件移送的审批（《行政执法机关移送涉嫌犯罪案件的规定》第五条）"));
    }

    /**
     * 移送涉嫌犯罪案件 to public security with a copy to the 人民检察院 (第七条); penalties decided before it are executed
     * (第十一条), and the administrative case waits for public security's decision.
     *
     * @return the transfer's number on this case
     */
    public int referForCrime(Acting leader, When when, String receiver, String procuratorate, String reason) {
        mayReferForCrime(leader).orThrow();
        CriminalReferral r = referrals.refer(when.day(), leader.name(), receiver, procuratorate, reason);
        step(StepKind.CRIMINAL_REFERRED, leader, when, "涉嫌犯罪移送" + r.receiver() + "，抄送" + r.procuratorate() + "："
                + r.reason() + (decidedOn != null ? "；此前作出的行政处罚决定继续执行" : "；公安机关作出决定前暂停作出行政处罚决定"));
        return r.number();
    }

    public Optional<CriminalReferral> pendingReferral() {
        return referrals.pending();
    }

    public Verdict mayRecordReferralOutcome(int number) {
        return referrals.mayRecordOutcome(number);
    }

    /**
     * Public security's decision: accepted (立案) ends an undecided administrative case as transferred; returned (不予立案)
     * and the administrative case goes on from where it stood.
     */
    public void recordReferralOutcome(Acting by, When when, int number, ReferralOutcome outcome, String note) {
        mayRecordReferralOutcome(number).orThrow();
        CriminalReferral r = referrals.recordOutcome(number, outcome, when.day(), note);
        if (outcome == ReferralOutcome.ACCEPTED) {
            criminalTransfer = true;
            transferredTo = r.receiver();
            step(StepKind.CRIMINAL_REFERRAL_ANSWERED, by, when, r.receiver() + "已立案侦查" + (notBlank(note) ? "：" + note.strip() : ""));
            if (decidedOn == null) {
                endReason = "涉嫌犯罪，移送" + r.receiver() + "立案侦查";
                stage = CaseStage.TRANSFERRED;
                closedOn = when.day();
                registerEvent(new CaseEvent.CaseEnded(id, stage, closedOn));
            }
        } else {
            step(StepKind.CRIMINAL_REFERRAL_ANSWERED, by, when, r.receiver() + "决定不予立案并退回：" + note.strip() + "；本案继续办理");
        }
    }

    public List<CriminalReferral> getReferrals() {
        return referrals.all();
    }

    // ---- branches

    public Verdict mayDecideNoPenalty(Acting by) {
        return Verdict.all(inStage("作出不予处罚决定", CaseStage.FILED, CaseStage.PENALTY_PROPOSED, CaseStage.APPROVED,
                CaseStage.NOTIFIED, CaseStage.DECISION_PENDING), role(by, Role.LEADER, "不予行政处罚决定"));
    }

    /**
     * 不予处罚 with its legal ground and the education given to the party (行政处罚法第三十三条第三款: 对当事人的违法行为依法
     * 不予行政处罚的，行政机关应当对当事人进行教育); a 首违不罚 ground is checked by {@link FirstViolationPolicy} beforehand.
     */
    public void decideNoPenalty(Acting leader, When when, String ground, String reason, String education) {
        require(notBlank(education), "不予行政处罚的，应当对当事人进行教育，请填写教育的方式和内容（行政处罚法第三十三条第三款）。");
        decideNoPenalty(leader, when, ground, reason);
        step(StepKind.EDUCATED, leader, when, education.strip());
    }

    /** The date the first-violation look-back counts from: the act, or the day the case was found. */
    public LocalDate firstViolationCountedFrom() {
        return actEndedOn != null ? actEndedOn : actOn != null ? actOn : proposedOn;
    }

    /** 不予处罚 with its legal ground (the demo's earlier cases; live decisions record the education as well). */
    public void decideNoPenalty(Acting leader, When when, String ground, String reason) {
        mayDecideNoPenalty(leader).orThrow();
        require(notBlank(ground), "不予处罚须写明法定依据。");
        endReason = ground.strip() + (notBlank(reason) ? "：" + reason.strip() : "");
        tier = Tier.NONE;
        fineYuan = BigDecimal.ZERO.setScale(2);
        decidedOn = when.day();
        stage = CaseStage.NOT_PUNISHED;
        step(StepKind.NOT_PUNISHED, leader, when, endReason);
        reportChanged = true;
    }

    public Verdict mayRevoke(Acting by) {
        return Verdict.all(inStage("撤销立案", CaseStage.PROPOSED, CaseStage.FILED), role(by, Role.LEADER, "撤销立案"));
    }

    public void revokeFiling(Acting leader, When when, String reason) {
        mayRevoke(leader).orThrow();
        require(notBlank(reason), "请填写撤销立案的理由。");
        endReason = reason.strip();
        stage = CaseStage.REVOKED;
        closedOn = when.day();
        step(StepKind.REVOKED, leader, when, endReason);
        registerEvent(new CaseEvent.CaseEnded(id, stage, closedOn));
    }

    public Verdict mayTransfer(Acting by) {
        return Verdict.all(BEFORE_NOTICE.contains(stage) || stage == CaseStage.NOTIFIED ? Verdict.allow()
                        : Verdict.refuse("案件当前处于“" + stage.label() + "”阶段，不能移送。"),
                role(by, Role.LEADER, "案件移送"));
    }

    /**
     * 移送 to another competent authority (行政处罚法第二十二条、第二十五条): the case ends here. A case suspected of a crime goes
     * to public security through {@link #referForCrime 行刑衔接}, which waits for the receiver's decision.
     */
    public void transfer(Acting leader, When when, String to, String reason) {
        mayTransfer(leader).orThrow();
        require(notBlank(to), "请填写接收移送的机关。");
        require(notBlank(reason), "请填写移送理由。");
        transferredTo = to.strip();
        endReason = reason.strip();
        stage = CaseStage.TRANSFERRED;
        closedOn = when.day();
        step(StepKind.TRANSFERRED, leader, when, "移送" + transferredTo + "：" + endReason);
        registerEvent(new CaseEvent.CaseEnded(id, stage, closedOn));
    }

    public Verdict mayClose(Acting by) {
        return Verdict.all(inStage("结案", CaseStage.EXECUTED, CaseStage.NOT_PUNISHED, CaseStage.ENFORCEMENT_APPLIED),
                role(by, Role.LEADER, "结案审批"));
    }

    public void close(Acting leader, When when, String opinion) {
        mayClose(leader).orThrow();
        stage = CaseStage.CLOSED;
        closedOn = when.day();
        step(StepKind.CLOSED, leader, when, orDefault(opinion, "同意结案"));
        registerEvent(new CaseEvent.CaseEnded(id, stage, closedOn));
    }

    public Verdict mayArchive() {
        return inStage("归档", CaseStage.CLOSED);
    }

    public void archive(Acting by, When when) {
        mayArchive().orThrow();
        stage = CaseStage.ARCHIVED;
        archivedOn = when.day();
        step(StepKind.ARCHIVED, by, when, "按立卷顺序整理归档");
    }

    void linkTo(long otherCaseId) {
        this.linkedCaseId = otherCaseId;
    }

    // ---- what may be done now

    /**
     * Every transition with its guard's verdict for {@code by} at {@code when}, in the order a page offers them: the allowed
     * ones are the case's available actions, the refused ones carry the Chinese reason and article.
     *
     * @param emergencyWindow the hours within which an emergency 查封/扣押 is approved (行政强制法第十九条)
     */
    public Map<CaseTransition, Verdict> transitions(Acting by, When when, CasePeriods periods, java.time.Duration emergencyWindow) {
        return transitions(by, when, periods, emergencyWindow, Map.of());
    }

    /**
     * {@link #transitions(Acting, When, CasePeriods, java.time.Duration)} with the testing days each measure's term does not
     * count (by measure number, 行政强制法第二十五条第三款).
     */
    public Map<CaseTransition, Verdict> transitions(Acting by, When when, CasePeriods periods, java.time.Duration emergencyWindow,
                                                    Map<Integer, Long> testingDays) {
        LocalDate day = when.day();
        Map<CaseTransition, Verdict> t = new LinkedHashMap<>();
        t.put(CaseTransition.FILE, mayFile(by, periods));
        t.put(CaseTransition.RECORD_ACT, mayRecordAct());
        t.put(CaseTransition.INVESTIGATE, mayInvestigate());
        t.put(CaseTransition.EXTEND, mayExtend(by, periods));
        t.put(CaseTransition.MEASURE_APPLY, mayApplyMeasure(by));
        t.put(CaseTransition.MEASURE_EMERGENCY, Verdict.all(mayTakeMeasureInEmergency(by), by.has(Role.LEADER)
                ? Verdict.refuse("负责人可以直接批准查封、扣押。") : Verdict.allow()));
        t.put(CaseTransition.MEASURE_APPROVE, anyMeasure(n -> mayApproveMeasure(n, by, when.at(), emergencyWindow)));
        t.put(CaseTransition.MEASURE_EXTEND, anyMeasure(n -> mayExtendMeasure(n, by, day, periods, testingDays.getOrDefault(n, 0L))));
        t.put(CaseTransition.MEASURE_RELEASE, anyMeasure(n -> mayEndMeasure(n, by)));
        t.put(CaseTransition.MEASURE_DISPOSE, anyMeasure(n -> mayEndMeasure(n, by)));
        t.put(CaseTransition.PROPOSE_PENALTY, mayProposePenalty());
        t.put(CaseTransition.APPROVE_PROPOSAL, mayApproveProposal(by));
        t.put(CaseTransition.RETURN_PROPOSAL, mayApproveProposal(by));
        t.put(CaseTransition.REVIEW, mayReviewLegally(by));
        t.put(CaseTransition.NOTIFY, mayNotify());
        t.put(CaseTransition.STATEMENT, mayRecordStatement());
        t.put(CaseTransition.REQUEST_HEARING, mayRequestHearing(day, periods));
        t.put(CaseTransition.SCHEDULE_HEARING, inStage("通知听证", CaseStage.HEARING_REQUESTED));
        t.put(CaseTransition.HOLD_HEARING, mayHoldHearing(day));
        t.put(CaseTransition.POSTPONE_HEARING, mayPostponeHearing());
        t.put(CaseTransition.END_HEARING, mayEndHearingUnheld());
        t.put(CaseTransition.DECIDE, mayDecide(by, day, periods));
        t.put(CaseTransition.SERVE, mayServe());
        t.put(CaseTransition.DEFERRAL, mayChangePayment(by));
        t.put(CaseTransition.INSTALMENTS, Verdict.all(mayChangePayment(by), getPayments().isEmpty() ? Verdict.allow()
                : Verdict.refuse("已有缴款记录的案件请使用延期缴纳。")));
        t.put(CaseTransition.PAYMENT, mayRecordPayment());
        t.put(CaseTransition.REVIEW_START, Verdict.all(inStage("登记复议或诉讼", CaseStage.EXECUTING),
                mayEndReviewOrLitigation().allowed() ? Verdict.refuse("已有尚未终结的复议或诉讼。") : Verdict.allow()));
        t.put(CaseTransition.REVIEW_END, mayEndReviewOrLitigation());
        t.put(CaseTransition.REMIND, mayRemind(day));
        t.put(CaseTransition.ENFORCE, mayApplyForEnforcement(by, day, periods));
        t.put(CaseTransition.NO_PENALTY, mayDecideNoPenalty(by));
        t.put(CaseTransition.REVOKE, mayRevoke(by));
        t.put(CaseTransition.TRANSFER, mayTransfer(by));
        t.put(CaseTransition.CLOSE, mayClose(by));
        t.put(CaseTransition.ARCHIVE, mayArchive());
        t.put(CaseTransition.RECUSAL_APPLY, Verdict.all(mayApplyForRecusal(), notRecused(by)));
        t.put(CaseTransition.RECUSAL_DECIDE, recusals.all().stream().map(r -> mayDecideRecusal(r.number(), by))
                .filter(Verdict::allowed).findFirst().orElse(Verdict.refuse("没有待决定的回避申请。")));
        t.put(CaseTransition.REPLACE_HANDLER, mayReplaceRecusedHandler(by));
        t.put(CaseTransition.CRIMINAL_REFERRAL, mayReferForCrime(by));
        t.put(CaseTransition.REFERRAL_OUTCOME, pendingReferral().isPresent() ? Verdict.allow()
                : Verdict.refuse("没有尚待公安机关决定的涉嫌犯罪移送。"));
        return t;
    }

    /** Allowed when the guard allows it for one of the case's measures; otherwise the first measure's refusal. */
    private Verdict anyMeasure(java.util.function.IntFunction<Verdict> guard) {
        List<CoerciveMeasure> all = measures.all();
        if (all.isEmpty()) {
            return Verdict.refuse("本案没有查封、扣押措施。");
        }
        return all.stream().map(m -> guard.apply(m.number())).filter(Verdict::allowed).findFirst()
                .orElse(guard.apply(all.get(0).number()));
    }

    // ---- helpers

    private boolean beforeNotice() {
        return BEFORE_NOTICE.contains(stage) && notifiedOn == null;
    }

    private Verdict inStage(String action, CaseStage... allowed) {
        for (CaseStage s : allowed) {
            if (s == stage) {
                return Verdict.allow();
            }
        }
        return Verdict.refuse("案件当前处于“" + stage.label() + "”阶段，不能" + action + "。");
    }

    /**
     * The steps and the execution's, measures', recusals' and transfers' rows carry the case's organisation id (issue 18:
     * the distribution key), given here before each save.
     */
    @Override
    public void keyChildren() {
        steps.replaceAll(s -> s.keyed(organizationId));
        execution.keyChildren(organizationId);
        measures.keyChildren(organizationId);
        recusals.keyChildren(organizationId);
        referrals.keyChildren(organizationId);
    }

    private void step(StepKind what, Acting by, When when, String opinion) {
        steps.add(new CaseStep(what, by.userId(), by.name(), by.mainRole(), when.day(), when.at(), opinion));
        registerEvent(new CaseStepRecorded(enterpriseId, what, when.day(), participants(what, by.userId()), organizationId));
    }

    /** The step's actor; for steps the handling officers do together, both 承办人 as well. */
    private List<Long> participants(StepKind what, Long actor) {
        java.util.LinkedHashSet<Long> officers = new java.util.LinkedHashSet<>();
        if (actor != null && actor != 0) {
            officers.add(actor);
        }
        if (TEAM_STEPS.contains(what)) {
            if (handlerId != 0) {
                officers.add(handlerId);
            }
            if (coHandlerId != null && coHandlerId != 0) {
                officers.add(coHandlerId);
            }
        }
        return List.copyOf(officers);
    }

    private static final java.util.Set<StepKind> TEAM_STEPS = java.util.EnumSet.of(StepKind.INQUIRY,
            StepKind.SITE_EXAMINATION, StepKind.EVIDENCE, StepKind.MEASURE_APPLIED, StepKind.MEASURE_RELEASED,
            StepKind.MEASURE_DISPOSED, StepKind.ON_THE_SPOT, StepKind.SERVED, StepKind.HEARING_HELD);

    // ---- reads

    public Long getId() { return id; }
    public String getCaseNumber() { return caseNumber; }
    public long getOrganizationId() { return organizationId; }
    public CaseKind getKind() { return kind; }
    public CaseSource getSource() { return source; }
    public String getSourceReference() { return sourceReference; }
    public Long getCampaignId() { return campaignId; }

    /** The source reference as people read it: the internal marker of generated demo cases ("DEMO-…") is no reference. */
    public String getShownSourceReference() {
        return sourceReference == null || sourceReference.startsWith("DEMO-") ? null : sourceReference;
    }
    public ProcedureKind getProcedureKind() { return procedureKind; }
    public CaseStage getStage() { return stage; }
    public String getTitle() { return title; }
    public String getFacts() { return facts; }
    public String getSuggestedArticle() { return suggestedArticle; }
    public Long getEnterpriseId() { return enterpriseId; }
    public PartySnapshot getParty() { return new PartySnapshot(partyKind, partyName, partyCode, partyRepresentative, partyAddress); }
    public String getViolationCode() { return violationCode; }
    public Integer getPenaltyArticle() { return penaltyArticle; }
    public BigDecimal getFineYuan() { return fineYuan; }
    public LocalDate getActOn() { return actOn; }
    public LocalDate getActEndedOn() { return actEndedOn; }
    public boolean isLifeAndHealthHarmed() { return lifeAndHealthHarmed; }
    /** The provision breached as the documents cite it, e.g. "《中华人民共和国安全生产法》第四十一条第二款"; null when not named. */
    public String getViolatedProvision() { return violatedProvision; }
    /** 没收违法所得 decided with the penalty (行政处罚法第二十八条第二款), null when none. */
    public BigDecimal getConfiscatedGainsYuan() { return confiscatedGainsYuan; }
    public BigDecimal getLegalMinYuan() { return legalMinYuan; }
    public BigDecimal getLegalMaxYuan() { return legalMaxYuan; }
    public Tier getTier() { return tier; }
    public String getTierReason() { return tierReason; }
    public String getOtherMeasures() { return otherMeasures; }
    public boolean isComplex() { return complex; }
    public boolean isLegalReviewRequired() { return legalReviewRequired; }
    public String getLegalReviewReasons() { return legalReviewReasons; }
    public boolean isCollectiveDiscussionRequired() { return collectiveDiscussionRequired; }
    public AccidentFacts getAccident() {
        return accidentDeaths == null ? null : new AccidentFacts(accidentDeaths, accidentInjuries, accidentLossYuan);
    }
    public AccidentGrade getAccidentGrade() { return accidentGrade; }
    public long getHandlerId() { return handlerId; }
    public String getHandlerName() { return handlerName; }
    public Long getCoHandlerId() { return coHandlerId; }
    public String getCoHandlerName() { return coHandlerName; }
    public LocalDate getProposedOn() { return proposedOn; }
    public LocalDate getFiledOn() { return filedOn; }
    public int getDecisionExtensions() { return decisionExtensions; }
    public LocalDate getNotifiedOn() { return notifiedOn; }
    public boolean isHearingRight() { return hearingRight; }
    public boolean isStatementWaived() { return statementWaived; }
    public LocalDate getHearingRequestedOn() { return hearing.requestedOn(); }
    public LocalDate getHearingOn() { return hearing.on(); }
    public LocalDate getHearingNotifiedOn() { return hearing.notifiedOn(); }
    public LocalDate getHeardOn() { return hearing.heardOn(); }
    public LocalDate getDecidedOn() { return decidedOn; }
    public String getDecisionNumber() { return decisionNumber; }
    public LocalDate getServedOn() { return servedOn; }
    public String getServiceMethod() { return serviceMethod; }
    public String getServiceReceipt() { return serviceReceipt; }
    public BigDecimal getPaidYuan() { return execution.paidYuan(); }
    public LocalDate getRemindedOn() { return execution.remindedOn(); }
    public LocalDate getReminderServedOn() { return execution.reminderServedOn(); }
    public LocalDate getEnforcementAppliedOn() { return execution.enforcementAppliedOn(); }
    public LocalDate getExecutedOn() { return executedOn; }
    public LocalDate getClosedOn() { return closedOn; }
    public LocalDate getArchivedOn() { return archivedOn; }
    public String getEndReason() { return endReason; }
    public String getTransferredTo() { return transferredTo; }
    public boolean isCriminalTransfer() { return criminalTransfer; }
    public Long getLinkedCaseId() { return linkedCaseId; }
    public Long getMeetingId() { return meetingId; }
    public List<CaseStep> getSteps() { return List.copyOf(steps); }
    public List<Instalment> getInstalments() { return execution.instalments(); }
    public List<Payment> getPayments() { return execution.payments(); }
    public List<Suspension> getSuspensions() { return execution.suspensions(); }
    public List<CoerciveMeasure> getMeasures() { return measures.all(); }
    public List<SeizedObject> getSeizedObjects() { return measures.objects(); }
    public int getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }

    /** The last recorded step of a kind, e.g. when the legal review happened. */
    public Optional<CaseStep> lastStep(StepKind what) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).kind() == what) {
                return Optional.of(steps.get(i));
            }
        }
        return Optional.empty();
    }

    /** Whether reporting's figures of this case changed since the last save (and forgets it). */
    boolean takeReportChange() {
        boolean changed = reportChanged;
        reportChanged = false;
        return changed;
    }
}
