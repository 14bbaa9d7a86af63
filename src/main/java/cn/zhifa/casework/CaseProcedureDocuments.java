package cn.zhifa.casework;

import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.DrawnSignature;
import cn.zhifa.documents.IssueRequest;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.Officer;
import cn.zhifa.documents.Party;
import cn.zhifa.documents.SignatureSpecimens;
import cn.zhifa.documents.SourceRef;
import cn.zhifa.law.PeriodCode;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.registry.CertificatePolicy;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.registry.OfficerSummary;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Issues the procedure's approval forms and notices at the step they belong to, filled from what the case recorded:
 * 立案审批表 (立案), 案件处理呈批表 (审批处理意见), 法制审核意见书 (法制审核), 行政处罚集体讨论记录 (案审会), 听证告知书
 * (告知, when the hearing right applies), 延期（分期）缴纳罚款批准书, 履行义务催告书, 强制执行申请书, 案件移送书 and
 * 结案审批表. The internal forms carry the registered signatures (签名样式) of the two 承办人, the reviewer and the
 * approving leader; a signer without one is refused with a Chinese message. Runs in the command's transaction, so a
 * refusal leaves the case unchanged.
 */
@Component
public class CaseProcedureDocuments {

    /**
     * No idempotency key: each command is guarded by the case's version, and a concurrent second approval must fail on
     * that version (its document and number roll back with it) rather than on a shared key.
     */
    private static final String NO_RETRY_KEY = null;

    static final String FILING = "CASE_FILING_APPROVAL";
    static final String HANDLING = "CASE_HANDLING_APPROVAL";
    static final String LEGAL_REVIEW = "LEGAL_REVIEW_OPINION";
    static final String DISCUSSION = "COLLECTIVE_DISCUSSION_RECORD";
    static final String HEARING_NOTICE = "HEARING_NOTICE";
    static final String DEFERRAL = "PAYMENT_DEFERRAL_APPROVAL";
    static final String REMINDER = "PERFORMANCE_REMINDER";
    static final String ENFORCEMENT = "ENFORCEMENT_APPLICATION";
    static final String TRANSFER = "CASE_TRANSFER";
    static final String CLOSING = "CASE_CLOSING_APPROVAL";
    static final String NO_PENALTY = "NO_PENALTY_DECISION";
    static final String CRIMINAL_REFERRAL = "CRIMINAL_REFERRAL";
    static final String SEIZURE = "SEIZURE_DECISION";
    static final String SEIZURE_EXTENSION = "SEIZURE_EXTENSION_NOTICE";
    static final String SEIZURE_RELEASE = "SEIZURE_RELEASE_DECISION";

    private final DocumentManagement documents;
    private final SignatureSpecimens specimens;
    private final UserManagement users;
    private final OrganizationManagement organizations;
    private final OfficerManagement officers;
    private final CertificatePolicy certificates;
    private final ViolationLibrary library;
    private final CasePeriods periods;
    private final cn.zhifa.registry.EnterpriseManagement enterprises;

    CaseProcedureDocuments(DocumentManagement documents, SignatureSpecimens specimens, UserManagement users,
                           OrganizationManagement organizations, OfficerManagement officers,
                           CertificatePolicy certificates, ViolationLibrary library, CasePeriods periods,
                           cn.zhifa.registry.EnterpriseManagement enterprises) {
        this.enterprises = enterprises;
        this.documents = documents;
        this.specimens = specimens;
        this.users = users;
        this.organizations = organizations;
        this.officers = officers;
        this.certificates = certificates;
        this.library = library;
        this.periods = periods;
    }

    /** The basis printed on a 案件移送书 when the leader gives none: 行刑衔接, or 管辖. */
    static String transferBasis(boolean criminal) {
        return criminal ? "《中华人民共和国行政处罚法》第二十七条第一款和《行政执法机关移送涉嫌犯罪案件的规定》第三条"
                : "《中华人民共和国行政处罚法》第二十二条、第二十五条";
    }

    UserView user(long id) {
        return users.get(id);
    }

    // ---- reads for the case page

    /** The documents issued for the case (every kind, newest first; corrected and voided versions marked). */
    public List<IssuedDocument> issued(PenaltyCase c) {
        return documents.forSource(source(c));
    }

    /** The officers of the case's unit the leader may name as second 承办人 (not the handler). */
    public List<UserView> secondHandlerCandidates(PenaltyCase c) {
        return users.search(null, c.getOrganizationId(), 0, 200).items().stream()
                .filter(u -> u.roles().contains(Role.OFFICER) && u.id() != c.getHandlerId() && u.enabled()).toList();
    }

    // ---- the demo

    /**
     * Issues, dated as recorded, the documents of the steps a case already went through: the demo builds its cases
     * directly on the aggregate. Signers are the users who recorded the steps (they need registered signatures).
     */
    public List<IssuedDocument> issueRecorded(PenaltyCase c) {
        List<IssuedDocument> issued = new ArrayList<>();
        for (CaseStep step : c.getSteps()) {
            LocalDate day = step.occurredOn();
            switch (step.kind()) {
                case FILED -> issued.add(filingApproval(c, user(step.actorId()), day));
                case PROPOSAL_APPROVED -> {
                    if (!step.opinion().startsWith("退回")) {
                        issued.add(handlingApproval(c, user(step.actorId()), day));
                    }
                }
                case LEGAL_REVIEW -> {
                    ReviewOpinion opinion = java.util.Arrays.stream(ReviewOpinion.values())
                            .filter(o -> step.opinion().startsWith(o.label())).findFirst().orElse(ReviewOpinion.AGREE);
                    String text = step.opinion().contains("：") ? step.opinion().substring(step.opinion().indexOf('：') + 1) : null;
                    issued.add(legalReview(c, user(step.actorId()), opinion, text, day));
                }
                case NOTIFIED -> {
                    if (c.isHearingRight()) {
                        issued.add(hearingNotice(c, user(step.actorId()).username(), day));
                    }
                }
                case DECIDED -> issued.add(issueRecordedDecision(c));
                case INSTALMENTS_APPROVED -> issued.addAll(instalments(c, user(step.actorId()).username(), day));
                case TRANSFERRED -> issued.add(transfer(c, user(step.actorId()).username(), day,
                        transferBasis(c.isCriminalTransfer()), List.of(), null));
                case CRIMINAL_REFERRED -> issued.add(criminalReferral(c, user(step.actorId()).username(), day));
                case CLOSED -> {
                    if (c.getProcedureKind() == ProcedureKind.ORDINARY) {
                        issued.add(closingApproval(c, user(step.actorId()), day));
                    }
                }
                default -> { }
            }
        }
        return issued;
    }

    /**
     * The demo: the 行政处罚决定书 (单位/个人) of a decided case, dated as decided and signed off by the deciding leader;
     * the same idempotency key as the live decision, so it is issued once.
     */
    public IssuedDocument issueRecordedDecision(PenaltyCase c) {
        CaseStep decided = c.lastStep(StepKind.DECIDED).orElseThrow(() -> new RuleViolation("本案尚未作出处罚决定。"));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("violated", violated(c));
        fields.put("basis", basis(c));
        fields.put("penalty", penalty(c, c.getFineYuan()));
        fields.put("factsAndEvidence", facts(c) + "\n" + "以上事实有下列证据证明：" + evidence(c));
        String kind = c.getParty().kind() == PartyKind.UNIT ? "PENALTY_DECISION_UNIT" : "PENALTY_DECISION_PERSON";
        return documents.issue(request(kind, c, fields, c.getDecidedOn(), List.of(), List.of(),
                user(decided.actorId()).username(), "case-" + c.getId() + "-decision"));
    }

    /**
     * The demo: the 送达回执 of a served case, dated as served, listing the decision served (its number from the documents
     * module), signed by the two 承办人 as 送达人 with their registered signatures and by the receiver (the party's legal
     * representative, or the person) with the drawn signature given.
     */
    public java.util.Optional<IssuedDocument> issueRecordedService(PenaltyCase c, byte[] receiverSignature) {
        java.util.Optional<CaseStep> served = c.lastStep(StepKind.SERVED);
        if (served.isEmpty() || c.getServedOn() == null) {
            return java.util.Optional.empty();
        }
        List<IssuedDocument> decisions = List.of(issueRecordedDecision(c));
        String receiver = c.getParty().legalRepresentative() == null ? c.getParty().name() : c.getParty().legalRepresentative();
        List<Signer> handlers = handlers(c, c.getServedOn());
        String servers = handlers.stream().map(h -> h.officer().name()).collect(Collectors.joining("、"));
        String place = c.getParty().address() == null ? "当事人住所" : c.getParty().address();
        List<List<String>> deliveries = decisions.stream().map(d -> List.of("《" + d.title() + "》" + (d.number() == null ? "" : d.number()),
                receiver + "（见签名）", place, c.getServedOn().toString(),
                c.getServiceMethod() == null ? "直接送达" : c.getServiceMethod(), servers)).toList();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("caseName", c.getTitle());
        fields.put("deliveries", deliveries);
        List<DrawnSignature> signatures = new ArrayList<>(handlers.stream().map(Signer::signature).toList());
        signatures.add(new DrawnSignature("receiver", receiver, receiverSignature));
        return java.util.Optional.of(documents.issue(request("SERVICE_RECEIPT", c, fields, c.getServedOn(),
                handlers.stream().map(Signer::officer).toList(), signatures,
                user(served.get().actorId()).username(), "case-" + c.getId() + "-service-receipt")));
    }

    /**
     * The demo: the 行政（当场）处罚决定书 of a case decided on the spot (简易程序), dated as decided, signed by the
     * handler and the second officer present (their registered signatures) and by the party with the drawn signature
     * given; the same fields as the live 当场处罚 in {@link InvestigationRecords}. Issued once (idempotency key).
     */
    public IssuedDocument issueRecordedOnTheSpot(PenaltyCase c, long secondOfficerId, byte[] partySignature) {
        CaseStep decided = c.lastStep(StepKind.ON_THE_SPOT).orElseThrow(() -> new RuleViolation("本案不是当场处罚案件。"));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("factsAndEvidence", facts(c));
        fields.put("violated", violated(c));
        fields.put("basis", basis(c));
        fields.put("penalty", penalty(c, c.getFineYuan()));
        fields.put("paymentMode", List.of("自收到本决定书之日起15日内缴至指定银行"));
        List<Officer> team = new ArrayList<>();
        List<DrawnSignature> signatures = new ArrayList<>();
        long[] ids = {c.getHandlerId(), secondOfficerId};
        for (int i = 0; i < ids.length; i++) {
            UserView u = users.get(ids[i]);
            team.add(new Officer(u.displayName(), officers.certifiedOfficers(List.of(u.organizationId()), c.getDecidedOn())
                    .stream().filter(o -> o.userId() == u.id()).map(OfficerSummary::certificateNo).findFirst().orElse(null)));
            signatures.add(specimens.require(u.username(), "officer" + (i + 1), "执法人员" + u.displayName()));
        }
        String receiver = c.getParty().legalRepresentative() == null ? c.getParty().name() : c.getParty().legalRepresentative();
        signatures.add(new DrawnSignature("party", receiver, partySignature));
        return documents.issue(request("ON_SPOT_PENALTY", c, fields, c.getDecidedOn(), team, signatures,
                user(decided.actorId()).username(), "case-" + c.getId() + "-on-the-spot"));
    }

    // ---- the second 承办人

    /** The officer named as second 承办人 at filing: an enforcement officer of the case's units with a valid 执法证. */
    UserView secondHandler(PenaltyCase c, String username, LocalDate day) {
        return handler(c, username, day, "第二承办人");
    }

    /** The officer named as {@code role} (承办人 of a system-proposed case, 第二承办人) at filing. */
    UserView handler(PenaltyCase c, String username, LocalDate day, String role) {
        if (username == null || username.isBlank()) {
            throw new RuleViolation("请选择" + role + "：执法人员不得少于两人（行政处罚法第四十二条）。");
        }
        UserView user = users.findByUsername(username.strip())
                .orElseThrow(() -> new RuleViolation("没有用户名为“" + username.strip() + "”的执法人员。"));
        if (!user.roles().contains(Role.OFFICER)) {
            throw new RuleViolation(user.displayName() + "不是执法人员，不能担任承办人。");
        }
        if (!organizations.subtreeIds(c.getOrganizationId()).contains(user.organizationId())
                && !isAncestorOrSelf(user.organizationId(), c.getOrganizationId())) {
            throw new RuleViolation(user.displayName() + "不属于本案办案单位，不能担任承办人。");
        }
        certificates.mayEnforce(user.id(), day).orThrow();
        return user;
    }

    private boolean isAncestorOrSelf(long candidate, long org) {
        Long id = org;
        for (int depth = 0; id != null && depth < 20; depth++) {
            if (id == candidate) {
                return true;
            }
            id = organizations.find(id).map(OrganizationView::parentId).orElse(null);
        }
        return false;
    }

    // ---- the approval forms

    /** 立案审批表 at 立案: the handlers' proposal, the leader's approval. */
    IssuedDocument filingApproval(PenaltyCase c, UserView leader, LocalDate day) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("cause", c.getTitle());
        f.put("source", c.getSource().label() + (c.getShownSourceReference() == null ? "" : "（" + c.getShownSourceReference() + "）"));
        f.put("sourceDate", c.getProposedOn());
        f.put("caseName", caseName(c));
        f.put("summary", facts(c));
        f.put("handlerOpinion", "当事人" + c.getParty().name() + "涉嫌" + c.getTitle()
                + (blank(c.getSuggestedArticle()) ? "" : "，涉嫌违反" + c.getSuggestedArticle()) + "，建议立案调查。");
        f.put("handledOn", c.getProposedOn());
        f.put("approvalOpinion", opinionOf(c, StepKind.FILED, "同意立案"));
        f.put("approvedOn", day);
        return issue(FILING, c, f, day, handlers(c, day), signed(c, leader, "approver", "审批人"), leader, NO_RETRY_KEY);
    }

    /** 案件处理呈批表 at the leader's approval of the proposed penalty. */
    IssuedDocument handlingApproval(PenaltyCase c, UserView leader, LocalDate day) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("caseName", caseName(c));
        f.put("factsAndBasis", facts(c) + "\n" + "主要证据：" + evidence(c) + "\n" + "上述行为违反了" + violated(c)
                + "的规定，依据" + basis(c) + "的规定处罚。");
        String defence = c.getSteps().stream().filter(s -> s.kind() == StepKind.STATEMENT).map(CaseStep::opinion)
                .collect(Collectors.joining("；"));
        if (!defence.isBlank()) {
            f.put("defence", defence);
        }
        CaseStep proposed = c.lastStep(StepKind.PENALTY_PROPOSED).orElseThrow();
        f.put("handlerOpinion", proposed.opinion());
        f.put("handledOn", proposed.occurredOn());
        f.put("approvalOpinion", opinionOf(c, StepKind.PROPOSAL_APPROVED, "同意"));
        f.put("approvedOn", day);
        return issue(HANDLING, c, f, day, handlers(c, day), signed(c, leader, "approver", "审批人"), leader, NO_RETRY_KEY);
    }

    /** 法制审核意见书 at the legal review (行政处罚法第五十八条). */
    IssuedDocument legalReview(PenaltyCase c, UserView reviewer, ReviewOpinion opinion, String text, LocalDate day) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("caseName", caseName(c));
        f.put("submittedBy", organizations.find(c.getOrganizationId()).map(OrganizationView::name).orElse(""));
        f.put("submittedOn", c.lastStep(StepKind.PROPOSAL_APPROVED).or(() -> c.lastStep(StepKind.HEARING_HELD))
                .map(CaseStep::occurredOn).orElse(day));
        f.put("proposed", c.lastStep(StepKind.PENALTY_PROPOSED).map(CaseStep::opinion).orElse(penalty(c, c.getFineYuan())));
        if (opinion == ReviewOpinion.AGREE) {
            f.put("checks", List.of("执法主体合法", "未超越法定职权", "事实清楚证据充分", "适用依据准确", "程序合法", "裁量适当", "法律文书规范"));
        }
        f.put("opinion", blank(text) ? "经审核，" + opinion.label() + "拟作出的处理决定。" : text.strip());
        f.put("conclusion", List.of(switch (opinion) {
            case AGREE -> "同意";
            case MODIFY -> "建议修改";
            case RETURN -> "建议补充调查";
        }));
        List<DrawnSignature> signatures = List.of(specimens.require(reviewer.username(), "reviewer1", "法制审核人员" + reviewer.displayName()));
        return issue(LEGAL_REVIEW, c, f, day, List.of(), signatures, reviewer, NO_RETRY_KEY);
    }

    /** 行政处罚集体讨论记录 of one case discussed at a 案审会. */
    IssuedDocument collectiveDiscussion(PenaltyCase c, MeetingForm form, UserView recorder, LocalDate day) {
        if (form.startTime() == null || form.endTime() == null || !form.endTime().isAfter(form.startTime())) {
            throw new RuleViolation("请填写讨论的开始和结束时间（结束应晚于开始）。");
        }
        if (blank(form.place())) {
            throw new RuleViolation("请填写讨论地点。");
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("caseName", caseName(c));
        f.put("startTime", form.startTime());
        f.put("endTime", form.endTime());
        f.put("place", form.place().strip());
        UserView chair = namedUser(form.chair().strip(), c, "主持人");
        f.put("chair", chair.displayName());
        f.put("reporter", c.getHandlerName());
        f.put("recorder", recorder.displayName());
        List<UserView> attendees = new ArrayList<>();
        for (String name : form.participants().split("[、，,；;\\s]+")) {
            String plain = name.replaceAll("[（(].*?[）)]", "").strip();
            if (!plain.isEmpty()) {
                attendees.add(namedUser(plain, c, "出席人员"));
            }
        }
        f.put("attendees", attendees.stream().map(UserView::displayName).collect(Collectors.joining("、")));
        f.put("topic", form.topic().strip() + "：" + caseName(c) + "，拟" + penalty(c, c.getFineYuan()));
        f.put("minutes", form.opinions().strip());
        f.put("conclusion", form.conclusion().strip());
        List<DrawnSignature> signatures = List.of(
                specimens.require(chair.username(), "chair", "主持人" + chair.displayName()),
                specimens.require(recorder.username(), "recorder", "记录人" + recorder.displayName()),
                specimens.requireAll(attendees.stream().map(UserView::username).toList(),
                        attendees.stream().map(UserView::displayName).toList(), "attendees"));
        return issue(DISCUSSION, c, f, form.startTime().toLocalDate(), List.of(), signatures, recorder, NO_RETRY_KEY);
    }

    /** The user of the case's units a meeting record names (主持人, 出席人员), who signs with their registered signature. */
    private UserView namedUser(String name, PenaltyCase c, String role) {
        return users.findByUsername(name)
                .or(() -> users.search(name, null, 0, 20).items().stream().filter(u -> u.displayName().equals(name)).findFirst())
                .orElseThrow(() -> new RuleViolation(role + "“" + name + "”不是本系统的用户：集体讨论记录由出席人员本人签名，"
                        + "请按系统中的姓名或用户名填写（多人用顿号分隔），并请其在“我的签名”页面登记签名。"));
    }

    /** 结案审批表 at 结案: the result and how it was carried out. */
    IssuedDocument closingApproval(PenaltyCase c, UserView leader, LocalDate day) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("caseName", caseName(c));
        f.put("result", c.getDecisionNumber() != null
                ? "作出行政处罚决定（" + c.getDecisionNumber() + "）：" + penalty(c, c.getFineYuan())
                : "不予行政处罚：" + c.getEndReason());
        LocalDate handled;
        String execution;
        if (c.getDecisionNumber() == null) {
            execution = "不予行政处罚，无需执行。";
            handled = c.getDecidedOn();
        } else if (c.getEnforcementAppliedOn() != null && c.getExecutedOn() == null) {
            execution = "当事人逾期未履行，经催告后于" + c.getEnforcementAppliedOn() + "申请人民法院强制执行"
                    + (c.getPaidYuan().signum() > 0 ? "；已缴纳" + DiscretionEngine.plain(c.getPaidYuan()) + "元" : "") + "。";
            handled = c.getEnforcementAppliedOn();
        } else {
            execution = "行政处罚决定书已于" + c.getServedOn() + "送达（" + c.getServiceMethod() + "）；"
                    + (c.getFineYuan().signum() == 0 ? "无罚款。" : "已缴纳罚款及加处罚款共" + DiscretionEngine.plain(c.getPaidYuan())
                    + "元，于" + c.getExecutedOn() + "执行完毕。");
            handled = c.getExecutedOn();
        }
        f.put("execution", execution);
        f.put("handledOn", handled);
        f.put("approvalOpinion", opinionOf(c, StepKind.CLOSED, "同意结案"));
        f.put("approvedOn", day);
        return issue(CLOSING, c, f, day, handlers(c, day), signed(c, leader, "approver", "审批人"), leader, NO_RETRY_KEY);
    }

    // ---- notices to the party

    /** 行政处罚听证告知书 with the 行政处罚告知书 when the proposed penalty carries the hearing right. */
    IssuedDocument hearingNotice(PenaltyCase c, String by, LocalDate day) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("facts", facts(c));
        f.put("evidence", evidence(c));
        f.put("violated", violated(c));
        f.put("basis", basis(c));
        f.put("penalty", penalty(c, c.getFineYuan()));
        f.put("requestDays", periods.label(PeriodCode.HEARING_REQUEST));
        return documents.issue(request(HEARING_NOTICE, c, f, day, List.of(), List.of(), by, NO_RETRY_KEY));
    }

    /** 延期缴纳罚款批准书 at the approved deferral. */
    IssuedDocument deferral(PenaltyCase c, String by, LocalDate day, LocalDate newDue) {
        Map<String, Object> f = decision(c);
        f.put("mode", List.of("延期缴纳"));
        f.put("deferredUntil", newDue);
        return documents.issue(request(DEFERRAL, c, f, day, List.of(), List.of(), by, NO_RETRY_KEY));
    }

    /** 分期缴纳罚款批准书, one per instalment (每期均应当单独开具). */
    List<IssuedDocument> instalments(PenaltyCase c, String by, LocalDate day) {
        List<Instalment> parts = c.getInstalments();
        List<IssuedDocument> issued = new ArrayList<>();
        BigDecimal remaining = c.getFineYuan();
        for (int i = 0; i < parts.size(); i++) {
            Instalment part = parts.get(i);
            remaining = remaining.subtract(part.amountYuan());
            Map<String, Object> f = decision(c);
            f.put("mode", List.of("分期缴纳"));
            f.put("instalment", "第" + (i + 1) + "期（共" + parts.size() + "期）");
            f.put("instalmentAmount", part.amountYuan());
            f.put("instalmentDue", part.dueOn());
            f.put("remaining", remaining.max(BigDecimal.ZERO).setScale(2));
            issued.add(documents.issue(request(DEFERRAL, c, f, day, List.of(), List.of(), by, NO_RETRY_KEY)));
        }
        return issued;
    }

    /** 履行义务催告书 (行政强制法第三十五条、第五十四条) at 催告: what is owed today and the day to pay by. */
    IssuedDocument reminder(PenaltyCase c, String by, LocalDate day) {
        BigDecimal surcharge = c.surchargeOn(day, periods.procedure());
        BigDecimal total = c.outstandingOn(day, periods.procedure());
        List<String> obligations = new ArrayList<>(List.of("缴纳罚款"));
        if (surcharge.signum() > 0) {
            obligations.add("缴纳加处罚款");
        }
        if (!blank(c.getOtherMeasures())) {
            obligations.add("履行其他义务");
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("decisionDate", c.getDecidedOn());
        f.put("decisionNumber", c.getDecisionNumber());
        f.put("obligations", obligations);
        f.put("fine", total.subtract(surcharge).max(BigDecimal.ZERO).setScale(2));
        f.put("surcharge", surcharge);
        f.put("total", total);
        f.put("otherDuty", blank(c.getOtherMeasures()) ? "无" : c.getOtherMeasures());
        f.put("dueDate", periods.reminderWaitEnds(day).due());
        f.put("objectionDays", periods.label(PeriodCode.STATEMENT_AND_DEFENCE));
        f.put("remedyStatus", c.unchallengedAfterPeriods(day, periods)
                ? "你（单位）在法定期限内未申请行政复议或者提起行政诉讼，又未履行该决定规定的义务。"
                : !c.getSuspensions().isEmpty()
                ? "你（单位）经申请行政复议或者提起行政诉讼后，仍未履行该决定规定的义务。"
                : "你（单位）未在该决定规定的期限内履行义务。");
        return documents.issue(request(REMINDER, c, f, day, List.of(), List.of(), by, NO_RETRY_KEY));
    }

    /**
     * 不予行政处罚决定书 (行政处罚法第五十七条第一款第二项): the facts, the legal ground, and the education given to the party
     * (第三十三条第三款), with the remedies; dated on the decision and signed off by the deciding leader.
     */
    IssuedDocument noPenaltyDecision(PenaltyCase c, String by, LocalDate day, String ground, String reason, String education) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("facts", facts(c));
        f.put("ground", stripEnd(ground.strip()));
        f.put("reason", blank(reason) ? c.getTitle() : stripEnd(reason.strip()));
        f.put("education", stripEnd(education.strip()));
        return documents.issue(request(NO_PENALTY, c, f, day, List.of(), List.of(), by, NO_RETRY_KEY));
    }

    /** 涉嫌犯罪案件移送书 of the latest transfer, with the case's issued documents as materials and the copy to the 检察院. */
    IssuedDocument criminalReferral(PenaltyCase c, String by, LocalDate day) {
        CriminalReferral r = c.getReferrals().get(c.getReferrals().size() - 1);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("receiver", r.receiver());
        f.put("caseName", caseName(c));
        f.put("filedOn", c.getFiledOn() != null ? c.getFiledOn() : c.getProposedOn());
        f.put("findings", stripEnd(facts(c).strip()));
        f.put("reason", stripEnd(r.reason()));
        f.put("procuratorate", r.procuratorate());
        List<String> materials = new ArrayList<>(materials(c));
        if (materials.isEmpty()) {
            materials.add("案件调查报告及有关证据材料");
        }
        f.put("materials", materials);
        return documents.issue(request(CRIMINAL_REFERRAL, c, f, day, List.of(), List.of(), by, NO_RETRY_KEY));
    }

    // ---- 查封、扣押 (行政强制法第二十四条、第二十五条、第二十八条)

    /** 查封（扣押）决定书 with its 清单, handed to the party on the spot (行政强制法第二十四条); its term is law's period. */
    IssuedDocument seizureDecision(PenaltyCase c, int number, String by, LocalDate day) {
        CoerciveMeasure m = c.measure(number).orElseThrow();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("measureKind", m.kind().label());
        f.put("reason", stripEnd(m.reason()));
        f.put("legalBasis", stripEnd(m.legalBasis()));
        f.put("appliedOn", m.appliedOn());
        f.put("dueOn", periods.measureDue(m.appliedOn(), false).due());
        f.put("objects", objectRows(c, number));
        return documents.issue(request(SEIZURE, c, f, day, List.of(), List.of(), by, NO_RETRY_KEY));
    }

    /** 延长查封（扣押）期限通知书: the party is told in writing, with the reason (行政强制法第二十五条第二款). */
    IssuedDocument seizureExtension(PenaltyCase c, int number, String by, LocalDate day) {
        CoerciveMeasure m = c.measure(number).orElseThrow();
        Map<String, Object> f = measureReference(m);
        f.put("reason", stripEnd(m.extensionReason()));
        f.put("dueOn", periods.measureDue(m.appliedOn(), true).due());
        return documents.issue(request(SEIZURE_EXTENSION, c, f, day, List.of(), List.of(), by, NO_RETRY_KEY));
    }

    /** 解除查封（扣押）决定书 with the objects returned (行政强制法第二十八条). */
    IssuedDocument seizureRelease(PenaltyCase c, int number, String by, LocalDate day) {
        CoerciveMeasure m = c.measure(number).orElseThrow();
        Map<String, Object> f = measureReference(m);
        f.put("reason", stripEnd(m.endReason()));
        f.put("objects", objectRows(c, number));
        return documents.issue(request(SEIZURE_RELEASE, c, f, day, List.of(), List.of(), by, NO_RETRY_KEY));
    }

    private static Map<String, Object> measureReference(CoerciveMeasure m) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("measureKind", m.kind().label());
        f.put("decisionNumber", m.decisionNumber() != null ? m.decisionNumber() : m.kind().label() + "决定书");
        f.put("appliedOn", m.appliedOn());
        return f;
    }

    private static List<List<String>> objectRows(PenaltyCase c, int number) {
        List<List<String>> rows = new ArrayList<>();
        for (SeizedObject o : c.objectsOf(number)) {
            rows.add(List.of(String.valueOf(rows.size() + 1), o.name(), o.spec() == null ? "" : o.spec(), o.quantity(),
                    o.location() == null ? "" : o.location()));
        }
        return rows;
    }

    private static String stripEnd(String text) {
        return text.endsWith("。") ? text.substring(0, text.length() - 1) : text;
    }

    /** 强制执行申请书 to the court, signed off (签发人) by the leader, with the case's documents as materials. */
    IssuedDocument enforcementApplication(PenaltyCase c, UserView leader, LocalDate day) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("signer", leader.displayName());
        f.put("decisionDate", c.getDecidedOn());
        f.put("decisionNumber", c.getDecisionNumber());
        f.put("decisionContent", penalty(c, c.getFineYuan()));
        f.put("remedyStatus", c.unchallengedAfterPeriods(day, periods)
                ? "被申请执行人在法定期限内未申请行政复议或者提起行政诉讼，又不履行该决定。"
                : "被申请执行人经申请行政复议或者提起行政诉讼后，仍不履行该决定。");
        List<String> materials = new ArrayList<>(materials(c));
        if (c.getServedOn() != null) {
            materials.add("送达回执（" + c.getServedOn() + "，" + c.getServiceMethod() + "：" + c.getServiceReceipt() + "）");
        }
        f.put("materials", materials);
        return documents.issue(request(ENFORCEMENT, c, f, day, List.of(), List.of(), leader.username(), NO_RETRY_KEY));
    }

    /** 案件移送书 to the receiving authority, with the case's issued documents (and any further materials) listed. */
    IssuedDocument transfer(PenaltyCase c, String by, LocalDate day, String basis, List<String> extraMaterials, Integer extraPages) {
        List<IssuedDocument> issued = documents.forSource(source(c)).stream().filter(IssuedDocument::valid).toList();
        List<String> materials = new ArrayList<>(issued.stream().map(CaseProcedureDocuments::describe).toList());
        extraMaterials.stream().filter(m -> !blank(m)).map(String::strip).forEach(materials::add);
        if (materials.isEmpty()) {
            throw new RuleViolation("请列明随案移送的材料（每行一项）。");
        }
        boolean extra = extraMaterials.stream().anyMatch(m -> !blank(m));
        if (extra && (extraPages == null || extraPages <= 0)) {
            throw new RuleViolation("请填写另附材料的页数。");
        }
        int pages = issued.stream().mapToInt(IssuedDocument::pages).sum() + (extra ? extraPages : 0);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("receiver", c.getTransferredTo());
        f.put("caseName", caseName(c));
        f.put("filedOn", c.getFiledOn() != null ? c.getFiledOn() : c.getProposedOn());
        f.put("findings", c.getEndReason());
        f.put("basis", basis);
        f.put("materials", materials);
        f.put("copies", String.valueOf(materials.size()));
        f.put("pages", String.valueOf(pages));
        return documents.issue(request(TRANSFER, c, f, day, List.of(), List.of(), by, NO_RETRY_KEY));
    }

    // ---- plumbing

    private IssuedDocument issue(String kind, PenaltyCase c, Map<String, Object> fields, LocalDate day, List<Signer> handlers,
                                 DrawnSignature approver, UserView by, String key) {
        List<DrawnSignature> signatures = new ArrayList<>();
        handlers.forEach(h -> signatures.add(h.signature()));
        signatures.add(approver);
        return documents.issue(request(kind, c, fields, day, handlers.stream().map(Signer::officer).toList(), signatures,
                by.username(), key));
    }

    private IssuedDocument issue(String kind, PenaltyCase c, Map<String, Object> fields, LocalDate day, List<Signer> handlers,
                                 List<DrawnSignature> signatures, UserView by, String key) {
        return documents.issue(request(kind, c, fields, day, handlers.stream().map(Signer::officer).toList(), signatures,
                by.username(), key));
    }

    private record Signer(Officer officer, DrawnSignature signature) {}

    /** The two 承办人 with their 执法证号 and registered signatures (areas officer1, officer2). */
    private List<Signer> handlers(PenaltyCase c, LocalDate day) {
        if (c.getCoHandlerId() == null) {
            throw new RuleViolation("本案立案时未指定第二承办人（执法人员不得少于两人），不能签发须两名承办人签名的审批表。");
        }
        List<Signer> signers = new ArrayList<>();
        long[] ids = {c.getHandlerId(), c.getCoHandlerId()};
        for (int i = 0; i < ids.length; i++) {
            UserView u = users.get(ids[i]);
            String certificate = officers.certifiedOfficers(List.of(u.organizationId()), day).stream()
                    .filter(o -> o.userId() == u.id()).map(OfficerSummary::certificateNo).findFirst().orElse(null);
            signers.add(new Signer(new Officer(u.displayName(), certificate),
                    specimens.require(u.username(), "officer" + (i + 1), "承办人" + u.displayName())));
        }
        return signers;
    }

    private DrawnSignature signed(PenaltyCase c, UserView user, String area, String role) {
        return specimens.require(user.username(), area, role + user.displayName());
    }

    private IssueRequest request(String kind, PenaltyCase c, Map<String, Object> fields, LocalDate day, List<Officer> officers,
                                 List<DrawnSignature> signatures, String by, String key) {
        return new IssueRequest(kind, c.getOrganizationId(), source(c), fields, List.of(party(c)), officers, signatures, List.of(),
                day, by, key);
    }

    /**
     * The case's party as the documents' {@code party} role (unit or person). A unit's 职务 and phone are its legal
     * representative's, as the registry has them now (the case's own snapshot keeps name, code and address).
     */
    Party party(PenaltyCase c) {
        PartySnapshot p = c.getParty();
        if (p.kind() != PartyKind.UNIT) {
            return Party.person("party", p.name(), null, null, p.code(), null, null, p.address(), null, null);
        }
        var firm = c.getEnterpriseId() == null ? java.util.Optional.<cn.zhifa.registry.EnterpriseSummary>empty()
                : enterprises.find(c.getEnterpriseId());
        return Party.unit("party", p.name(), p.code(), p.legalRepresentative(),
                firm.map(cn.zhifa.registry.EnterpriseSummary::legalRepresentativeTitle).orElse(null), p.address(), null,
                firm.map(cn.zhifa.registry.EnterpriseSummary::legalRepresentativePhone).orElse(null));
    }

    private Map<String, Object> decision(PenaltyCase c) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("decisionNumber", c.getDecisionNumber());
        f.put("decisionDate", c.getDecidedOn());
        f.put("fine", c.getFineYuan());
        return f;
    }

    private List<String> materials(PenaltyCase c) {
        return documents.forSource(source(c)).stream().filter(IssuedDocument::valid)
                .sorted(java.util.Comparator.comparing(IssuedDocument::id)).map(CaseProcedureDocuments::describe).toList();
    }

    private static String describe(IssuedDocument d) {
        return "《" + d.title() + "》" + (d.number() == null ? "" : d.number()) + "（" + d.pages() + "页）";
    }

    static SourceRef source(PenaltyCase c) {
        return new SourceRef("case", c.getCaseNumber());
    }


    static String caseName(PenaltyCase c) {
        return c.getParty().name() + c.getTitle() + "案";
    }

    private static String opinionOf(PenaltyCase c, StepKind kind, String fallback) {
        return c.lastStep(kind).map(CaseStep::opinion).filter(o -> !blank(o)).orElse(fallback);
    }

    String violated(PenaltyCase c) {
        if (!blank(c.getViolatedProvision())) {
            return c.getViolatedProvision();
        }
        if (c.getViolationCode() != null) {
            Optional<String> configured = library.violatedProvision(library.get(c.getViolationCode()));
            if (configured.isPresent()) {
                return configured.get();
            }
        }
        if (c.getViolationCode() == null) {
            return blank(c.getSuggestedArticle()) ? "安全生产法律法规" : c.getSuggestedArticle();
        }
        Violation v = library.get(c.getViolationCode());
        return v.articleTitle().replaceFirst("第.*条$", "") + "关于“" + v.description() + "”的有关";
    }

    String basis(PenaltyCase c) {
        return c.getViolationCode() == null ? c.getSuggestedArticle() : library.get(c.getViolationCode()).articleTitle();
    }

    static String penalty(PenaltyCase c, BigDecimal fineYuan) {
        boolean fined = fineYuan != null && fineYuan.signum() > 0;
        BigDecimal gains = c.getConfiscatedGainsYuan();
        String confiscation = gains == null ? "" : "没收违法所得人民币" + DiscretionEngine.plain(gains) + "元";
        return (fined ? "罚款人民币" + DiscretionEngine.plain(fineYuan) + "元" + (confiscation.isEmpty() ? "" : "，" + confiscation)
                : confiscation.isEmpty() ? "警告" : confiscation)
                + (blank(c.getOtherMeasures()) ? "" : "，" + c.getOtherMeasures());
    }

    static String facts(PenaltyCase c) {
        return blank(c.getFacts()) ? c.getTitle() : c.getFacts();
    }

    static String evidence(PenaltyCase c) {
        String text = c.getSteps().stream()
                .filter(s -> s.kind() == StepKind.INQUIRY || s.kind() == StepKind.SITE_EXAMINATION || s.kind() == StepKind.EVIDENCE)
                .map(s -> s.label() + "：" + s.opinion()).collect(Collectors.joining("；"));
        return text.isBlank() ? "见案卷所附调查取证材料" : text;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Issues a document of {@code kind} for the case with its party (the case-service documents: 送达地址确认书). */
    public IssuedDocument issueForCase(String kind, PenaltyCase c, Map<String, Object> fields, LocalDate day, String by) {
        return documents.issue(request(kind, c, fields, day, List.of(), List.of(), by, NO_RETRY_KEY));
    }

    /** 听证通知书 (行政处罚法第六十四条): the hearing's day, place, publicity and presiding officer, the party's rights. */
    IssuedDocument hearingNotification(PenaltyCase c, String presiding, String by, LocalDate day) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("caseName", caseName(c));
        f.put("hearingOn", c.getHearingOn());
        f.put("place", c.getHearingPlace() != null ? c.getHearingPlace() : "本机关（地址见下）");
        f.put("publicity", c.getHearingPrivateReason() == null ? "听证公开举行"
                : "因" + c.getHearingPrivateReason() + "，听证不公开举行");
        f.put("presiding", presiding.strip());
        return documents.issue(request("HEARING_NOTIFICATION", c, f, day, List.of(), List.of(), by, NO_RETRY_KEY));
    }
}
