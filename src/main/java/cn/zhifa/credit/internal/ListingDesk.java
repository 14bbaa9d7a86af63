package cn.zhifa.credit.internal;

import cn.zhifa.audit.Audit;
import cn.zhifa.casework.CaseManagement;
import cn.zhifa.casework.PenaltyCase;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.IssueRequest;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.Party;
import cn.zhifa.documents.SourceRef;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.law.PeriodCode;
import cn.zhifa.law.StatutoryPeriods;
import cn.zhifa.organization.DataScope;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseTimelineEntry;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The listing procedure: 告知 (with the 陈述申辩 period in working days), statement, 列入决定 with its 决定书,
 * 不予列入, removal at the end of the term (daily sweep) or early after 信用修复 with its conditions checked.
 * On removal the public list drops the entry at once; the statutory stop date is kept to show it was met.
 */
@Component
public class ListingDesk {

    /** One repair condition as checked for an application: met or not, and how it was established. */
    public record ConditionCheck(String code, String text, boolean met, String how) {
    }

    private final Listings listings;
    private final CreditPolicy policy;
    private final StatutoryPeriods periods;
    private final LegalCalendar calendar;
    private final DocumentManagement documents;
    private final CaseManagement cases;
    private final EnterpriseManagement enterprises;
    private final DataScope scope;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ListingDesk(Listings listings, CreditPolicy policy, StatutoryPeriods periods, LegalCalendar calendar,
                DocumentManagement documents, CaseManagement cases, EnterpriseManagement enterprises, DataScope scope,
                JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.listings = listings;
        this.policy = policy;
        this.periods = periods;
        this.calendar = calendar;
        this.documents = documents;
        this.cases = cases;
        this.enterprises = enterprises;
        this.scope = scope;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Listing get(long id) {
        Listing l = listings.get(id);
        scope.require(l.organizationId());
        return l;
    }

    @Transactional
    public Listing notifyParty(long id, int version) {
        return notifyParty(id, version, today());
    }

    @Transactional
    public Listing notifyParty(long id, int version, LocalDate today) {
        Listing l = checked(id, version);
        l.mayNotify().orThrow();
        LocalDate due = calendar.addWorkingDays(today, policy.statementWorkingDays()).due();
        Listing notified = with(l, Listing.Status.NOTIFIED, today, due, l.statement(), null, null, null);
        listings.save(notified);
        Audit.target("严重失信主体名单", id);
        Audit.detail("告知拟列入：" + l.enterpriseName() + "，陈述申辩期至 " + due);
        return listings.get(id);
    }

    @Transactional
    public Listing recordStatement(long id, int version, String statement) {
        Listing l = checked(id, version);
        l.mayRecordStatement().orThrow();
        if (statement == null || statement.isBlank()) {
            throw new RuleViolation("请填写当事人陈述申辩的内容（或“放弃陈述申辩”）。");
        }
        if (statement.length() > 2000) {
            throw new RuleViolation("陈述申辩内容不能超过 2000 字。");
        }
        listings.save(with(l, l.status(), l.notifiedOn(), l.statementDue(), statement.strip(), null, null, null));
        Audit.target("严重失信主体名单", id);
        return listings.get(id);
    }

    /** 列入决定: issues the 决定书 and publishes the entry for the listing term. */
    @Transactional
    public Listing decide(long id, int version, String adoption) {
        return decide(id, version, adoption, today());
    }

    @Transactional
    public Listing decide(long id, int version, String adoption, LocalDate today) {
        Listing l = checked(id, version);
        l.mayDecide(today).orThrow();
        LocalDate expires = periods.due(PeriodCode.CREDIT_LISTING, today).due();
        LocalDate earlyFrom = periods.due(PeriodCode.CREDIT_EARLY_REMOVAL, today).due();
        String statementText = (l.statement() == null || l.statement().isBlank()
                ? "当事人在陈述申辩期内未提出陈述、申辩。" : "当事人陈述申辩：" + l.statement())
                + (adoption == null || adoption.isBlank() ? "" : "\n采纳情况：" + adoption.strip());
        var firm = enterprises.find(l.enterpriseId()).orElse(null);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("caseReference", l.caseReference() == null || l.caseReference().isBlank() ? "安全生产违法行为" : l.caseReference());
        fields.put("ground", l.groundText().contains("：") ? l.groundText().substring(0, l.groundText().indexOf('：')) : l.groundText());
        fields.put("notifiedOn", l.notifiedOn());
        fields.put("statement", statementText);
        fields.put("listedOn", today);
        fields.put("expiresOn", expires);
        fields.put("earlyRemovalFrom", earlyFrom);
        Party party = Party.unit("party", l.enterpriseName(), l.uscc(), firm == null ? null : firm.legalRepresentative(), null,
                firm == null ? null : firm.address(), null, null);
        String by = Actors.current().map(a -> a.displayName()).orElse("信用管理");
        IssuedDocument doc = documents.issue(new IssueRequest("CREDIT_LISTING_DECISION", l.organizationId(),
                new SourceRef("credit-listing", String.valueOf(id)), fields, List.of(party), List.of(), List.of(), List.of(),
                today, by, "credit-listing-decision-" + id));
        Listing listed = new Listing(l.id(), l.enterpriseId(), l.enterpriseName(), l.uscc(), l.organizationId(), l.authority(),
                l.groundCode(), l.groundText(), l.caseId(), l.caseReference(), Listing.Status.LISTED, l.proposedOn(),
                l.notifiedOn(), l.statementDue(), l.statement(), today, doc.number(), doc.id(), expires, earlyFrom, null, null,
                null, null, null, null, l.version());
        listings.save(listed);
        Audit.target("严重失信主体名单", id);
        Audit.detail("列入决定 " + doc.number() + "：" + l.enterpriseName() + "，至 " + expires);
        events.publishEvent(new EnterpriseTimelineEntry(l.enterpriseId(), today, "信用",
                "列入严重失信主体名单（" + doc.number() + "）", "/credit/listings/" + id));
        return listings.get(id);
    }

    @Transactional
    public Listing drop(long id, int version, String reason) {
        Listing l = checked(id, version);
        l.mayDrop().orThrow();
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("请写明不予列入的理由。");
        }
        Listing dropped = new Listing(l.id(), l.enterpriseId(), l.enterpriseName(), l.uscc(), l.organizationId(), l.authority(),
                l.groundCode(), l.groundText(), l.caseId(), l.caseReference(), Listing.Status.DROPPED, l.proposedOn(),
                l.notifiedOn(), l.statementDue(), l.statement(), today(), null, null, null, null, null, null, null, null, null,
                reason.strip(), l.version());
        listings.save(dropped);
        Audit.target("严重失信主体名单", id);
        Audit.detail("不予列入：" + reason.strip());
        return listings.get(id);
    }

    /** The repair conditions as they stand for this entry, with the leader's confirmations. */
    public List<ConditionCheck> repairChecks(Listing l, Set<String> confirmed) {
        List<ConditionCheck> checks = new ArrayList<>();
        for (CreditPolicy.RepairCondition c : policy.repairConditions()) {
            checks.add(switch (c.check()) {
                case CONFIRMED -> new ConditionCheck(c.code(), c.text(), confirmed.contains(c.code()),
                        confirmed.contains(c.code()) ? "经审核确认" : "待审核确认");
                case CASE_PAID -> finePaid(l, c, confirmed);
                case NO_NEW_ACCIDENT_OR_LISTING -> noRecurrence(l, c);
            });
        }
        return checks;
    }

    private ConditionCheck finePaid(Listing l, CreditPolicy.RepairCondition c, Set<String> confirmed) {
        if (l.caseId() == null) {
            return new ConditionCheck(c.code(), c.text(), confirmed.contains(c.code()),
                    confirmed.contains(c.code()) ? "经审核确认" : "无关联案件，待审核确认");
        }
        PenaltyCase pc = cases.get(l.caseId());
        BigDecimal fine = pc.getFineYuan() == null ? BigDecimal.ZERO : pc.getFineYuan();
        BigDecimal paid = pc.getPaidYuan() == null ? BigDecimal.ZERO : pc.getPaidYuan();
        boolean met = paid.compareTo(fine) >= 0;
        return new ConditionCheck(c.code(), c.text(), met, met ? "案件记载罚款已缴清" : "案件记载罚款尚未缴清");
    }

    private ConditionCheck noRecurrence(Listing l, CreditPolicy.RepairCondition c) {
        long accidents = jdbc.sql("SELECT count(*) FROM credit_fact WHERE enterprise_id = ? AND kind = 'ACCIDENT' AND occurred_on > ?")
                .params(l.enterpriseId(), l.decidedOn()).query(Long.class).single();
        boolean other = listings.otherProposalSince(l.enterpriseId(), l.id(), l.decidedOn());
        boolean met = accidents == 0 && !other;
        return new ConditionCheck(c.code(), c.text(), met, met ? "列入后未再发生事故或列入情形"
                : "列入后又发生" + (accidents > 0 ? " " + accidents + " 起事故" : "新的列入情形"));
    }

    /** 信用修复: early removal on application, only after the minimum term and with every condition met. */
    @Transactional
    public Listing removeEarly(long id, int version, Set<String> confirmed, String reason) {
        return removeEarly(id, version, confirmed, reason, today());
    }

    @Transactional
    public Listing removeEarly(long id, int version, Set<String> confirmed, String reason, LocalDate today) {
        Listing l = checked(id, version);
        l.mayRemoveEarly(today).orThrow();
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("请写明信用修复的审核意见。");
        }
        List<ConditionCheck> unmet = repairChecks(l, confirmed).stream().filter(c -> !c.met()).toList();
        if (!unmet.isEmpty()) {
            throw new RuleViolation("不符合提前移出条件：" + String.join("；", unmet.stream().map(c -> c.text() + "（" + c.how() + "）").toList()));
        }
        remove(l, Listing.RemovalKind.REPAIRED, reason.strip(), today);
        return listings.get(id);
    }

    /** Removes entries whose term ended; the daily sweep and start-up call it. */
    @Transactional
    public int removeExpired() {
        LocalDate today = today();
        List<Listing> due = listings.expiring(today);
        due.forEach(l -> remove(l, Listing.RemovalKind.EXPIRED, "管理期限届满", l.expiresOn()));
        return due.size();
    }

    private void remove(Listing l, Listing.RemovalKind kind, String reason, LocalDate on) {
        LocalDate stopDue = periods.due(PeriodCode.CREDIT_REMOVAL_STOP_PUBLICATION, on).due();
        listings.save(new Listing(l.id(), l.enterpriseId(), l.enterpriseName(), l.uscc(), l.organizationId(), l.authority(),
                l.groundCode(), l.groundText(), l.caseId(), l.caseReference(), Listing.Status.REMOVED, l.proposedOn(),
                l.notifiedOn(), l.statementDue(), l.statement(), l.decidedOn(), l.decisionNumber(), l.decisionDocumentId(),
                l.expiresOn(), l.earlyRemovalFrom(), on, kind, reason, stopDue, on, null, l.version()));
        Audit.target("严重失信主体名单", l.id());
        Audit.detail(kind.label() + "：" + l.enterpriseName() + "，停止公示 " + on + "（期限 " + stopDue + "）");
        events.publishEvent(new EnterpriseTimelineEntry(l.enterpriseId(), on, "信用",
                "移出严重失信主体名单（" + kind.label() + "）", "/credit/listings/" + l.id()));
    }

    private Listing checked(long id, int version) {
        Listing l = get(id);
        if (l.version() != version) {
            throw RuleViolation.conflict("该名单记录已被他人修改，请刷新后重试。");
        }
        return l;
    }

    private static Listing with(Listing l, Listing.Status status, LocalDate notifiedOn, LocalDate statementDue, String statement,
                                LocalDate decidedOn, String number, Long documentId) {
        return new Listing(l.id(), l.enterpriseId(), l.enterpriseName(), l.uscc(), l.organizationId(), l.authority(),
                l.groundCode(), l.groundText(), l.caseId(), l.caseReference(), status, l.proposedOn(), notifiedOn,
                statementDue, statement, decidedOn, number, documentId, l.expiresOn(), l.earlyRemovalFrom(), l.removedOn(),
                l.removalKind(), l.removalReason(), l.publicationStopDue(), l.publicationStoppedOn(), l.droppedReason(),
                l.version());
    }
}
