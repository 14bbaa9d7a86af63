package cn.zhifa.casework;

import cn.zhifa.casework.internal.PenaltyCases;
import cn.zhifa.casework.internal.measures.MeasureTerm;
import cn.zhifa.casework.internal.measures.MeasureTestings;
import cn.zhifa.casework.internal.service.CaseServices;
import cn.zhifa.law.AccidentGrade;
import cn.zhifa.law.AccidentGrading;
import cn.zhifa.registry.CertificatePolicy;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.Verdict;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.Page;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case handler's and the legal reviewer's commands and reads. One transaction per command; a command on
 * a case that another user changed in the meantime (an approval given twice at once, a stale page) is refused
 * with a Chinese conflict message and changes nothing.
 */
@Service
public class CaseManagement {

    private static final int HAZARD_PROPOSAL_LOCK = 7_102;

    private final PenaltyCases cases;
    private final CasePeriods periods;
    private final DiscretionEngine discretion;
    private final ViolationLibrary library;
    private final LegalReviewTriggers triggers;
    private final AccidentGrading grading;
    private final CaseworkRules rules;
    private final CaseScope scope;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final EnterpriseManagement enterprises;
    private final CertificatePolicy certificates;
    private final CaseDocuments documents;
    private final CaseProcedureDocuments procedureDocuments;
    private final Clock clock;
    /** The service ledger, which runs this class's serve step (hence looked up when needed, not at construction). */
    private final ObjectProvider<CaseServices> services;

    CaseManagement(PenaltyCases cases, CasePeriods periods, DiscretionEngine discretion, ViolationLibrary library,
                   LegalReviewTriggers triggers, AccidentGrading grading, CaseworkRules rules, CaseScope scope,
                   JdbcClient jdbc, ApplicationEventPublisher events, EnterpriseManagement enterprises,
                   CertificatePolicy certificates, CaseDocuments documents, CaseProcedureDocuments procedureDocuments,
                   Clock clock, ObjectProvider<CaseServices> services) {
        this.cases = cases;
        this.periods = periods;
        this.discretion = discretion;
        this.library = library;
        this.triggers = triggers;
        this.grading = grading;
        this.rules = rules;
        this.scope = scope;
        this.jdbc = jdbc;
        this.events = events;
        this.enterprises = enterprises;
        this.certificates = certificates;
        this.documents = documents;
        this.procedureDocuments = procedureDocuments;
        this.clock = clock;
        this.services = services;
    }

    // ---- opening cases

    /** 案件来源登记 by the current user (inspection finding, complaint, accident, transfer …). */
    @Transactional
    public long propose(ProposedCase proposal) {
        scope.require(proposal.organizationId());
        withinDelegatedPowers(proposal.organizationId());
        requireFirmInScope(proposal);
        Acting by = acting();
        certified(by);
        return open(withRegistrySnapshot(proposal), by);
    }

    /**
     * The party as the enterprise registry knows it today (name, USCC, legal representative, address), falling back
     * to what the form says where the registry has nothing.
     */
    private ProposedCase withRegistrySnapshot(ProposedCase proposal) {
        if (proposal.enterpriseId() == null) {
            return proposal;
        }
        EnterpriseSummary firm = enterprises.find(proposal.enterpriseId())
                .orElseThrow(() -> new RuleViolation("企业库中没有编号为" + proposal.enterpriseId() + "的企业。"));
        PartySnapshot given = proposal.party();
        if (given != null && given.kind() == PartyKind.PERSON) {
            return proposal;
        }
        PartySnapshot party = new PartySnapshot(PartyKind.UNIT, firm.name(), or(firm.uscc(), given == null ? null : given.code()),
                or(firm.legalRepresentative(), given == null ? null : given.legalRepresentative()),
                or(firm.address(), given == null ? null : given.address()));
        return new ProposedCase(proposal.source(), proposal.sourceReference(), proposal.kind(), proposal.organizationId(),
                proposal.enterpriseId(), party, proposal.title(), proposal.facts(), proposal.foundOn(),
                proposal.suggestedArticle(), proposal.violationCode(), proposal.accident(), proposal.linkedCaseId(),
                proposal.campaignId());
    }

    /** A case a user opens names a firm of the user's scope (the firm's own district registers cases against it). */
    private void requireFirmInScope(ProposedCase proposal) {
        if (proposal.enterpriseId() != null) {
            enterprises.find(proposal.enterpriseId()).ifPresent(firm -> scope.require(firm.organizationId()));
        }
    }

    private static String or(String first, String second) {
        return first == null || first.isBlank() ? second : first;
    }

    private cn.zhifa.organization.DelegatedPowers delegatedPowers = cn.zhifa.organization.DelegatedPowers.NONE;

    /** A township opens cases only within the powers granted or entrusted to it (issue 21). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void delegatedPowers(cn.zhifa.organization.DelegatedPowers delegatedPowers) {
        this.delegatedPowers = delegatedPowers;
    }

    private void withinDelegatedPowers(long organizationId) {
        delegatedPowers.check(organizationId, cn.zhifa.organization.DelegatedPowers.Matter.PENALTY, now().day()).orThrow();
    }

    /** 持证执法: enforcement acts need a 行政执法证 valid today (registry's {@link CertificatePolicy}). */
    private void certified(Acting by) {
        certificates.mayEnforce(by.userId(), now().day()).orThrow();
    }

    /**
     * Opens the case for a hazard not rectified by its deadline (安全生产法第一百零二条). Called by the hazard module
     * (or its event listener); outside a request the case is registered by the system for the organisation.
     */
    @Transactional
    public long proposeFromUnrectifiedHazard(ProposedCase proposal) {
        // One case per hazard even when the overdue event is delivered twice at once.
        if (proposal.source() != CaseSource.HAZARD) {
            throw new IllegalArgumentException("source must be HAZARD");
        }
        jdbc.sql("SELECT pg_advisory_xact_lock(:namespace, hashtext(:ref))").param("namespace", HAZARD_PROPOSAL_LOCK)
                .param("ref", proposal.sourceReference()).query((rs, n) -> 1).list();
        Long existing = jdbc.sql("SELECT id FROM penalty_case WHERE source = 'HAZARD' AND source_reference = :ref")
                .param("ref", proposal.sourceReference()).query(Long.class).optional().orElse(null);
        if (existing != null) {
            return existing;
        }
        Acting by = Actors.current().map(Acting::of).orElse(new Acting(0, "系统（隐患逾期未整改）", Set.of()));
        return open(withRegistrySnapshot(proposal), by);
    }

    /**
     * 一案双罚: the unit's case and the responsible person's case, opened together and linked; they are
     * decided together ({@link #decide}).
     */
    @Transactional
    public List<Long> proposeDual(ProposedCase unitCase, PartySnapshot person, String personViolationCode) {
        scope.require(unitCase.organizationId());
        withinDelegatedPowers(unitCase.organizationId());
        requireFirmInScope(unitCase);
        if (unitCase.party().kind() != PartyKind.UNIT || person == null || person.kind() != PartyKind.PERSON) {
            throw new RuleViolation("一案双罚须同时列明违法单位和责任人员（个人）。");
        }
        Acting by = acting();
        certified(by);
        unitCase = withRegistrySnapshot(unitCase);
        long unitId = open(unitCase, by);
        long personId = open(unitCase.linkedTo(unitId, person, personViolationCode), by);
        PenaltyCase unit = load(unitId);
        unit.linkTo(personId);
        cases.save(unit);
        return List.of(unitId, personId);
    }

    /** 简易程序: 当场处罚 within the art 51 limits. */
    @Transactional
    public long decideOnTheSpot(ProposedCase proposal, BigDecimal fineYuan, String violationCode, String decisionNumber) {
        scope.require(proposal.organizationId());
        withinDelegatedPowers(proposal.organizationId());
        requireFirmInScope(proposal);
        if (violationCode == null || violationCode.isBlank()) {
            throw new RuleViolation("请选择违法行为（决定书须写明违反的规定和处罚依据）。");
        }
        Violation violation = library.get(violationCode);
        Acting by = acting();
        certified(by);
        PenaltyCase c = PenaltyCase.decideOnTheSpot(withRegistrySnapshot(proposal), nextCaseNumber(), decisionNumber, fineYuan,
                violation, by, now(), periods);
        return cases.save(c).getId();
    }

    /**
     * 简易程序 with the 行政（当场）处罚决定书 issued by {@code issue} (given the new case, returns the decision's 文号);
     * used by {@link InvestigationRecords} (case-onsite). The case is checked first, so a refused case issues nothing.
     */
    long decideOnTheSpot(ProposedCase proposal, BigDecimal fineYuan, String violationCode,
                         java.util.function.Function<PenaltyCase, String> issue) {
        scope.require(proposal.organizationId());
        withinDelegatedPowers(proposal.organizationId());
        Violation violation = library.get(violationCode);
        Acting by = acting();
        certified(by);
        String caseNumber = nextCaseNumber();
        PenaltyCase checked = PenaltyCase.decideOnTheSpot(withRegistrySnapshot(proposal), caseNumber, null, fineYuan,
                violation, by, now(), periods);
        String decisionNumber = issue.apply(checked);
        PenaltyCase c = PenaltyCase.decideOnTheSpot(withRegistrySnapshot(proposal), caseNumber, decisionNumber, fineYuan,
                violation, by, now(), periods);
        return cases.save(c).getId();
    }

    private long open(ProposedCase proposal, Acting by) {
        if (proposal.violationCode() != null && !proposal.violationCode().isBlank()) {
            library.get(proposal.violationCode());
        }
        AccidentGrade grade = null;
        if (proposal.kind() == CaseKind.ACCIDENT && proposal.accident() != null) {
            AccidentFacts a = proposal.accident();
            try {
                grade = grading.grade(a.deaths(), a.seriousInjuries(), a.directLossYuan());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new RuleViolation("事故数据有误：" + (e.getMessage() == null ? "请填写直接经济损失" : e.getMessage()));
            }
        }
        PenaltyCase c = cases.save(PenaltyCase.propose(proposal, nextCaseNumber(), grade, by, now()));
        events.publishEvent(new CaseEvent.CaseProposed(c.getId(), c.getSource(), c.getSourceReference()));
        return c.getId();
    }

    private String nextCaseNumber() {
        long n = jdbc.sql("SELECT nextval('penalty_case_number_seq')").query(Long.class).single();
        return "案〔" + now().day().getYear() + "〕" + "%05d".formatted(n) + "号";
    }

    // ---- transitions

    /** 立案审批: the leader names the second 承办人; the 立案审批表 is issued signed by both 承办人 and the leader. */
    @Transactional
    public void file(long id, Integer version, String opinion, String secondHandler) {
        file(id, version, opinion, null, secondHandler);
    }

    /** As {@link #file(long, Integer, String, String)}, naming also the 承办人 of a case the system proposed. */
    @Transactional
    public void file(long id, Integer version, String opinion, String handler, String secondHandler) {
        change(id, version, c -> {
            Acting by = acting();
            When when = now();
            c.mayFile(by, periods).orThrow();
            if (c.needsHandler()) {
                var first = procedureDocuments.handler(c, handler, when.day(), "承办人");
                c.assignHandler(by, first.id(), first.displayName());
            }
            var second = procedureDocuments.secondHandler(c, secondHandler, when.day());
            c.nameSecondHandler(by, second.id(), second.displayName());
            c.file(by, when, opinion);
            procedureDocuments.filingApproval(c, me(), when.day());
        });
    }

    /** 违法行为发生日期 (and the end of a continuing act), checked against the limitation (行政处罚法第三十六条) at 立案. */
    @Transactional
    public void recordAct(long id, Integer version, LocalDate on, LocalDate endedOn, boolean lifeAndHealth) {
        change(id, version, c -> c.recordAct(on, endedOn, lifeAndHealth, now().day()));
    }

    @Transactional
    public void recordInvestigation(long id, StepKind what, String content) {
        Acting by = acting();
        certified(by);
        change(id, null, c -> c.recordInvestigation(what, by, now(), content));
    }

    /** The case step of a 先行登记保存处理决定 (case-onsite, {@link InvestigationRecords#decidePreservation}); any stage. */
    @Transactional
    public void recordPreservationDecision(long id, String content) {
        Acting by = acting();
        certified(by);
        change(id, null, c -> c.recordPreservationDecision(by, now(), content));
    }

    @Transactional
    public void extendDecisionPeriod(long id, Integer version, String reason) {
        change(id, version, c -> c.extendDecisionPeriod(acting(), now(), reason, periods));
    }

    // ---- 行政强制措施：查封、扣押

    /** 查封/扣押 approved by the head (who must hold a valid 行政执法证); returns the measure's number. */
    @Transactional
    public int applyMeasure(long id, Integer version, MeasureKind kind, List<SeizedObject> objects, String reason,
                            String legalBasis, String decisionNumber) {
        Acting by = acting();
        PenaltyCase c = loadFor(id, version);
        c.mayApplyMeasure(by).orThrow();
        certified(by);
        When when = now();
        int number = c.applyMeasure(by, when, kind, objects, reason, legalBasis, decisionNumber, periods);
        issueSeizureDecision(c, number, when);
        save(c);
        return number;
    }

    /** 情况紧急当场实施的查封/扣押 by an 执法人员 (行政强制法第十九条), with its 决定书; the head approves it afterwards. */
    @Transactional
    public int takeMeasureInEmergency(long id, Integer version, MeasureKind kind, List<SeizedObject> objects, String reason,
                                      String legalBasis, String decisionNumber) {
        Acting by = acting();
        PenaltyCase c = loadFor(id, version);
        c.mayTakeMeasureInEmergency(by).orThrow();
        certified(by);
        When when = now();
        int number = c.takeMeasureInEmergency(by, when, kind, objects, reason, legalBasis, decisionNumber, periods);
        issueSeizureDecision(c, number, when);
        save(c);
        return number;
    }

    /** The measure's 查封（扣押）决定书; a measure given no number takes the document's. */
    private void issueSeizureDecision(PenaltyCase c, int number, When when) {
        var decision = procedureDocuments.seizureDecision(c, number, Actors.require().username(), when.day());
        if (c.measure(number).orElseThrow().decisionNumber() == null) {
            c.numberMeasure(number, decision.number());
        }
    }

    /** The head's 补办批准 of an emergency measure, refused after the configured hours (行政强制法第十九条). */
    @Transactional
    public void approveMeasure(long id, Integer version, int number) {
        Acting by = acting();
        change(id, version, c -> {
            c.mayApproveMeasure(number, by, now().at(), rules.emergency().window()).orThrow();
            certified(by);
            c.approveMeasure(number, by, now(), rules.emergency().window());
        });
    }

    /** Whether {@code by} may now approve emergency measure {@code number} (within the hours of 行政强制法第十九条). */
    /** Every transition of {@code c} with its verdict for {@code by} now ({@link PenaltyCase#transitions}). */
    public java.util.Map<CaseTransition, Verdict> transitions(PenaltyCase c, Acting by) {
        return c.transitions(by, now(), periods, rules.emergency().window(), testingDays(c));
    }

    public boolean mayApproveMeasureNow(PenaltyCase c, int number, Acting by) {
        return c.mayApproveMeasure(number, by, clock.instant(), rules.emergency().window()).allowed();
    }

    @Transactional
    public void extendMeasure(long id, Integer version, int number, String reason) {
        Acting by = acting();
        change(id, version, c -> {
            long testing = testingDays(c).getOrDefault(number, 0L);
            c.mayExtendMeasure(number, by, now().day(), periods, testing).orThrow();
            certified(by);
            When when = now();
            c.extendMeasure(number, by, when, reason, periods, testing);
            procedureDocuments.seizureExtension(c, number, Actors.require().username(), when.day());
        });
    }

    @Transactional
    public void endMeasure(long id, Integer version, int number, MeasureEnding how, String reason) {
        Acting by = acting();
        change(id, version, c -> {
            c.mayEndMeasure(number, by).orThrow();
            certified(by);
            When when = now();
            c.endMeasure(number, how, by, when, reason);
            if (how == MeasureEnding.RELEASED) {
                procedureDocuments.seizureRelease(c, number, Actors.require().username(), when.day());
            }
        });
    }

    /** The discretion panel: legal range, tier range, suggestion and verdict for a proposed penalty. */
    @Transactional(readOnly = true)
    public DiscretionAssessment assess(long id, PenaltyProposal proposal) {
        PenaltyCase c = get(id);
        return assess(c, proposal);
    }

    /** The same for a case the caller already holds (loaded in its scope through {@link #get}): the case page. */
    public DiscretionAssessment assess(PenaltyCase c, PenaltyProposal proposal) {
        Violation violation = library.get(proposal.violationCode());
        if (violation.partyKind() != c.getParty().kind()) {
            throw new RuleViolation("所选违法行为条目适用于" + violation.party().label() + "，与本案当事人（"
                    + c.getParty().kind().label() + "）不符。");
        }
        try {
            return discretion.assess(violation, proposal.toInput(c.getAccidentGrade())
                    .withAccident(c.getAccident(), c.getActOn(), now().day()));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(e.getMessage());
        }
    }

    @Transactional
    public DiscretionAssessment proposePenalty(long id, Integer version, PenaltyProposal proposal) {
        PenaltyCase c = loadFor(id, version);
        DiscretionAssessment assessment = assess(c, proposal);
        List<String> reasons = triggers.legalReviewReasons(c.getParty().kind(), assessment.amountYuan(),
                proposal.otherMeasures(), proposal.complex(), assessment.outsideTier());
        boolean collective = assessment.amountYuan() != null && triggers.collectiveDiscussionRequired(c.getParty().kind(),
                assessment.amountYuan(), proposal.otherMeasures(), proposal.complex());
        c.proposePenalty(acting(), now(), assessment, proposal.reason(), proposal.otherMeasures(), proposal.complex(),
                reasons, collective, proposal.illegalGainsYuan());
        c.nameViolatedProvision(proposal.violatedProvision() != null && !proposal.violatedProvision().isBlank()
                ? proposal.violatedProvision() : library.violatedProvision(assessment.violation()).orElse(null));
        save(c);
        return assessment;
    }

    @Transactional
    public void approveProposal(long id, Integer version, String opinion) {
        change(id, version, c -> {
            When when = now();
            c.approveProposal(acting(), when, opinion);
            procedureDocuments.handlingApproval(c, me(), when.day());
        });
    }

    @Transactional
    public void returnProposal(long id, Integer version, String opinion) {
        change(id, version, c -> c.returnProposal(acting(), now(), opinion));
    }

    @Transactional
    public void reviewLegally(long id, Integer version, ReviewOpinion opinion, String text) {
        change(id, version, c -> {
            When when = now();
            c.reviewLegally(acting(), when, opinion, text);
            procedureDocuments.legalReview(c, me(), opinion, text, when.day());
        });
    }

    /** Records a 案审会 and the collective discussion of each case it decided. */
    @Transactional
    public long holdMeeting(MeetingForm form) {
        Actor actor = Actors.require();
        Acting by = Acting.of(actor);
        if (!by.has(Role.LEADER) && !by.has(Role.LEGAL)) {
            throw new RuleViolation("案审会记录须由案件审批领导或法制审核人员登记。");
        }
        if (blank(form.topic()) || blank(form.chair()) || blank(form.participants()) || blank(form.opinions())
                || blank(form.conclusion())) {
            throw new RuleViolation("请完整填写议题、主持人、参会人员、各参会人员意见和讨论结论。");
        }
        if (form.caseIds() == null || form.caseIds().isEmpty()) {
            throw new RuleViolation("请选择本次案审会讨论的案件。");
        }
        When when = now();
        long meetingId = jdbc.sql("""
                        INSERT INTO case_meeting (organization_id, held_on, topic, chair, participants, opinions, conclusion,
                                                  recorder_id, recorder_name, created_at)
                        VALUES (:org, :day, :topic, :chair, :participants, :opinions, :conclusion, :recorder, :name, :at)
                        RETURNING id""")
                .param("org", actor.organizationId()).param("day", when.day()).param("topic", form.topic().strip())
                .param("chair", form.chair().strip()).param("participants", form.participants().strip())
                .param("opinions", form.opinions().strip()).param("conclusion", form.conclusion().strip())
                .param("recorder", by.userId()).param("name", by.name())
                .param("at", java.sql.Timestamp.from(when.at())).query(Long.class).single();
        events.publishEvent(new MeetingHeld(meetingId, actor.organizationId(), when.day()));
        for (Long caseId : form.caseIds()) {
            change(caseId, null, c -> {
                c.discussCollectively(by, when, meetingId, form.conclusion());
                procedureDocuments.collectiveDiscussion(c, form, me(), when.day());
            });
        }
        return meetingId;
    }

    /** 行政处罚告知 (and 听证告知 when triggered); the 行政处罚告知书 is issued through the documents module. */
    @Transactional
    public void notifyParty(long id, Integer version) {
        change(id, version, c -> {
            boolean hearing = periods.procedure().hearingRightByAmount(c.getParty().kind().forProcedure(), c.getFineYuan())
                    || triggers.hearingRightByMeasure(c.getOtherMeasures());
            When when = now();
            c.notifyParty(acting(), when, hearing);
            documents.issueNotice(c, when.day(), Actors.require().username());
            if (hearing) {
                procedureDocuments.hearingNotice(c, Actors.require().username(), when.day());
            }
        });
    }

    @Transactional
    public void recordStatement(long id, String statement, boolean waivesRights) {
        change(id, null, c -> c.recordStatement(acting(), now(), statement, waivesRights));
    }

    @Transactional
    public void requestHearing(long id) {
        change(id, null, c -> c.requestHearing(acting(), now(), periods));
    }

    @Transactional
    public void scheduleHearing(long id, LocalDate hearingOn, String presidingOfficer) {
        scheduleHearing(id, hearingOn, presidingOfficer, null, null);
    }

    /** 听证通知书: date, place, presiding officer; public unless {@code privateReason} (行政处罚法第六十四条). */
    @Transactional
    public void scheduleHearing(long id, LocalDate hearingOn, String presidingOfficer, String place, String privateReason) {
        change(id, null, c -> {
            When when = now();
            c.scheduleHearing(acting(), when, hearingOn, presidingOfficer, place, privateReason, periods);
            procedureDocuments.hearingNotification(c, presidingOfficer, Actors.require().username(), when.day());
        });
    }

    @Transactional
    public void postponeHearing(long id, LocalDate newDay, String reason) {
        change(id, null, c -> c.postponeHearing(acting(), now(), newDay, reason, periods));
    }

    /** 撤回听证申请, or 拒不出席/中途退出 (行政处罚法第六十四条第六项): the hearing procedure ends. */
    @Transactional
    public void endHearingUnheld(long id, HearingEnding how, String note) {
        change(id, null, c -> c.endHearingUnheld(acting(), now(), how, note));
    }

    @Transactional
    public void holdHearing(long id, String record, String report) {
        change(id, null, c -> c.holdHearing(acting(), now(), record, report));
    }

    /**
     * 作出处罚决定. A 一案双罚 case is decided together with its linked case (both must be ready), each with its own
     * decision number.
     */
    @Transactional
    public void decide(long id, Integer version, String number, BigDecimal finalFineYuan, String linkedNumber) {
        PenaltyCase c = loadFor(id, version);
        Acting by = acting();
        When when = now();
        BigDecimal fine = finalFineYuan != null ? finalFineYuan : c.getFineYuan();
        if (fine != null && fine.signum() > 0 && c.getActOn() != null && c.getViolationCode() != null) {
            c.notFinedTwice(cases.findByViolationCodeAndActOn(c.getViolationCode(), c.getActOn())).orThrow();
        }
        if (c.getLinkedCaseId() != null) {
            PenaltyCase other = load(c.getLinkedCaseId());
            if (other.getDecidedOn() == null) {
                Verdict ready = other.mayDecide(by, when.day(), periods);
                if (ready.refused()) {
                    throw new RuleViolation("一案双罚须同时作出决定，关联案件" + other.getCaseNumber() + "尚不能决定：" + ready.reason());
                }
                if (blank(number) != blank(linkedNumber)) {
                    throw new RuleViolation("一案双罚须同时作出决定：请同时填写关联案件（" + other.getParty().name()
                            + "）的决定书文号，或两份均留空由系统签发。");
                }
                c.decide(by, when, decisionNumber(c, number, finalFineYuan, when), finalFineYuan, periods);
                other.decide(by, when, decisionNumber(other, linkedNumber, null, when), null, periods);
                save(c);
                save(other);
                return;
            }
        }
        c.decide(by, when, decisionNumber(c, number, finalFineYuan, when), finalFineYuan, periods);
        save(c);
    }

    /**
     * The decision's 文号: as entered (a decision issued on paper), or, when left empty, the number of the
     * 行政处罚决定书 issued now through the documents module (only once the decision is allowed).
     */
    private String decisionNumber(PenaltyCase c, String entered, BigDecimal finalFineYuan, When when) {
        if (!blank(entered)) {
            return entered;
        }
        c.mayDecide(acting(), when.day(), periods).orThrow();
        BigDecimal fine = finalFineYuan == null ? c.getFineYuan() : finalFineYuan;
        return documents.issueDecision(c, fine, when.day(), Actors.require().username()).number();
    }

    /**
     * 送达 of the decision today with a 送达回执 (method and receipt in words): a decision issued here is recorded in the
     * service ledger, which runs the case's serve step ({@link #serveRecorded}), so the case and the ledger hold one
     * service day; a decision issued on paper (no document here) is served by the case's step alone.
     */
    @Transactional
    public void serve(long id, String method, String receipt) {
        Acting by = acting();
        certified(by);
        if (services.getObject().serveDecision(id, method, receipt)) {
            return;
        }
        change(id, null, c -> c.serve(by, now(), method, receipt, periods));
    }

    /**
     * The decision's service as recorded in the service ledger ({@link CaseServices#record}): the case's own 送达 step on
     * the day it counts as served, from which the payment period and the court-application deadline run.
     */
    @Transactional
    public void serveRecorded(long id, LocalDate servedOn, String method, String receipt) {
        Acting by = acting();
        certified(by);
        change(id, null, c -> c.serve(by, new When(servedOn, clock.instant()), method, receipt, periods));
    }

    /** The 履行义务催告书's service as recorded in the service ledger: the ten days before a court application run from it. */
    @Transactional
    public void reminderServed(long id, LocalDate servedOn) {
        change(id, null, c -> c.reminderServed(servedOn));
    }

    /** The days of notified testing each measure's term does not count (行政强制法第二十五条第三款), by measure number. */
    private java.util.Map<Integer, Long> testingDays(PenaltyCase c) {
        java.util.Map<Integer, Long> days = new java.util.HashMap<>();
        if (c.getId() != null && !c.getMeasures().isEmpty()) {
            MeasureTestings.byMeasure(jdbc, c.getId()).forEach((n, t) -> days.put(n, MeasureTerm.excludedDays(t)));
        }
        return days;
    }

    @Transactional
    public void approveDeferral(long id, Integer version, LocalDate newDue, String reason) {
        change(id, version, c -> {
            When when = now();
            c.approveDeferral(acting(), when, newDue, reason);
            procedureDocuments.deferral(c, Actors.require().username(), when.day(), newDue);
        });
    }

    @Transactional
    public void approveInstalments(long id, Integer version, List<Instalment> parts, String reason) {
        change(id, version, c -> {
            When when = now();
            c.approveInstalments(acting(), when, parts, reason);
            procedureDocuments.instalments(c, Actors.require().username(), when.day());
        });
    }

    @Transactional
    public void recordPayment(long id, BigDecimal amountYuan) {
        change(id, null, c -> c.recordPayment(acting(), now(), amountYuan, periods.procedure()));
    }

    @Transactional
    public void startReviewOrLitigation(long id, String what) {
        change(id, null, c -> c.startReviewOrLitigation(acting(), now(), what));
    }

    @Transactional
    public void endReviewOrLitigation(long id, String outcome) {
        change(id, null, c -> c.endReviewOrLitigation(acting(), now(), outcome));
    }

    @Transactional
    public void remind(long id) {
        change(id, null, c -> {
            When when = now();
            c.remind(acting(), when);
            procedureDocuments.reminder(c, Actors.require().username(), when.day());
        });
    }

    @Transactional
    public void applyForEnforcement(long id, Integer version, String court) {
        change(id, version, c -> {
            When when = now();
            c.applyForEnforcement(acting(), when, court, periods);
            procedureDocuments.enforcementApplication(c, me(), when.day());
        });
    }

    /** 行刑衔接: the transfer to public security with its 移送书, copied to the 人民检察院; any stage of an open case. */
    @Transactional
    public void referForCrime(long id, Integer version, String receiver, String procuratorate, String reason) {
        change(id, version, c -> {
            When when = now();
            c.referForCrime(acting(), when, receiver, procuratorate, reason);
            procedureDocuments.criminalReferral(c, me().username(), when.day());
        });
    }

    /** Public security's acceptance or return of a transferred case. */
    @Transactional
    public void recordReferralOutcome(long id, Integer version, int number, ReferralOutcome outcome, String note) {
        change(id, version, c -> c.recordReferralOutcome(acting(), now(), number, outcome, note));
    }

    /** 回避申请 (行政处罚法第四十三条第二款), recorded for the party. */
    @Transactional
    public void applyForRecusal(long id, Integer version, RecusalRole role, String personName, String reason) {
        change(id, version, c -> c.applyForRecusal(acting(), now(), role, personName, reason));
    }

    /** 回避决定 by the head (行政处罚法第四十三条第三款). */
    @Transactional
    public void decideRecusal(long id, Integer version, int number, boolean granted, String reason) {
        change(id, version, c -> c.decideRecusal(number, acting(), now(), granted, reason));
    }

    /** A new 承办人 for the one recused: an officer of the unit with a valid 执法证. */
    @Transactional
    public void replaceRecusedHandler(long id, Integer version, String username) {
        change(id, version, c -> {
            Acting by = acting();
            When when = now();
            c.mayReplaceRecusedHandler(by).orThrow();
            var user = procedureDocuments.handler(c, username, when.day(), "新的承办人");
            c.replaceRecusedHandler(by, when, user.id(), user.displayName());
        });
    }

    /**
     * 不予处罚 with the 不予行政处罚决定书 and the education given (行政处罚法第三十三条第三款); the 首违不罚 ground is refused when
     * the party was penalised (警告 included) in the look-back period counted back from the date of the act.
     */
    @Transactional
    public void decideNoPenalty(long id, Integer version, String ground, String reason, String education) {
        PenaltyCase c = loadFor(id, version);
        c.notRecused(acting()).orThrow();
        if (firstViolationPolicy().appliesTo(ground)) {
            firstViolation(c).orThrow();
        }
        When when = now();
        c.decideNoPenalty(acting(), when, ground, reason, education);
        procedureDocuments.noPenaltyDecision(c, me().username(), when.day(), ground, reason, education);
        save(c);
    }

    private FirstViolationPolicy firstViolationPolicy() {
        return new FirstViolationPolicy(rules.firstViolation());
    }

    /** 首违不罚 (行政处罚法第三十三条第一款): no penalty, 警告 included, against the same party in the look-back before the act. */
    @Transactional(readOnly = true)
    public Verdict firstViolation(PenaltyCase c) {
        FirstViolationPolicy policy = firstViolationPolicy();
        LocalDate from = c.firstViolationCountedFrom();
        List<FirstViolationPolicy.EarlierPenalty> earlier = jdbc.sql("""
                        SELECT case_number, decision_number, decided_on, fine_yuan FROM penalty_case
                        WHERE id <> :id AND decided_on IS NOT NULL AND decided_on >= :since AND decided_on <= :until
                          AND (tier IS NULL OR tier <> 'NONE') AND stage <> 'NOT_PUNISHED'
                          AND ((CAST(:enterprise AS BIGINT) IS NOT NULL AND enterprise_id = :enterprise)
                               OR (CAST(:code AS VARCHAR) IS NOT NULL AND party_code = :code) OR party_name = :name)
                        ORDER BY decided_on DESC""")
                .param("id", c.getId()).param("since", policy.since(from)).param("until", from)
                .param("enterprise", c.getEnterpriseId()).param("code", c.getParty().code()).param("name", c.getParty().name())
                .query((rs, n) -> new FirstViolationPolicy.EarlierPenalty(rs.getString("case_number"),
                        rs.getString("decision_number"), rs.getObject("decided_on", LocalDate.class), rs.getBigDecimal("fine_yuan")))
                .list();
        return policy.firstViolation(from, earlier);
    }

    @Transactional
    public void revokeFiling(long id, Integer version, String reason) {
        change(id, version, c -> c.revokeFiling(acting(), now(), reason));
    }

    @Transactional
    public void transfer(long id, Integer version, String to, boolean criminal, String reason) {
        transfer(id, version, to, criminal, null, reason, null, List.of(), null);
    }

    /**
     * 移送 with the 案件移送书: its legal basis (default: {@link CaseProcedureDocuments#transferBasis}), the case's issued documents
     * and any further materials listed with their pages. A {@code criminal} transfer is the 行刑衔接 procedure
     * ({@link #referForCrime}, copied to {@code procuratorate}): one path, whichever form the user chose.
     */
    @Transactional
    public void transfer(long id, Integer version, String to, boolean criminal, String procuratorate, String reason, String basis,
                         List<String> extraMaterials, Integer extraPages) {
        if (criminal) {
            referForCrime(id, version, to, procuratorate, reason);
            return;
        }
        change(id, version, c -> {
            When when = now();
            c.transfer(acting(), when, to, reason);
            procedureDocuments.transfer(c, Actors.require().username(), when.day(),
                    blank(basis) ? CaseProcedureDocuments.transferBasis(criminal) : basis.strip(), extraMaterials, extraPages);
        });
    }

    @Transactional
    public void close(long id, Integer version, String opinion) {
        change(id, version, c -> {
            When when = now();
            c.close(acting(), when, opinion);
            if (c.getProcedureKind() == ProcedureKind.ORDINARY) {
                procedureDocuments.closingApproval(c, me(), when.day());
            }
        });
    }

    @Transactional
    public void archive(long id) {
        change(id, null, c -> c.archive(acting(), now()));
    }

    // ---- reads

    @Transactional(readOnly = true)
    public PenaltyCase get(long id) {
        PenaltyCase c = load(id);
        scope.require(c.getOrganizationId());
        return c;
    }

    @Transactional(readOnly = true)
    public Page<CaseRow> search(CaseFilter filter, int page, int size) {
        return search(filter, null, Set.of(), page, size);
    }

    /**
     * The case list with two oversight filters: {@code unitId} keeps the cases of that unit's subtree (within the
     * caller's scope), {@code stages} (when not empty) keeps the cases in one of those stages.
     */
    @Transactional(readOnly = true)
    public Page<CaseRow> search(CaseFilter filter, Long unitId, Set<CaseStage> stages, int page, int size) {
        List<Long> orgs = List.copyOf(scope.visibleOrganizationIds());
        if (unitId != null) {
            Set<Long> unit = scope.subtreeOf(unitId);
            orgs = orgs.stream().filter(unit::contains).toList();
        }
        if (orgs.isEmpty()) {
            return Page.empty(page, size);
        }
        String like = blank(filter.keyword()) ? null : "%" + filter.keyword().strip() + "%";
        List<String> stageNames = stages.stream().map(Enum::name).sorted().toList();
        String where = " WHERE c.organization_id IN (:orgs)"
                + (like == null ? "" : " AND (c.title LIKE :like OR c.party_name LIKE :like OR c.case_number LIKE :like)")
                + (stageNames.isEmpty() ? "" : " AND c.stage IN (:stages)")
                + (filter.stage() == null ? "" : " AND c.stage = :stage")
                + (filter.kind() == null ? "" : " AND c.kind = :kind")
                + (filter.year() == null ? "" : switch (filter.yearOf() == null ? "" : filter.yearOf()) {
                    case "filed" -> " AND EXTRACT(YEAR FROM c.filed_on) = :year";
                    case "decided" -> " AND EXTRACT(YEAR FROM c.decided_on) = :year AND c.stage <> 'NOT_PUNISHED'";
                    default -> " AND EXTRACT(YEAR FROM c.proposed_on) = :year";
                });
        String order = switch (filter.sort() == null ? "" : filter.sort()) {
            case "fine" -> " ORDER BY c.fine_yuan DESC NULLS LAST, c.id DESC";
            case "stage" -> " ORDER BY c.stage, c.id DESC";
            default -> " ORDER BY c.proposed_on DESC, c.id DESC";
        };
        long total = bind(jdbc.sql("SELECT count(*) FROM penalty_case c" + where), orgs, like, filter, stageNames)
                .query(Long.class).single();
        List<CaseRow> rows = bind(jdbc.sql("""
                        SELECT c.id, c.case_number, c.title, c.party_name, c.kind, c.stage, c.procedure_kind, c.handler_name,
                               o.name AS organization_name, c.proposed_on, c.filed_on, c.decided_on, c.fine_yuan, c.linked_case_id
                        FROM penalty_case c JOIN organization o ON o.id = c.organization_id""" + where + order
                        + " LIMIT :limit OFFSET :offset"), orgs, like, filter, stageNames)
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new CaseRow(rs.getLong("id"), rs.getString("case_number"), rs.getString("title"),
                        rs.getString("party_name"), CaseKind.valueOf(rs.getString("kind")), CaseStage.valueOf(rs.getString("stage")),
                        ProcedureKind.valueOf(rs.getString("procedure_kind")), rs.getString("handler_name"),
                        rs.getString("organization_name"), rs.getObject("proposed_on", LocalDate.class),
                        rs.getObject("filed_on", LocalDate.class), rs.getObject("decided_on", LocalDate.class),
                        rs.getBigDecimal("fine_yuan"), (Long) rs.getObject("linked_case_id")))
                .list();
        return new Page<>(rows, page, size, total);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, List<Long> orgs, String like, CaseFilter filter,
                                                 List<String> stages) {
        if (!stages.isEmpty()) {
            spec = spec.param("stages", stages);
        }
        return spec.param("orgs", orgs).param("like", like)
                .param("stage", filter.stage() == null ? null : filter.stage().name())
                .param("kind", filter.kind() == null ? null : filter.kind().name())
                .param("year", filter.year());
    }

    /** The newest cases against one enterprise in the user's scope (the offline terminal's firm facts). */
    @Transactional(readOnly = true)
    public List<CaseRow> recentOf(long enterpriseId, int limit) {
        List<Long> orgs = List.copyOf(scope.visibleOrganizationIds());
        if (orgs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT c.id, c.case_number, c.title, c.party_name, c.kind, c.stage, c.procedure_kind, c.handler_name,
                               o.name AS organization_name, c.proposed_on, c.filed_on, c.decided_on, c.fine_yuan, c.linked_case_id
                        FROM penalty_case c JOIN organization o ON o.id = c.organization_id
                        WHERE c.enterprise_id = :enterprise AND c.organization_id IN (:orgs)
                        ORDER BY c.proposed_on DESC, c.id DESC LIMIT :limit""")
                .param("enterprise", enterpriseId).param("orgs", orgs).param("limit", limit)
                .query((rs, n) -> new CaseRow(rs.getLong("id"), rs.getString("case_number"), rs.getString("title"),
                        rs.getString("party_name"), CaseKind.valueOf(rs.getString("kind")), CaseStage.valueOf(rs.getString("stage")),
                        ProcedureKind.valueOf(rs.getString("procedure_kind")), rs.getString("handler_name"),
                        rs.getString("organization_name"), rs.getObject("proposed_on", LocalDate.class),
                        rs.getObject("filed_on", LocalDate.class), rs.getObject("decided_on", LocalDate.class),
                        rs.getBigDecimal("fine_yuan"), (Long) rs.getObject("linked_case_id")))
                .list();
    }

    /** The legal reviewer's queue: cases waiting for 法制审核 in the user's scope. */
    @Transactional(readOnly = true)
    public List<CaseRow> reviewQueue() {
        return search(new CaseFilter(null, CaseStage.LEGAL_REVIEW, null, null, "filed"), 0, 200).items();
    }

    /**
     * Past decisions for the same violation in the user's jurisdiction (同一违法行为的既往裁量). A library row names a
     * penalty provision, which covers several violations (第九十七条第一项 covers untrained staff, uncertified special
     * operators, missing drills …), so with a case to compare the decisions must also share its 案由
     * ({@link SimilarViolation}).
     */
    @Transactional(readOnly = true)
    public List<SimilarCase> similarCases(String violationCode, Long excludeCaseId) {
        String title = excludeCaseId == null ? null : jdbc.sql("SELECT title FROM penalty_case WHERE id = :id")
                .param("id", excludeCaseId).query(String.class).optional().orElse(null);
        return similarCases(violationCode, excludeCaseId, title);
    }

    /** The same beside a case the caller already holds (the case page): its own title, read once. */
    @Transactional(readOnly = true)
    public List<SimilarCase> similarCases(String violationCode, PenaltyCase c) {
        return similarCases(violationCode, c.getId(), c.getTitle());
    }

    private List<SimilarCase> similarCases(String violationCode, Long excludeCaseId, String title) {
        List<Long> orgs = List.copyOf(scope.visibleOrganizationIds());
        if (orgs.isEmpty() || blank(violationCode)) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT c.id, c.case_number, c.party_name, o.name AS organization_name, c.tier, c.fine_yuan, c.decided_on,
                               c.title
                        FROM penalty_case c JOIN organization o ON o.id = c.organization_id
                        WHERE c.organization_id IN (:orgs) AND c.violation_code = :code AND c.decided_on IS NOT NULL
                          AND c.id <> :exclude AND c.stage NOT IN ('NOT_PUNISHED')
                        ORDER BY c.decided_on DESC LIMIT 500""")
                .param("orgs", orgs).param("code", violationCode).param("exclude", excludeCaseId == null ? -1L : excludeCaseId)
                .query((rs, n) -> new SimilarCase(rs.getLong("id"), rs.getString("case_number"), rs.getString("party_name"),
                        rs.getString("organization_name"), rs.getString("tier") == null ? null : Tier.valueOf(rs.getString("tier")),
                        rs.getBigDecimal("fine_yuan"), rs.getObject("decided_on", LocalDate.class), rs.getString("title")))
                .list().stream()
                .filter(similar -> title == null || SimilarViolation.same(title, similar.title()))
                .limit(20).toList();
    }

    @Transactional(readOnly = true)
    public List<Meeting> meetings(Integer year) {
        List<Long> orgs = List.copyOf(scope.visibleOrganizationIds());
        if (orgs.isEmpty()) {
            return List.of();
        }
        List<Meeting> meetings = new ArrayList<>();
        jdbc.sql("""
                        SELECT m.*, (SELECT string_agg(c.case_number, '、' ORDER BY c.id) FROM penalty_case c WHERE c.meeting_id = m.id) AS numbers
                        FROM case_meeting m WHERE m.organization_id IN (:orgs)
                          AND (CAST(:year AS INTEGER) IS NULL OR EXTRACT(YEAR FROM m.held_on) = :year)
                        ORDER BY m.held_on DESC, m.id DESC""")
                .param("orgs", orgs).param("year", year)
                .query((rs, n) -> new Meeting(rs.getLong("id"), rs.getLong("organization_id"),
                        rs.getObject("held_on", LocalDate.class), rs.getString("topic"), rs.getString("chair"),
                        rs.getString("participants"), rs.getString("opinions"), rs.getString("conclusion"),
                        rs.getString("recorder_name"),
                        rs.getString("numbers") == null ? List.of() : List.of(rs.getString("numbers").split("、"))))
                .list().forEach(meetings::add);
        return meetings;
    }

    public ViolationLibrary library() {
        return library;
    }

    public CasePeriods periods() {
        return periods;
    }

    public DiscretionEngine discretion() {
        return discretion;
    }

    // ---- plumbing

    private void change(long id, Integer version, Consumer<PenaltyCase> transition) {
        PenaltyCase c = loadFor(id, version);
        Actors.current().ifPresent(actor -> c.notRecused(Acting.of(actor)).orThrow());
        transition.accept(c);
        save(c);
    }

    private PenaltyCase loadFor(long id, Integer version) {
        PenaltyCase c = get(id);
        if (version != null && version != c.getVersion()) {
            throw stale(c);
        }
        return c;
    }

    private void save(PenaltyCase c) {
        try {
            cases.save(c);
        } catch (OptimisticLockingFailureException e) {
            throw stale(c);
        }
    }

    private static RuleViolation stale(PenaltyCase c) {
        return RuleViolation.conflict("案件" + c.getCaseNumber() + "已由他人办理了这一步骤（或已被修改），本次操作未生效，请刷新后查看。");
    }

    private PenaltyCase load(long id) {
        return cases.findById(id).orElseThrow(() -> RuleViolation.notFound("案件不存在。"));
    }

    private Acting acting() {
        return Acting.of(Actors.require());
    }

    /** The current user as the documents name and sign for them. */
    private cn.zhifa.organization.UserView me() {
        return procedureDocuments.user(Actors.require().userId());
    }

    private When now() {
        return When.of(clock);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The units whose cases the caller sees, within {@code unitId}'s subtree when given (for casework's side lists). */
    public Set<Long> visibleUnits(Long unitId) { Set<Long> all = new java.util.HashSet<>(scope.visibleOrganizationIds()); if (unitId != null) all.retainAll(scope.subtreeOf(unitId)); return all; }
}
