package cn.zhifa.publicity.internal;

import cn.zhifa.law.Deadline;
import cn.zhifa.publicity.Channel;
import cn.zhifa.publicity.PublicationStatus;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.Verdict;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The publication of one 行政处罚决定 (general procedure). Lifecycle: recorded 待公示 when the decision is made, due
 * within the statutory period ({@link #publish}); 公示中 on the portal and the channels it was carried to until it
 * expires ({@link #statusOn}); {@link #withdraw 撤回} when the decision is changed or revoked, with the reason kept.
 */
public class Publication {

    Long id;
    Long caseId;
    String caseNumber;
    long organizationId;
    String decisionNumber;
    boolean person;
    String partyName;
    String partyCode;
    String legalRepresentative;
    String partyAddress;
    String violation;
    String facts;
    String basis;
    String penalty;
    String otherMeasures;
    BigDecimal fineYuan;
    String authority;
    LocalDate decidedOn;
    LocalDate dueOn;
    boolean dueProvisional;
    LocalDate publishedOn;
    String publishedBy;
    LocalDate expiresOn;
    LocalDate changedOn;
    LocalDate withdrawalDueOn;
    LocalDate withdrawnOn;
    String withdrawalReason;
    String withdrawnBy;
    final Map<Channel, LocalDate> channels = new EnumMap<>(Channel.class);
    int version;

    Publication() {
    }

    /** A decision awaiting publication, due by {@code due} (安全生产法第七十八条). */
    static Publication awaiting(DecisionFacts facts, String authority, Deadline due) {
        Publication p = new Publication();
        p.caseId = facts.caseId();
        p.caseNumber = facts.caseNumber();
        p.organizationId = facts.organizationId();
        p.decisionNumber = facts.decisionNumber();
        p.person = facts.person();
        p.partyName = facts.partyName();
        p.partyCode = facts.partyCode();
        p.legalRepresentative = facts.legalRepresentative();
        p.partyAddress = facts.partyAddress();
        p.violation = facts.violation();
        p.facts = facts.facts();
        p.basis = facts.basis();
        p.penalty = facts.penalty();
        p.otherMeasures = facts.otherMeasures();
        p.fineYuan = facts.fineYuan();
        p.authority = authority;
        p.decidedOn = facts.decidedOn();
        p.dueOn = due.due();
        p.dueProvisional = due.provisional();
        return p;
    }

    public Verdict mayPublish(LocalDate day) {
        if (withdrawnOn != null) {
            return Verdict.refuse("该处罚决定的公示已撤回，不能再公示。");
        }
        if (publishedOn != null) {
            return Verdict.refuse("该处罚决定已于" + publishedOn + "公示。");
        }
        if (day.isBefore(decidedOn)) {
            return Verdict.refuse("公示日期不能早于处罚决定日期" + decidedOn + "。");
        }
        return Verdict.allow();
    }

    /** 公示: on the given channels (the own portal always), until {@code expiresOn}. */
    void publish(LocalDate day, Set<Channel> on, String by, LocalDate expires) {
        mayPublish(day).orThrow();
        publishedOn = day;
        publishedBy = by;
        expiresOn = expires;
        channels.put(Channel.PORTAL, day);
        on.forEach(channel -> channels.putIfAbsent(channel, day));
    }

    /** The rows of an exchange file were sent to {@code channel} on {@code day} (kept at the first sending). */
    void carriedTo(Channel channel, LocalDate day) {
        if (publishedOn == null || withdrawnOn != null) {
            throw new IllegalStateException("only published decisions are exchanged");
        }
        channels.putIfAbsent(channel, day);
    }

    public Verdict mayWithdraw(LocalDate day, LocalDate changed, String reason) {
        if (withdrawnOn != null) {
            return Verdict.refuse("该处罚决定的公示已于" + withdrawnOn + "撤回。");
        }
        if (reason == null || reason.isBlank()) {
            return Verdict.refuse("请填写撤回理由（处罚决定被变更、撤销或确认违法的情况）。");
        }
        if (changed == null) {
            return Verdict.refuse("请填写处罚决定被变更或撤销的日期。");
        }
        if (changed.isBefore(decidedOn) || changed.isAfter(day)) {
            return Verdict.refuse("变更或撤销日期应在处罚决定日期" + decidedOn + "与今天之间。");
        }
        return Verdict.allow();
    }

    /**
     * 撤回: the decision was changed or revoked on {@code changed}; the publication leaves the portal today and the
     * reason is kept. {@code withdrawalDue} is the statutory last day (行政处罚法第四十八条).
     */
    void withdraw(LocalDate day, LocalDate changed, String reason, String by, Deadline withdrawalDue) {
        mayWithdraw(day, changed, reason).orThrow();
        changedOn = changed;
        withdrawalDueOn = withdrawalDue.due();
        withdrawnOn = day;
        withdrawalReason = reason.strip();
        withdrawnBy = by;
    }

    public PublicationStatus statusOn(LocalDate day) {
        if (withdrawnOn != null) {
            return PublicationStatus.WITHDRAWN;
        }
        if (publishedOn == null) {
            return PublicationStatus.AWAITING;
        }
        return expiresOn != null && day.isAfter(expiresOn) ? PublicationStatus.EXPIRED : PublicationStatus.PUBLISHED;
    }

    /** On the public portal that day: published, not withdrawn, not expired. */
    public boolean publicOn(LocalDate day) {
        return statusOn(day) == PublicationStatus.PUBLISHED && !day.isBefore(publishedOn);
    }

    public boolean late() {
        return publishedOn != null && publishedOn.isAfter(dueOn);
    }

    public boolean overdueOn(LocalDate day) {
        return statusOn(day) == PublicationStatus.AWAITING && day.isAfter(dueOn);
    }

    public boolean withdrawnLate() {
        return withdrawnOn != null && withdrawalDueOn != null && withdrawnOn.isAfter(withdrawalDueOn);
    }

    /** Counts toward the publicity rate: not withdrawn before it was ever published. */
    public boolean dueForPublication() {
        return publishedOn != null || withdrawnOn == null;
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new RuleViolation(message);
        }
    }

    public Long id() { return id; }
    public Long caseId() { return caseId; }
    public String caseNumber() { return caseNumber; }
    public long organizationId() { return organizationId; }
    public String decisionNumber() { return decisionNumber; }
    public boolean person() { return person; }
    public String partyName() { return partyName; }
    public String partyCode() { return partyCode; }
    public String legalRepresentative() { return legalRepresentative; }
    public String partyAddress() { return partyAddress; }
    public String violation() { return violation; }
    public String facts() { return facts; }
    public String basis() { return basis; }
    public String penalty() { return penalty; }
    public String otherMeasures() { return otherMeasures; }
    public BigDecimal fineYuan() { return fineYuan; }
    public String authority() { return authority; }
    public LocalDate decidedOn() { return decidedOn; }
    public LocalDate dueOn() { return dueOn; }
    public boolean dueProvisional() { return dueProvisional; }
    public LocalDate publishedOn() { return publishedOn; }
    public String publishedBy() { return publishedBy; }
    public LocalDate expiresOn() { return expiresOn; }
    public LocalDate changedOn() { return changedOn; }
    public LocalDate withdrawalDueOn() { return withdrawalDueOn; }
    public LocalDate withdrawnOn() { return withdrawnOn; }
    public String withdrawalReason() { return withdrawalReason; }
    public Map<Channel, LocalDate> channels() { return Map.copyOf(channels); }
    public int version() { return version; }
}
