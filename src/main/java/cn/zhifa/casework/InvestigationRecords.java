package cn.zhifa.casework;

import static cn.zhifa.casework.internal.records.RecordForms.*;

import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.IssueRequest;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.Officer;
import cn.zhifa.documents.Party;
import cn.zhifa.documents.SourceRef;
import cn.zhifa.casework.internal.records.CaseRecords;
import cn.zhifa.casework.internal.records.InvestigationRecord;
import cn.zhifa.casework.internal.records.RecordParts.By;
import cn.zhifa.casework.internal.records.RecordParts.Content;
import cn.zhifa.casework.internal.records.RecordParts.DocumentRef;
import cn.zhifa.casework.internal.records.RecordParts.Named;
import cn.zhifa.casework.internal.records.RecordParts.Outcome;
import cn.zhifa.casework.internal.records.RecordParts.Person;
import cn.zhifa.casework.internal.records.RecordRules;
import cn.zhifa.casework.internal.records.RecordSigners;
import cn.zhifa.casework.internal.records.RecordSigners.Signed;
import cn.zhifa.casework.internal.records.RecordState;
import cn.zhifa.inspection.SignatureImage;
import cn.zhifa.law.PeriodCode;
import cn.zhifa.law.StatutoryPeriods;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.registry.OfficerSummary;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.Verdict;
import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The structured on-site and party-signed records of a case and the standard documents issued from them:
 * 询问通知书, 询问笔录, 勘验笔录, 先行登记保存证据通知书, 案件调查报告, 听证笔录, 行政（当场）处罚决定书 and 送达回执.
 *
 * <p>Each command validates the input (Chinese messages), checks the drawn signatures as the inspection terminal does
 * ({@link SignatureImage}), records the case step through {@link CaseManagement} (so the timeline and the deadlines
 * follow), issues the document through the documents module and stores the record, all in one transaction: a refusal
 * anywhere (a missing signature without a recorded refusal, a wrong ID number, the case in the wrong stage) leaves
 * nothing written.
 */
@Service
public class InvestigationRecords {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日H时m分");
    private static final Set<String> BRING = Set.of("身份证", "营业执照", "法定代表人身份证明或者委托书");

    private final CaseManagement cases;
    private final DocumentManagement documents;
    private final OfficerManagement officers;
    private final OrganizationManagement organizations;
    private final StatutoryPeriods periods;
    private final CaseRecords store;
    private final RecordSigners signers;
    private final RecordRules rules = RecordRules.bundled();
    private final Clock clock;
    private final CaseProcedureDocuments procedure;

    InvestigationRecords(CaseManagement cases, DocumentManagement documents, OfficerManagement officers,
                         OrganizationManagement organizations, StatutoryPeriods periods, CaseRecords store,
                         RecordSigners signers, Clock clock, CaseProcedureDocuments procedure) {
        this.signers = signers;
        this.procedure = procedure;
        this.store = store;
        this.cases = cases;
        this.documents = documents;
        this.officers = officers;
        this.organizations = organizations;
        this.periods = periods;
        this.clock = clock;
    }

    // ---- commands

    /** 询问通知: who is to come, when, where, with which materials; issues the 询问通知书. */
    @Transactional
    public long scheduleInquiry(long caseId, RecordInput in) {
        Optional<Long> earlier = earlier(in);
        if (earlier.isPresent()) return earlier.get();
        PenaltyCase c = investigable(caseId);
        String name = required(in, "personName", "被询问人（单位）");
        String reason = required(in, "reason", "询问事由");
        LocalDateTime time = dateTime(in, "time", "接受询问时间");
        if (!time.toLocalDate().isAfter(today().minusDays(1))) throw new RuleViolation("接受询问时间不能早于今天。");
        String place = required(in, "place", "接受询问地点");
        List<String> bring = lines(in.field("bring")).stream()
                .map(b -> BRING.contains(b) || b.startsWith("其他") ? b : "其他：" + b).toList();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reason", reason);
        fields.put("time", time);
        fields.put("place", place);
        fields.put("bring", bring);
        Party party = Party.person("party", name, null, null, null, null, null, null, null, in.field("phone"));
        Signed signed = new Signed(List.of(), List.of(), "");
        InvestigationRecord r = signedDraft(OnsiteKind.INQUIRY_NOTICE, c, new Content(time, null, place,
                new Person(name, null, null, in.field("phone"), null, null, null), List.of(), List.of(), List.of(), reason,
                details("bring", String.join("、", bring))), signed, in);
        IssuedDocument d = issue(OnsiteKind.INQUIRY_NOTICE, c, fields, List.of(party), List.of(), signed, in);
        cases.recordInvestigation(caseId, StepKind.INQUIRY, "通知" + name + "于" + SHOWN.format(time) + "到" + place
                + "接受询问（" + title(d) + "）");
        return issued(r, d);
    }

    /** 询问笔录 with the question/answer pairs and the signatures of 询问人, 记录人 and 被询问人. */
    @Transactional
    public long recordInquiry(long caseId, RecordInput in) {
        Optional<Long> earlier = earlier(in);
        if (earlier.isPresent()) return earlier.get();
        PenaltyCase c = investigable(caseId);
        LocalDateTime from = dateTime(in, "startTime", "询问开始时间");
        LocalDateTime to = dateTime(in, "endTime", "询问结束时间");
        period(from, to, "询问");
        String place = required(in, "place", "询问地点");
        Person person = person(in, "被询问人");
        String subject = Optional.ofNullable(in.field("subject")).orElse(c.getTitle());
        List<RecordInput.QuestionAnswer> answers = answers(in);
        List<Named> team = signers.team(c.getOrganizationId(), in, true);
        Signed signed = signers.signatures(OnsiteKind.INQUIRY, in, team, Map.of("interviewee", person.name()));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("startTime", from);
        fields.put("endTime", to);
        fields.put("round", Optional.ofNullable(in.field("round")).orElse("第" + (store.countOf(caseId, OnsiteKind.INQUIRY, person.name()) + 1) + "次"));
        fields.put("place", place);
        fields.put("recorder", team.get(2).name());
        fields.put("present", in.field("present"));
        fields.put("subject", subject);
        fields.put("transcript", transcript(answers));
        Party interviewee = Party.person("interviewee", person.name(), person.gender(), person.age(today()), person.idNumber(),
                person.workUnit(), person.position(), in.field("address"), null, person.phone());
        InvestigationRecord r = signedDraft(OnsiteKind.INQUIRY, c, new Content(from, to, place, person, team, answers, List.of(),
                subject, details("present", in.field("present"))), signed, in);
        IssuedDocument d = issue(OnsiteKind.INQUIRY, c, fields, List.of(interviewee), RecordSigners.officersOf(team), signed, in);
        cases.recordInvestigation(caseId, StepKind.INQUIRY, "询问" + person.name()
                + (person.relation() == null ? "" : "（" + person.relation() + "）") + "，" + SHOWN.format(from) + "，"
                + place + "，问答" + answers.size() + "组" + signed.noteSuffix() + "（" + title(d) + "）");
        return issued(r, d);
    }

    /** 勘验笔录 of the scene, signed by the 勘验人, the party, the invited witness (optional) and the 记录人. */
    @Transactional
    public long recordSurvey(long caseId, RecordInput in) {
        Optional<Long> earlier = earlier(in);
        if (earlier.isPresent()) return earlier.get();
        PenaltyCase c = investigable(caseId);
        LocalDateTime from = dateTime(in, "startTime", "勘验开始时间");
        LocalDateTime to = dateTime(in, "endTime", "勘验结束时间");
        period(from, to, "勘验");
        String place = required(in, "place", "勘验场所");
        String findings = required(in, "findings", "勘验情况");
        String partyName = required(in, "partyPerson", "到场的当事人（或其负责人）姓名");
        List<Named> team = signers.team(c.getOrganizationId(), in, true);
        Map<String, String> others = new LinkedHashMap<>();
        others.put("party", partyName);
        if (in.field("invitee") != null) others.put("invitee", in.field("invitee"));
        Signed signed = signers.signatures(OnsiteKind.SURVEY, in, team, others);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("startTime", from);
        fields.put("endTime", to);
        fields.put("place", place);
        fields.put("weather", in.field("weather"));
        fields.put("invitee", in.field("invitee"));
        fields.put("recorder", team.get(2).name());
        fields.put("findings", findings);
        PartySnapshot p = c.getParty();
        Party party = p.kind() == PartyKind.UNIT
                ? Party.unit("party", p.name() + "（到场人：" + partyName + "）", p.code(), p.legalRepresentative(), in.field("partyPosition"), p.address(), null, null)
                : Party.person("party", p.name(), null, null, p.code(), null, in.field("partyPosition"), p.address(), null, null);
        InvestigationRecord r = signedDraft(OnsiteKind.SURVEY, c, new Content(from, to, place,
                new Person(partyName, null, null, null, null, in.field("partyPosition"), null), team, List.of(), List.of(), findings,
                details("weather", in.field("weather"), "invitee", in.field("invitee"))), signed, in);
        IssuedDocument d = issue(OnsiteKind.SURVEY, c, fields, List.of(party), RecordSigners.officersOf(team), signed, in);
        cases.recordInvestigation(caseId, StepKind.SITE_EXAMINATION, "勘验" + place + "，" + SHOWN.format(from) + "：" + abbreviate(findings)
                + signed.noteSuffix() + "（" + title(d) + "）");
        return issued(r, d);
    }

    /**
     * 先行登记保存 put to the head for approval (行政处罚法第五十六条): the evidence, where it is to be kept, why, and the two
     * officers who will take it. Nothing is issued; once approved, {@link #issuePreservation} issues the notice.
     */
    @Transactional
    public long requestPreservation(long caseId, RecordInput in) {
        Optional<Long> earlier = earlier(in);
        if (earlier.isPresent()) return earlier.get();
        PenaltyCase c = investigable(caseId);
        String reason = required(in, "approvalReason", "提请批准的理由（证据可能灭失或者以后难以取得的情形）");
        InvestigationRecord r = InvestigationRecord.requestPreservation(caseId, c.getOrganizationId(),
                preservationContent(c, in, signers.team(c.getOrganizationId(), in, false)), reason, by(), clock.instant(), in.idempotencyKey());
        return store.add(r).id();
    }

    /**
     * 先行登记保存证据 taken at once in an emergency ({@code emergencyReason}; approved afterwards within the configured
     * hours): the items, where they are kept, the party's signature; the decision is due within the period law configures
     * ({@link PeriodCode#EVIDENCE_PRESERVATION}), printed as the day to collect it. Without an emergency it is refused:
     * the head approves first ({@link #requestPreservation}).
     */
    @Transactional
    public long preserveEvidence(long caseId, RecordInput in) {
        Optional<Long> earlier = earlier(in);
        if (earlier.isPresent()) return earlier.get();
        PenaltyCase c = investigable(caseId);
        List<Named> team = signers.team(c.getOrganizationId(), in, false);
        InvestigationRecord r = InvestigationRecord.draft(OnsiteKind.PRESERVATION, caseId, c.getOrganizationId(),
                preservationContent(c, in, team), by(), clock.instant(), in.idempotencyKey());
        if (in.field("emergencyReason") != null) r.declareEmergency(in.field("emergencyReason"), rules);
        return issuePreservation(c, r, in);
    }

    /** Issues the 先行登记保存证据通知书 of a preservation the head approved, signed now by the officers and the party. */
    @Transactional
    public long issuePreservation(long caseId, long recordId, RecordInput in) {
        PenaltyCase c = investigable(caseId);
        InvestigationRecord r = store.forUpdate(caseId, recordId)
                .orElseThrow(() -> RuleViolation.notFound("本案没有该先行登记保存记录。"));
        if (r.state() == RecordState.ISSUED || r.state() == RecordState.DECIDED) return r.id();
        if (r.content().team().stream().noneMatch(t -> t.userId() == Actors.require().userId())) {
            throw new RuleViolation("先行登记保存须由在场的执法人员本人登记：只有批准的两名执法人员可以签发通知书。");
        }
        return issuePreservation(c, r, in);
    }

    private long issuePreservation(PenaltyCase c, InvestigationRecord r, RecordInput in) {
        Content content = r.content();
        String partyName = required(in, "partyPerson", "被通知人（或被通知单位负责人）姓名");
        Signed signed = signers.signatures(OnsiteKind.PRESERVATION, in, content.team(), Map.of("party", partyName));
        r.sign(signed.signing(), rules);
        r.mayIssue(rules).orThrow();
        LocalDate due = decisionDue(today());
        List<List<String>> table = new ArrayList<>();
        int n = 1;
        for (RecordInput.Item item : content.items()) {
            table.add(List.of(String.valueOf(n++), item.name(), or(item.spec(), ""), "", "", "", "", item.quantity(),
                    "保存于" + or(item.location(), content.place())));
        }
        String collectAt = detail(content.details(), "collectAt");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("suspected", content.text());
        fields.put("collectOn", due);
        fields.put("collectAt", collectAt);
        fields.put("evidence", table);
        IssuedDocument d = issue(OnsiteKind.PRESERVATION, c, fields, List.of(caseParty(c)), RecordSigners.officersOf(content.team()), signed, in);
        cases.recordInvestigation(c.getId(), StepKind.EVIDENCE, "先行登记保存证据" + content.items().size() + "项，保存于" + content.place()
                + "，应于" + due + "前作出处理决定（" + periods.period(PeriodCode.EVIDENCE_PRESERVATION).lengthLabel() + "）"
                + (r.emergency() ? "；情况紧急，先行保存后报负责人补办批准" : "；经" + r.approval().approvedBy().name() + "批准")
                + signed.noteSuffix() + "（" + title(d) + "）");
        r.issue(new DocumentRef(d.id(), d.kind(), d.title(), d.number()), clock.instant(), rules);
        return r.id() == null ? store.add(r).id() : store.save(r).id();
    }

    /** What a 先行登记保存 keeps: the suspected act, where it is kept, where the decision is collected, the items. */
    private Content preservationContent(PenaltyCase c, RecordInput in, List<Named> team) {
        String suspected = Optional.ofNullable(in.field("suspected")).orElse(c.getTitle());
        String keptAt = required(in, "place", "保存地点");
        String collectAt = Optional.ofNullable(in.field("collectAt")).orElse(authorityAddress(c));
        List<RecordInput.Item> items = items(in);
        return new Content(null, null, keptAt, Person.named(in.field("partyPerson")), team, List.of(), items, suspected,
                details("collectAt", collectAt));
    }

    /**
     * The head approves a 先行登记保存 (行政处罚法第五十六条): before it is taken, or afterwards within the configured hours
     * when it was taken in an emergency; refused with the article otherwise.
     */
    @Transactional
    public void approvePreservation(long caseId, long recordId, ApprovePreservation command) {
        String opinion = command.opinion();
        cases.get(caseId);
        InvestigationRecord r = store.forUpdate(caseId, recordId)
                .orElseThrow(() -> RuleViolation.notFound("本案没有该先行登记保存记录。"));
        Actor actor = Actors.require();
        r.approve(by(), actor.has(Role.LEADER), opinion, clock.instant(), rules);
        store.save(r);
    }

    /** The record's transitions the current user may take now (the 签发 page asks this of one record). */
    public Offered offered(long caseId, OnsiteRecord view) {
        if (view.kind() != OnsiteKind.PRESERVATION) return Offered.NOTHING;
        return store.ofCase(caseId, OnsiteKind.PRESERVATION).stream().filter(x -> x.id() == view.id()).findFirst()
                .map(r -> offered(r, Actors.current().orElse(null))).orElse(Offered.NOTHING);
    }

    private Offered offered(InvestigationRecord r, Actor actor) {
        if (r.kind() != OnsiteKind.PRESERVATION || actor == null) return Offered.NOTHING;
        return new Offered(r.mayApprove(actor.has(Role.LEADER), clock.instant(), rules).allowed(),
                r.state() == RecordState.APPROVED && r.content().team().stream().anyMatch(t -> t.userId() == actor.userId()),
                r.mayDecide().allowed());
    }

    /** 批准先行登记保存: the head's opinion (同意 when left blank). */
    @io.swagger.v3.oas.annotations.media.Schema(description = "负责人批准先行登记保存（行政处罚法第五十六条）")
    public record ApprovePreservation(@io.swagger.v3.oas.annotations.media.Schema(description = "批准意见，不填为“同意”") String opinion) {
    }

    /** 先行登记保存处理决定: a {@link PreservationDecision} code, the day (年-月-日) and the reason. */
    @io.swagger.v3.oas.annotations.media.Schema(description = "先行登记保存处理决定（行政处罚法第五十六条）")
    public record DecidePreservation(
            @io.swagger.v3.oas.annotations.media.Schema(description = "处理决定：RECORDED、APPRAISAL、SEIZURE、TRANSFER、RELEASED") String decision,
            @io.swagger.v3.oas.annotations.media.Schema(description = "处理决定日期，年-月-日") String decidedOn,
            @io.swagger.v3.oas.annotations.media.Schema(description = "处理理由") String reason) {
    }

    /** What the case page offers on a record: 批准, 签发通知书, 作出处理决定. */
    public record Offered(boolean approve, boolean issue, boolean decide) {
        static final Offered NOTHING = new Offered(false, false, false);
    }

    /**
     * A case's records as its page shows them, from one read of the case's records: the records oldest first, the issued
     * 先行登记保存 with their decision periods (the timeline's deadlines too) and what each record offers the current user.
     */
    public record OfCase(List<OnsiteRecord> records, List<PreservedEvidence> preservations, Map<Long, Offered> offers) {

        /** What the record offers the current user: nothing for a record that is not a 先行登记保存. */
        public Offered offered(long recordId) {
            return offers.getOrDefault(recordId, Offered.NOTHING);
        }
    }

    /** The emergency approval rule as the pages print it. */
    public String emergencyRule() {
        var law = rules.preservationApproval();
        return "情况紧急的，可以先行登记保存，并于" + law.emergencyHours() + "小时内报负责人补办批准手续";
    }

    /** The day the decision on evidence preserved on {@code day} is due (law's configured period, on the legal calendar). */
    public LocalDate decisionDue(LocalDate day) {
        return periods.due(PeriodCode.EVIDENCE_PRESERVATION, day).due();
    }

    /**
     * 先行登记保存处理决定 (行政处罚法第五十六条): the decision on the evidence of one 先行登记保存 record, made once, by a
     * certified officer of the case's unit; dated no earlier than the preservation and no later than today. A decision
     * dated after the configured period is recorded and flagged late (逾期). Records the case step (证据) so the case
     * history shows it; the deadline on the timeline is then done.
     */
    @Transactional
    public PreservedEvidence decidePreservation(long caseId, long recordId, DecidePreservation command) {
        String decision = command.decision(), decidedOn = command.decidedOn(), reason = command.reason();
        PenaltyCase c = cases.get(caseId);
        InvestigationRecord r = store.forUpdate(caseId, recordId).filter(x -> x.kind() == OnsiteKind.PRESERVATION)
                .orElseThrow(() -> RuleViolation.notFound("本案没有该先行登记保存记录。"));
        Verdict may = r.mayDecide();
        if (may.refused()) throw r.decided() ? RuleViolation.conflict(may.reason()) : new RuleViolation(may.reason());
        Actor actor = Actors.require();
        if (officers.certifiedOfficers(List.of(c.getOrganizationId()), today()).stream().noneMatch(o -> o.userId() == actor.userId())) {
            throw new RuleViolation("先行登记保存处理决定须由本案所属单位持有效行政执法证的执法人员作出。");
        }
        PreservationDecision what = PreservationDecision.parse(decision);
        if (blank(decidedOn)) throw new RuleViolation("请填写处理决定日期。");
        LocalDate day;
        try {
            day = LocalDate.parse(decidedOn.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolation("处理决定日期格式不正确（应为 年-月-日）。");
        }
        LocalDate due = decisionDue(r.preservedOn(clock.getZone()));
        Outcome outcome = r.decide(what, day, reason, today(), clock.getZone(), due, by(), clock.instant());
        cases.recordPreservationDecision(caseId, "先行登记保存处理决定：" + what.label() + "，" + day + "作出"
                + (outcome.late() ? "（逾期，应于" + due + "前作出）" : "") + "，理由：" + abbreviate(outcome.reason()));
        store.save(r);
        return preservations(caseId).stream().filter(x -> x.recordId() == recordId).findFirst().orElseThrow();
    }

    /** The case's issued 先行登记保存 records with their decision period and decision, oldest first. */
    @Transactional(readOnly = true)
    public List<PreservedEvidence> preservations(long caseId) {
        return preservations(cases.get(caseId).getId(), store.ofCase(caseId, OnsiteKind.PRESERVATION));
    }

    private List<PreservedEvidence> preservations(long caseId, List<InvestigationRecord> records) {
        return records.stream()
                .filter(r -> r.kind() == OnsiteKind.PRESERVATION && (r.state() == RecordState.ISSUED || r.state() == RecordState.DECIDED))
                .map(r -> {
                    LocalDate preserved = r.preservedOn(clock.getZone());
                    Outcome o = r.outcome();
                    return new PreservedEvidence(r.id(), caseId, preserved, decisionDue(preserved),
                            o == null ? null : o.decision(), o == null ? null : o.decidedOn(), o == null ? null : o.reason(),
                            o != null && o.late(), o == null ? null : o.decidedBy().name());
                }).toList();
    }

    /** The same for the deadline engine (same module, no scope check: it already holds the case); a read model. */
    static List<PreservedEvidence> preservationStates(JdbcClient jdbc, java.time.ZoneId zone, UnaryOperator<LocalDate> due, long caseId) {
        return jdbc.sql("SELECT id, coalesce(issued_at, recorded_at) AS preserved_at, preservation_decision, preservation_decided_on,"
                        + " preservation_decision_reason, preservation_decision_late, preservation_decided_by_name FROM case_record"
                        + " WHERE case_id = :case AND kind = 'PRESERVATION' AND status IN ('ISSUED', 'DECIDED') ORDER BY id")
                .param("case", caseId)
                .query((rs, n) -> {
                    LocalDate preserved = LocalDateTime.ofInstant(rs.getTimestamp("preserved_at").toInstant(), zone).toLocalDate();
                    String decision = rs.getString("preservation_decision");
                    java.sql.Date on = rs.getDate("preservation_decided_on");
                    return new PreservedEvidence(rs.getLong("id"), caseId, preserved, due.apply(preserved),
                            decision == null ? null : PreservationDecision.valueOf(decision), on == null ? null : on.toLocalDate(),
                            rs.getString("preservation_decision_reason"), rs.getBoolean("preservation_decision_late"),
                            rs.getString("preservation_decided_by_name"));
                }).list();
    }

    /** What the 先行登记保存 page prints about the period, e.g. "7个工作日（《中华人民共和国行政处罚法》第五十六条…）". */
    public String preservationPeriod() {
        var p = periods.period(PeriodCode.EVIDENCE_PRESERVATION);
        return p.lengthLabel() + "（" + p.source() + "）";
    }

    /** 案件调查报告 filled from the case and its structured records, signed by the 调查人员. */
    @Transactional
    public long reportInvestigation(long caseId, RecordInput in) {
        Optional<Long> earlier = earlier(in);
        if (earlier.isPresent()) return earlier.get();
        PenaltyCase c = investigable(caseId);
        ReportDraft draft = reportDraft(caseId);
        String facts = Optional.ofNullable(in.field("facts")).orElse(draft.facts());
        String evidence = Optional.ofNullable(in.field("evidence")).orElse(draft.evidence());
        String violated = Optional.ofNullable(in.field("violated")).orElse(draft.violated());
        String basis = Optional.ofNullable(in.field("basis")).orElse(draft.basis());
        String proposal = Optional.ofNullable(in.field("proposal")).orElse(draft.proposal());
        List<String> problems = new ArrayList<>();
        if (blank(facts)) problems.add("违法事实");
        if (blank(evidence)) problems.add("证据（请先记录询问、勘验或先行登记保存）");
        if (blank(violated)) problems.add("违反条款");
        if (blank(basis)) problems.add("处罚依据");
        if (blank(proposal)) problems.add("处理意见");
        if (!problems.isEmpty()) throw new RuleViolation("调查报告缺少：" + String.join("、", problems) + "。");
        List<Named> team = signers.team(c.getOrganizationId(), in, false);
        Signed signed = signers.signatures(OnsiteKind.REPORT, in, team, Map.of());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("caseName", c.getTitle());
        fields.put("cause", c.getTitle());
        fields.put("unit", organizations.find(c.getOrganizationId()).map(o -> o.name()).orElse(""));
        fields.put("investigationPeriod", (c.getFiledOn() == null ? c.getProposedOn() : c.getFiledOn()) + " 至 " + today());
        fields.put("evidence", evidence);
        fields.put("facts", facts);
        fields.put("violated", violated);
        fields.put("basis", basis);
        fields.put("proposal", proposal);
        InvestigationRecord r = signedDraft(OnsiteKind.REPORT, c, new Content(null, null, null, null, team, List.of(), List.of(),
                facts, details("violated", violated, "basis", basis, "proposal", proposal)), signed, in);
        IssuedDocument d = issue(OnsiteKind.REPORT, c, fields, List.of(caseParty(c)), RecordSigners.officersOf(team), signed, in);
        cases.recordInvestigation(caseId, StepKind.EVIDENCE, "调查终结，提交案件调查报告：" + abbreviate(proposal) + "（" + title(d) + "）");
        return issued(r, d);
    }

    /** What the 调查报告 form starts from: the case's facts, its structured records, the violation and the proposal. */
    @Transactional(readOnly = true)
    public ReportDraft reportDraft(long caseId) {
        PenaltyCase c = cases.get(caseId);
        String evidence = records(caseId).stream()
                .filter(r -> r.documentId() != null)
                .filter(r -> r.kind() == OnsiteKind.INQUIRY || r.kind() == OnsiteKind.SURVEY || r.kind() == OnsiteKind.PRESERVATION)
                .sorted(Comparator.comparing(OnsiteRecord::id))
                .map(r -> r.documentTitle() + "（" + r.when().toLocalDate()
                        + (r.personName() == null ? "" : "，" + r.personName()) + "）：" + abbreviate(summary(r)))
                .collect(Collectors.joining("\n"));
        if (evidence.isBlank()) {
            evidence = c.getSteps().stream().filter(s -> s.kind() == StepKind.INQUIRY || s.kind() == StepKind.SITE_EXAMINATION
                    || s.kind() == StepKind.EVIDENCE).map(s -> s.label() + "：" + s.opinion()).collect(Collectors.joining("\n"));
        }
        Violation v = c.getViolationCode() == null ? null : cases.library().find(c.getViolationCode()).orElse(null);
        String proposal = c.getFineYuan() == null ? null
                : "建议给予" + (c.getFineYuan().signum() == 0 ? "警告" : "罚款人民币" + DiscretionEngine.plain(c.getFineYuan()) + "元")
                + (c.getOtherMeasures() == null ? "" : "，" + c.getOtherMeasures()) + "的行政处罚"
                + (c.getTier() == null ? "" : "（裁量阶次：" + c.getTier().label() + (c.getTierReason() == null ? "" : "，" + c.getTierReason()) + "）");
        return new ReportDraft(c.getFacts() == null || c.getFacts().isBlank() ? c.getTitle() : c.getFacts(), evidence,
                c.getViolatedProvision() != null ? c.getViolatedProvision() : v == null ? null : violated(v),
                v == null ? null : v.articleTitle(), proposal);
    }

    /** The 调查报告's starting text. */
    public record ReportDraft(String facts, String evidence, String violated, String basis, String proposal) {
    }

    /** 听证笔录: records the hearing (the case moves on to 法制审核) and issues the signed record. */
    @Transactional
    public long recordHearing(long caseId, RecordInput in) {
        Optional<Long> earlier = earlier(in);
        if (earlier.isPresent()) return earlier.get();
        PenaltyCase c = cases.get(caseId);
        c.mayHoldHearing(today()).orThrow();
        LocalDateTime from = dateTime(in, "startTime", "听证开始时间");
        LocalDateTime to = dateTime(in, "endTime", "听证结束时间");
        period(from, to, "听证");
        String place = required(in, "place", "听证地点");
        String presiding = required(in, "presiding", "听证主持人");
        String clerk = required(in, "clerk", "书记员");
        String transcript = required(in, "transcript", "听证记录");
        String report = required(in, "report", "听证会报告意见");
        String partyName = required(in, "partyPerson", "申请听证人（或其委托代理人）姓名");
        Map<String, String> others = new LinkedHashMap<>();
        others.put("party", partyName);
        others.put("presiding", presiding);
        others.put("clerk", clerk);
        if (in.field("hearingOfficer") != null) others.put("hearingOfficer", in.field("hearingOfficer"));
        List<Named> team = signers.optionalTeam(c.getOrganizationId(), in);
        Signed signed = signers.signatures(OnsiteKind.HEARING, in, team, others);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("caseName", c.getTitle());
        fields.put("place", place);
        fields.put("startTime", from);
        fields.put("endTime", to);
        fields.put("presiding", presiding);
        fields.put("hearingOfficer", in.field("hearingOfficer"));
        fields.put("clerk", clerk);
        fields.put("agent", in.field("agent"));
        fields.put("thirdParty", in.field("thirdParty"));
        fields.put("others", in.field("others"));
        fields.put("transcript", transcript);
        InvestigationRecord r = signedDraft(OnsiteKind.HEARING, c, new Content(from, to, place, Person.named(partyName), team,
                List.of(), List.of(), transcript, details("presiding", presiding, "clerk", clerk, "report", report,
                "agent", in.field("agent"))), signed, in);
        IssuedDocument d = issue(OnsiteKind.HEARING, c, fields, List.of(caseParty(c)), RecordSigners.officersOf(team), signed, in);
        cases.holdHearing(caseId, abbreviate(transcript) + "（" + title(d) + "）", report);
        return issued(r, d);
    }

    /**
     * 简易程序: opens the case decided on the spot and issues the signed 行政（当场）处罚决定书 (its number becomes the
     * decision's 文号). Returns the case id.
     */
    @Transactional
    public long decideOnTheSpot(ProposedCase proposal, BigDecimal fineYuan, RecordInput in) {
        Optional<Long> earlier = earlier(in);
        if (earlier.isPresent()) return caseIdOf(earlier.get());
        if (proposal.party() == null || blank(proposal.party().name())) throw new RuleViolation("请填写被处罚单位（个人）名称。");
        if (fineYuan == null) throw new RuleViolation("请填写罚款金额。");
        if (blank(proposal.violationCode())) throw new RuleViolation("请选择违法行为（决定书须写明违反的规定和处罚依据）。");
        String facts = Optional.ofNullable(proposal.facts()).filter(f -> !f.isBlank())
                .orElseThrow(() -> new RuleViolation("请填写违法事实及证据。"));
        String mode = required(in, "paymentMode", "罚款的履行方式");
        if (fineYuan.signum() < 0) throw new RuleViolation("罚款金额不能为负数。");
        PenaltyCase.mayDecideOnTheSpot(proposal.party().kind(), fineYuan, cases.library().get(proposal.violationCode()),
                cases.periods().procedure()).orThrow();
        OnTheSpotCollection collection = null;
        if (mode.startsWith("当场缴纳")) {
            try {
                collection = in.field("collectionGround") == null ? null : OnTheSpotCollection.valueOf(in.field("collectionGround"));
            } catch (IllegalArgumentException e) {
                throw new RuleViolation("请选择当场收缴罚款的法定情形。");
            }
            OnTheSpotCollection.mayCollect(fineYuan, collection, cases.periods().procedure()).orThrow();
        }
        String partyPerson = Optional.ofNullable(in.field("partyPerson")).orElse(
                proposal.party().kind() == PartyKind.UNIT ? proposal.party().legalRepresentative() : proposal.party().name());
        if (blank(partyPerson)) throw new RuleViolation("请填写签收的当事人或者委托代理人姓名。");
        if (proposal.party().kind() == PartyKind.PERSON && proposal.party().code() != null) idNumber(proposal.party().code(), "被处罚人");
        List<Named> team = signers.team(proposal.organizationId(), in, false);
        Signed signed = signers.signatures(OnsiteKind.ON_THE_SPOT, in, team, Map.of("party", partyPerson));
        InvestigationRecord.partySigned(OnsiteKind.ON_THE_SPOT, signed.signing(), rules).orThrow();
        Holder holder = new Holder();
        long caseId = cases.decideOnTheSpot(proposal, fineYuan, proposal.violationCode(), c -> {
            Violation v = cases.library().get(proposal.violationCode());
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("factsAndEvidence", facts);
            fields.put("violated", violated(v));
            fields.put("basis", v.articleTitle());
            fields.put("penalty", c.getFineYuan().signum() == 0 ? "警告" : "罚款人民币" + DiscretionEngine.plain(c.getFineYuan()) + "元");
            fields.put("paymentMode", List.of(mode));
            PartySnapshot p = c.getParty();
            Party party = p.kind() == PartyKind.UNIT
                    ? Party.unit("party", p.name(), p.code(), p.legalRepresentative(), null, p.address(), null, in.field("phone"))
                    : Party.person("party", p.name(), null, null, p.code(), null, null, p.address(), null, in.field("phone"));
            holder.document = issue(OnsiteKind.ON_THE_SPOT, c, fields, List.of(party), RecordSigners.officersOf(team), signed, in);
            return holder.document.number();
        });
        PenaltyCase c = cases.get(caseId);
        InvestigationRecord r = signedDraft(OnsiteKind.ON_THE_SPOT, c, new Content(null, null, in.field("place"),
                new Person(partyPerson, null, null, in.field("phone"), null, null, null), team, List.of(), List.of(), facts,
                details("paymentMode", mode, "collectionGround", collection == null ? null : collection.label())), signed, in);
        issued(r, holder.document);
        return caseId;
    }

    private static final class Holder {
        IssuedDocument document;
    }

    /**
     * 送达: serves the decision (the case's {@code serve} transition) and issues the 送达回执 listing the documents served
     * (their numbers from the documents module), signed by the 收件人 (or 留置送达 before a witness) and the 送达人.
     */
    @Transactional
    public long serve(long caseId, RecordInput in) {
        Optional<Long> earlier = earlier(in);
        if (earlier.isPresent()) return earlier.get();
        PenaltyCase c = cases.get(caseId);
        c.mayServe().orThrow();
        String method = required(in, "method", "送达方式");
        String place = required(in, "place", "送达地点");
        String receiver = required(in, "receiver", "收件人");
        boolean lodged = method.contains("留置");
        if (lodged && (in.refusals().get("receiver") == null || blank(in.refusals().get("receiver").witness()))) {
            throw new RuleViolation("留置送达的，须在备注中注明情况并由见证人签名：请填写拒收情况和见证人。");
        }
        List<IssuedDocument> served = servedDocuments(c, lines(in.field("documents")));
        List<Named> team = signers.team(c.getOrganizationId(), in, false);
        Signed signed = signers.signatures(OnsiteKind.SERVICE, in, team, Map.of("receiver", receiver));
        String servers = team.stream().map(Named::name).collect(Collectors.joining("、"));
        List<List<String>> deliveries = new ArrayList<>();
        for (IssuedDocument d : served) {
            deliveries.add(List.of("《" + d.title() + "》" + or(d.number(), ""), lodged ? "拒收（留置送达）" : receiver + "（见签名）",
                    place, today().toString(), method, servers));
        }
        String remarks = Optional.ofNullable(in.field("remarks")).orElse("")
                + (lodged ? (in.field("remarks") == null ? "" : "；") + "受送达人拒绝签收："
                + in.refusals().get("receiver").reason() + "，见证人：" + in.refusals().get("receiver").witness() : "")
                + (in.field("relation") == null ? "" : "；收件人与受送达人的关系：" + in.field("relation"));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("caseName", c.getTitle());
        fields.put("deliveries", deliveries);
        fields.put("remarks", remarks.isBlank() ? null : remarks.replaceFirst("^；", ""));
        InvestigationRecord r = signedDraft(OnsiteKind.SERVICE, c, new Content(null, null, place,
                new Person(receiver, null, null, null, null, null, in.field("relation")), team, List.of(), List.of(),
                served.stream().map(x -> "《" + x.title() + "》" + or(x.number(), "")).collect(Collectors.joining("\n")),
                details("method", method)), signed, in);
        IssuedDocument d = issue(OnsiteKind.SERVICE, c, fields, List.of(caseParty(c)), RecordSigners.officersOf(team), signed, in);
        cases.serve(caseId, method, (lodged ? "留置送达，见证人" + in.refusals().get("receiver").witness() : receiver + "签收")
                + "，送达" + served.stream().map(x -> "《" + x.title() + "》").collect(Collectors.joining("")) + "（" + title(d) + "）");
        return issued(r, d);
    }

    /** The documents of the case that can be served (valid, numbered), the decision first. */
    @Transactional(readOnly = true)
    public List<IssuedDocument> servable(long caseId) {
        PenaltyCase c = cases.get(caseId);
        return documents.forSource(caseRef(c)).stream().filter(IssuedDocument::valid).filter(d -> d.number() != null)
                .filter(d -> !d.kind().equals(OnsiteKind.SERVICE.documentKind()))
                .sorted(Comparator.comparing((IssuedDocument d) -> !d.kind().startsWith("PENALTY_DECISION")).thenComparing(IssuedDocument::id))
                .toList();
    }

    private List<IssuedDocument> servedDocuments(PenaltyCase c, List<String> ids) {
        List<IssuedDocument> all = servable(c.getId());
        if (ids.isEmpty()) {
            List<IssuedDocument> decision = all.stream().filter(d -> c.getDecisionNumber() != null && c.getDecisionNumber().equals(d.number())).toList();
            if (decision.isEmpty()) throw new RuleViolation("请选择送达的文书（本案尚无系统签发的行政处罚决定书，请先签发或选择其他文书）。");
            return decision;
        }
        List<IssuedDocument> chosen = new ArrayList<>();
        for (String id : ids) {
            chosen.add(all.stream().filter(d -> String.valueOf(d.id()).equals(id.strip())).findFirst()
                    .orElseThrow(() -> new RuleViolation("所选文书不属于本案或已作废，不能送达。")));
        }
        return chosen;
    }

    // ---- reads

    /** The structured records of a case, oldest first. */
    @Transactional(readOnly = true)
    public List<OnsiteRecord> records(long caseId) {
        return store.ofCase(cases.get(caseId).getId()).stream().map(this::view).toList();
    }

    /**
     * The same, with the 先行登记保存 and what each record offers, for a case the caller already holds (loaded in its scope
     * through {@link CaseManagement#get}): the case page reads the case's records once, whatever it shows of them.
     */
    public OfCase ofCase(PenaltyCase c) {
        List<InvestigationRecord> all = store.ofCase(c.getId());
        Actor actor = Actors.current().orElse(null);
        Map<Long, Offered> offers = new LinkedHashMap<>();
        all.stream().filter(r -> r.kind() == OnsiteKind.PRESERVATION).forEach(r -> offers.put(r.id(), offered(r, actor)));
        return new OfCase(all.stream().map(this::view).toList(), preservations(c.getId(), all), Map.copyOf(offers));
    }

    private OnsiteRecord view(InvestigationRecord r) {
        Content c = r.content();
        String team = c.team().stream().limit(2).map(Named::name).collect(Collectors.joining("、"));
        DocumentRef d = r.document();
        return new OnsiteRecord(r.id(), r.caseId(), r.kind(), c.startedAt(), c.endedAt(), c.place(),
                c.person() == null ? null : c.person().name(), team, c.text(), r.signing() == null ? null : r.signing().note(),
                d == null ? null : d.id(), d == null ? null : d.title(), d == null ? null : d.number(), r.recordedBy().name(),
                LocalDateTime.ofInstant(r.recordedAt(), clock.getZone()), c.answers(), c.items(), r.state().label(),
                approvalNote(r));
    }

    /** How a 先行登记保存 stands with the head's approval, in Chinese; null for other records. */
    private String approvalNote(InvestigationRecord r) {
        var a = r.approval();
        if (r.kind() != OnsiteKind.PRESERVATION || a == null) return null;
        java.time.format.DateTimeFormatter at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
        if (a.given()) {
            return (a.afterwards() ? "情况紧急先行保存，" + a.approvedBy().name() + "于" + at.format(a.approvedAt()) + "补办批准"
                    : a.approvedBy().name() + "于" + at.format(a.approvedAt()) + "批准") + "（" + a.opinion() + "）";
        }
        if (r.state() == RecordState.AWAITING_APPROVAL) return "已提请负责人批准：" + a.reason();
        if (r.approvalOverdue(clock.instant(), rules)) {
            return "情况紧急先行保存（" + a.emergencyReason() + "），未在" + at.format(r.approvalDueAt(rules))
                    + "前补办批准手续，应当解除先行登记保存";
        }
        return "情况紧急先行保存（" + a.emergencyReason() + "），须于" + at.format(r.approvalDueAt(rules)) + "前报负责人补办批准";
    }

    /** Officers of the case's unit with a 行政执法证 valid today (the 询问人/勘验人/送达人 choices). */
    @Transactional(readOnly = true)
    public List<OfficerSummary> certifiedOfficers(long organizationId) {
        return signers.certifiedOfficers(organizationId);
    }

    /** The record kinds the case's stage allows now (the case page offers these). */
    public List<OnsiteKind> available(PenaltyCase c) {
        List<OnsiteKind> out = new ArrayList<>();
        if (c.mayInvestigate().allowed()) {
            out.addAll(List.of(OnsiteKind.INQUIRY_NOTICE, OnsiteKind.INQUIRY, OnsiteKind.SURVEY, OnsiteKind.PRESERVATION, OnsiteKind.REPORT));
        }
        if (c.mayHoldHearing(today()).allowed()) out.add(OnsiteKind.HEARING);
        if (c.mayServe().allowed()) out.add(OnsiteKind.SERVICE);
        return out;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- documents

    private IssuedDocument issue(OnsiteKind kind, PenaltyCase c, Map<String, Object> fields, List<Party> parties,
                                 List<Officer> team, Signed signed, RecordInput in) {
        return documents.issue(new IssueRequest(kind.documentKind(), c.getOrganizationId(), caseRef(c), fields, parties, team,
                signed.signatures(), signed.refusals(), today(), Actors.require().username(),
                in.idempotencyKey() == null ? null : "case-record-" + in.idempotencyKey()));
    }

    private static SourceRef caseRef(PenaltyCase c) {
        return new SourceRef("case", c.getCaseNumber());
    }

    /** The case's party, a unit's 职务 and phone from the registry (as on the procedure's documents). */
    private Party caseParty(PenaltyCase c) {
        return procedure.party(c);
    }

    private String violated(Violation v) {
        return cases.library().violatedProvision(v)
                .orElse(v.articleTitle().replaceFirst("第.*条$", "") + "关于“" + v.description() + "”的有关");
    }

    private static String title(IssuedDocument d) {
        return "《" + d.title() + "》" + (d.number() == null ? "" : d.number());
    }

    private String authorityAddress(PenaltyCase c) {
        return documents.authorityFor(c.getOrganizationId()).map(a -> a.address() == null ? a.name() : a.address()).orElse(null);
    }

    // ---- input

    private PenaltyCase investigable(long caseId) {
        PenaltyCase c = cases.get(caseId);
        c.mayInvestigate().orThrow();
        return c;
    }

    private void period(LocalDateTime from, LocalDateTime to, String what) {
        if (!to.isAfter(from)) throw new RuleViolation(what + "结束时间应晚于开始时间。");
        if (from.toLocalDate().isAfter(today())) throw new RuleViolation(what + "时间不能晚于今天（笔录记录已发生的" + what + "）。");
    }

    private static String summary(OnsiteRecord r) {
        if (!r.answers().isEmpty()) {
            return r.answers().stream().map(RecordInput.QuestionAnswer::answer).collect(Collectors.joining("；"));
        }
        if (!r.items().isEmpty()) {
            return r.items().stream().map(i -> i.name() + i.quantity()).collect(Collectors.joining("、"));
        }
        return r.content() == null ? "" : r.content();
    }

    private Optional<Long> earlier(RecordInput in) {
        return store.idByIdempotencyKey(in.idempotencyKey());
    }

    private long caseIdOf(long recordId) {
        return store.ofRecord(recordId).caseId();
    }

    // ---- storage

    /** The record drafted from what the officers wrote and signed (the party's signature or refusal checked). */
    private InvestigationRecord signedDraft(OnsiteKind kind, PenaltyCase c, Content content, Signed signed, RecordInput in) {
        InvestigationRecord r = InvestigationRecord.draft(kind, c.getId(), c.getOrganizationId(), content, by(),
                clock.instant(), in.idempotencyKey());
        r.sign(signed.signing(), rules);
        return r;
    }

    /** Issues the signed record with its document and stores it; returns its id. */
    private long issued(InvestigationRecord r, IssuedDocument d) {
        r.issue(new DocumentRef(d.id(), d.kind(), d.title(), d.number()), clock.instant(), rules);
        return store.add(r).id();
    }

    private static By by() {
        Actor actor = Actors.require();
        return new By(actor.userId(), actor.displayName());
    }
}
