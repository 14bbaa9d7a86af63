package cn.zhifa.casework.internal.records;

import cn.zhifa.casework.OnsiteKind;
import cn.zhifa.casework.PreservationDecision;
import cn.zhifa.casework.internal.records.RecordEvents.PreservationApprovalRequested;
import cn.zhifa.casework.internal.records.RecordEvents.PreservationApproved;
import cn.zhifa.casework.internal.records.RecordEvents.PreservationDecided;
import cn.zhifa.casework.internal.records.RecordEvents.RecordIssued;
import cn.zhifa.casework.internal.records.RecordEvents.RecordSigned;
import cn.zhifa.casework.internal.records.RecordParts.Approval;
import cn.zhifa.casework.internal.records.RecordParts.By;
import cn.zhifa.casework.internal.records.RecordParts.Content;
import cn.zhifa.casework.internal.records.RecordParts.DocumentRef;
import cn.zhifa.casework.internal.records.RecordParts.Outcome;
import cn.zhifa.casework.internal.records.RecordParts.Signing;
import cn.zhifa.shared.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One on-site or party-signed record of a case (询问通知书, 询问笔录, 勘验笔录, 先行登记保存, 调查报告, 听证笔录, 当场处罚,
 * 送达回执) and the standard document issued from it.
 *
 * <p>Lifecycle: a record is drafted ({@link #draft}), signed by the officers and the party, or the party's refusal is
 * recorded ({@link #sign}), and issued ({@link #issue}). A 先行登记保存 is first put to the agency's head
 * ({@link #requestPreservation} → {@link #approve}) and only then signed and issued; in an emergency it is issued at
 * once ({@link #declareEmergency}) and approved afterwards within the configured hours. An issued 先行登记保存 gets
 * its 处理决定 once ({@link #decide}). Each transition guards the state, changes it and registers an event; a refusal
 * is a {@link Verdict} with the Chinese reason and its article.
 */
public class InvestigationRecord {

    private Long id;
    private final long caseId;
    private final long organizationId;
    private final OnsiteKind kind;
    private RecordState state;
    private final int version;
    private final Content content;
    private final By recordedBy;
    private final Instant recordedAt;
    private final String idempotencyKey;
    private Signing signing;
    private DocumentRef document;
    private Instant issuedAt;
    private Approval approval;
    private Outcome outcome;
    private final List<Object> events = new ArrayList<>();

    private InvestigationRecord(Long id, long caseId, long organizationId, OnsiteKind kind, RecordState state, int version,
                                Content content, By recordedBy, Instant recordedAt, String idempotencyKey, Signing signing,
                                DocumentRef document, Instant issuedAt, Approval approval, Outcome outcome) {
        this.id = id;
        this.caseId = caseId;
        this.organizationId = organizationId;
        this.kind = kind;
        this.state = state;
        this.version = version;
        this.content = content;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.idempotencyKey = idempotencyKey;
        this.signing = signing;
        this.document = document;
        this.issuedAt = issuedAt;
        this.approval = approval;
        this.outcome = outcome;
    }

    /** A new record of {@code kind} with what the officers wrote, not yet signed. */
    public static InvestigationRecord draft(OnsiteKind kind, long caseId, long organizationId, Content content, By by,
                                           Instant at, String idempotencyKey) {
        return new InvestigationRecord(null, caseId, organizationId, kind, RecordState.DRAFT, 0, content, by, at,
                idempotencyKey, null, null, null, null, null);
    }

    /** A 先行登记保存 put to the agency's head for approval before it is taken (行政处罚法第五十六条). */
    public static InvestigationRecord requestPreservation(long caseId, long organizationId, Content content, String reason,
                                                          By by, Instant at, String idempotencyKey) {
        InvestigationRecord r = new InvestigationRecord(null, caseId, organizationId, OnsiteKind.PRESERVATION,
                RecordState.AWAITING_APPROVAL, 0, content, by, at, idempotencyKey, null, null, null,
                Approval.requested(reason), null);
        r.events.add(new PreservationApprovalRequested(caseId, reason, at));
        return r;
    }

    /** The record as stored (for the repository). */
    public static InvestigationRecord restore(long id, long caseId, long organizationId, OnsiteKind kind, RecordState state,
                                              int version, Content content, By recordedBy, Instant recordedAt,
                                              String idempotencyKey, Signing signing, DocumentRef document, Instant issuedAt,
                                              Approval approval, Outcome outcome) {
        return new InvestigationRecord(id, caseId, organizationId, kind, state, version, content, recordedBy, recordedAt,
                idempotencyKey, signing, document, issuedAt, approval, outcome);
    }

    // ---- 先行登记保存: approval

    /** Whether {@code by} may approve this 先行登记保存 now: a head ({@code leader}), before it, or afterwards in time. */
    public Verdict mayApprove(boolean leader, Instant now, RecordRules rules) {
        RecordRules.PreservationApproval law = rules.preservationApproval();
        if (kind != OnsiteKind.PRESERVATION) return Verdict.refuse(kind.label() + "不需要负责人批准。");
        if (approval != null && approval.given()) return Verdict.refuse("该先行登记保存已经负责人批准，不能重复批准。");
        if (!leader) return Verdict.refuse("先行登记保存须由行政机关负责人批准（" + law.source() + "）。");
        if (state == RecordState.AWAITING_APPROVAL) return Verdict.allow();
        if (emergency() && issuedAt != null) {
            if (now.isAfter(approvalDueAt(rules))) {
                return Verdict.refuse("情况紧急先行登记保存的，应当在" + law.emergencyHours() + "小时内补办批准手续（"
                        + law.emergencySource() + "）；已超过时限，不能补办批准，应当解除先行登记保存。");
            }
            return Verdict.allow();
        }
        return Verdict.refuse("该先行登记保存没有待批准的申请。");
    }

    /** The head approves: before the preservation (it may then be signed and issued), or afterwards in an emergency. */
    public void approve(By by, boolean leader, String opinion, Instant now, RecordRules rules) {
        mayApprove(leader, now, rules).orThrow();
        boolean afterwards = state != RecordState.AWAITING_APPROVAL;
        approval = approval.give(by, now, opinion == null || opinion.isBlank() ? "同意" : opinion.strip(), afterwards);
        if (!afterwards) state = RecordState.APPROVED;
        events.add(new PreservationApproved(caseId, id, by.name(), afterwards, now));
    }

    /** 情况紧急: the 先行登记保存 is taken at once and approved afterwards within the configured hours. */
    public Verdict mayDeclareEmergency(String reason, RecordRules rules) {
        if (kind != OnsiteKind.PRESERVATION || state != RecordState.DRAFT) return Verdict.refuse("只有新登记的先行登记保存可以按紧急情况办理。");
        if (reason == null || reason.isBlank()) {
            return Verdict.refuse("按紧急情况先行登记保存的，须写明紧急情况（证据可能灭失或者以后难以取得），并于"
                    + rules.preservationApproval().emergencyHours() + "小时内报负责人补办批准手续（"
                    + rules.preservationApproval().emergencySource() + "）。");
        }
        return Verdict.allow();
    }

    public void declareEmergency(String reason, RecordRules rules) {
        mayDeclareEmergency(reason, rules).orThrow();
        approval = Approval.emergency(reason.strip());
    }

    /** The latest moment an emergency 先行登记保存 may be approved afterwards. */
    public Instant approvalDueAt(RecordRules rules) {
        return issuedAt.plus(rules.preservationApproval().emergencyWindow());
    }

    /** An emergency 先行登记保存 whose approval afterwards is still missing when its time has passed. */
    public boolean approvalOverdue(Instant now, RecordRules rules) {
        return emergency() && !approval.given() && issuedAt != null && now.isAfter(approvalDueAt(rules));
    }

    // ---- signing and issuing

    /** The signatures may be taken: the record is drafted (or approved) and the party signed or refused to sign. */
    public Verdict maySign(Signing s, RecordRules rules) {
        if (state == RecordState.AWAITING_APPROVAL) {
            return Verdict.refuse("先行登记保存尚未经行政机关负责人批准，不能签发通知书（" + rules.preservationApproval().source() + "）。");
        }
        if (state != RecordState.DRAFT && state != RecordState.APPROVED) {
            return Verdict.refuse("该" + kind.label() + "当前" + state.label() + "，不能再签名。");
        }
        return partySigned(kind, s, rules);
    }

    /** The party signed the record of {@code kind}, or their refusal is recorded with its witness. */
    public static Verdict partySigned(OnsiteKind kind, Signing s, RecordRules rules) {
        Optional<String> area = partyArea(kind);
        if (area.isPresent() && !s.signedAreas().contains(area.get()) && !s.refusedAreas().containsKey(area.get())) {
            return Verdict.refuse(partyLabel(kind) + "未签名，也未记录拒绝签名的原因和见证人，不能签发" + kind.label() + "（"
                    + rules.partySignature().source() + "）。");
        }
        return Verdict.allow();
    }

    public void sign(Signing s, RecordRules rules) {
        maySign(s, rules).orThrow();
        signing = s;
        boolean refused = partyArea(kind).map(s.refusedAreas()::containsKey).orElse(false);
        state = refused ? RecordState.SIGNATURE_REFUSED : RecordState.SIGNED;
        events.add(new RecordSigned(caseId, kind, refused));
    }

    /** Signed (or the refusal recorded) and, for a 先行登记保存, approved before or taken in a declared emergency. */
    public Verdict mayIssue(RecordRules rules) {
        if (state != RecordState.SIGNED && state != RecordState.SIGNATURE_REFUSED) {
            return Verdict.refuse("该" + kind.label() + "当前" + state.label() + "，须先签名（或记录拒绝签名）才能签发。");
        }
        if (kind == OnsiteKind.PRESERVATION && (approval == null || !approval.given() && !approval.emergency())) {
            return Verdict.refuse("先行登记保存须经行政机关负责人批准后才能签发通知书（" + rules.preservationApproval().source()
                    + "）；情况紧急的，须写明紧急情况，并于" + rules.preservationApproval().emergencyHours() + "小时内补办批准手续。");
        }
        return Verdict.allow();
    }

    public void issue(DocumentRef issued, Instant at, RecordRules rules) {
        mayIssue(rules).orThrow();
        document = issued;
        issuedAt = at;
        state = RecordState.ISSUED;
        events.add(new RecordIssued(caseId, id, kind, issued.number(), at));
    }

    // ---- 先行登记保存处理决定

    /** An issued 先行登记保存 without a decision yet. */
    public Verdict mayDecide() {
        if (kind != OnsiteKind.PRESERVATION) return Verdict.refuse(kind.label() + "没有处理决定。");
        if (outcome != null) {
            return Verdict.refuse("该先行登记保存已于" + outcome.decidedOn() + "作出处理决定（" + outcome.decision().label()
                    + "），不能重复作出。");
        }
        if (state != RecordState.ISSUED) return Verdict.refuse("先行登记保存证据通知书尚未签发，不能作出处理决定。");
        return Verdict.allow();
    }

    /**
     * The 先行登记保存处理决定 (行政处罚法第五十六条): dated no earlier than the preservation and no later than today; a
     * decision dated after {@code due} is recorded and flagged late.
     */
    public Verdict mayDecide(LocalDate day, String reason, LocalDate preservedOn, LocalDate today) {
        Verdict may = mayDecide();
        if (may.refused()) return may;
        if (day.isBefore(preservedOn)) return Verdict.refuse("处理决定日期不能早于先行登记保存之日（" + preservedOn + "）。");
        if (day.isAfter(today)) return Verdict.refuse("处理决定日期不能晚于今天。");
        if (reason == null || reason.isBlank()) return Verdict.refuse("请填写处理理由。");
        if (reason.strip().length() > 1000) return Verdict.refuse("处理理由不能超过1000字。");
        return Verdict.allow();
    }

    public Outcome decide(PreservationDecision decision, LocalDate day, String reason, LocalDate today, ZoneId zone,
                          LocalDate due, By by, Instant at) {
        mayDecide(day, reason, preservedOn(zone), today).orThrow();
        outcome = new Outcome(decision, day, reason.strip(), day.isAfter(due), by, at);
        state = RecordState.DECIDED;
        events.add(new PreservationDecided(caseId, id, decision, day, outcome.late()));
        return outcome;
    }

    /** The day the evidence was preserved: the day the notice was issued. */
    public LocalDate preservedOn(ZoneId zone) {
        return LocalDateTime.ofInstant(issuedAt != null ? issuedAt : recordedAt, zone).toLocalDate();
    }

    // ---- reading

    /** The signature area of the person who signs for the party, when the kind has one. */
    public Optional<String> partyArea() {
        return partyArea(kind);
    }

    private static Optional<String> partyArea(OnsiteKind kind) {
        return switch (kind) {
            case INQUIRY -> Optional.of("interviewee");
            case SURVEY, PRESERVATION, HEARING, ON_THE_SPOT -> Optional.of("party");
            case SERVICE -> Optional.of("receiver");
            case INQUIRY_NOTICE, REPORT -> Optional.empty();
        };
    }

    private static String partyLabel(OnsiteKind kind) {
        return switch (kind) {
            case INQUIRY -> "被询问人";
            case SERVICE -> "收件人";
            case HEARING -> "申请听证人";
            default -> "当事人";
        };
    }

    public boolean emergency() {
        return approval != null && approval.emergency();
    }

    public boolean decided() {
        return outcome != null;
    }

    /** The events registered since the record was loaded; cleared by the repository once saved. */
    public List<Object> events() {
        return List.copyOf(events);
    }

    void clearEvents() {
        events.clear();
    }

    void assignId(long id) {
        this.id = id;
    }

    public Long id() {
        return id;
    }

    public long caseId() {
        return caseId;
    }

    public long organizationId() {
        return organizationId;
    }

    public OnsiteKind kind() {
        return kind;
    }

    public RecordState state() {
        return state;
    }

    public int version() {
        return version;
    }

    public Content content() {
        return content;
    }

    public By recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public Signing signing() {
        return signing;
    }

    public DocumentRef document() {
        return document;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Approval approval() {
        return approval;
    }

    public Outcome outcome() {
        return outcome;
    }
}
