package cn.zhifa.casework.internal.service;

import cn.zhifa.casework.CaseManagement;
import cn.zhifa.casework.CaseProcedureDocuments;
import cn.zhifa.casework.PenaltyCase;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.SourceRef;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service of a case's documents: the party's 送达地址确认书 (issued through the documents module) and, per issued
 * document, how and when it was served ({@link ServiceRules}). The deadline engine reads the service days
 * ({@link #servedDays}) so the party's periods run from service, not from issue.
 */
@Service
public class CaseServices {

    static final String CONFIRMATION_KIND = "SERVICE_ADDRESS_CONFIRMATION";
    static final String REMINDER_KIND = "PERFORMANCE_REMINDER";
    private static final Set<String> NOT_SERVED = Set.of("SERVICE_RECEIPT", CONFIRMATION_KIND);

    private final CaseManagement cases;
    private final CaseProcedureDocuments procedureDocuments;
    private final DocumentManagement documents;
    private final JdbcClient jdbc;
    private final Clock clock;

    CaseServices(CaseManagement cases, CaseProcedureDocuments procedureDocuments, DocumentManagement documents, JdbcClient jdbc,
                 Clock clock) {
        this.cases = cases;
        this.procedureDocuments = procedureDocuments;
        this.documents = documents;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private ServiceRules rules() {
        return new ServiceRules(cases.periods());
    }

    /** Records the party's signed 送达地址确认书 and issues it; a consent to electronic service needs an electronic address. */
    @Transactional
    public AddressConfirmation confirmAddress(long caseId, AddressConfirmation in) {
        PenaltyCase c = lock(caseId);
        require(in.address(), "送达地址");
        require(in.recipient(), "收件人");
        require(in.signedBy(), "受送达人签名（或者盖章）的人");
        if (in.confirmedOn() == null) {
            throw new RuleViolation("请填写确认日期。");
        }
        if (in.confirmedOn().isAfter(today())) {
            throw new RuleViolation("确认日期不能晚于今天（" + today() + "）。");
        }
        if (in.electronicConsent() && (in.electronicAddress() == null || in.electronicAddress().isBlank())) {
            throw new RuleViolation("同意电子送达的，请填写电子送达地址（传真号码、电子邮箱等）。");
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("caseName", c.getParty().name() + c.getTitle() + "案");
        f.put("address", in.address().strip());
        f.put("recipient", in.recipient().strip());
        f.put("phone", blankToNull(in.phone()));
        f.put("electronicAddress", blankToNull(in.electronicAddress()));
        f.put("electronicConsent", in.electronicConsent() ? "同意采用电子方式送达" : "不同意电子送达");
        f.put("signedBy", in.signedBy().strip());
        f.put("confirmedOn", in.confirmedOn());
        IssuedDocument d = procedureDocuments.issueForCase(CONFIRMATION_KIND, c, f, today(), Actors.require().username());
        long id = jdbc.sql("""
                        INSERT INTO service_address_confirmation (penalty_case, address, recipient, phone, electronic_address,
                            electronic_consent, signed_by, confirmed_on, document_id, document_number, recorded_by, recorded_at)
                        VALUES (:case, :address, :recipient, :phone, :electronic, :consent, :signedBy, :on, :doc, :number, :by, :at)
                        RETURNING id""")
                .param("case", caseId).param("address", in.address().strip()).param("recipient", in.recipient().strip())
                .param("phone", blankToNull(in.phone())).param("electronic", blankToNull(in.electronicAddress()))
                .param("consent", in.electronicConsent()).param("signedBy", in.signedBy().strip()).param("on", in.confirmedOn())
                .param("doc", d.id()).param("number", d.number()).param("by", Actors.require().displayName())
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        return new AddressConfirmation(id, in.address().strip(), in.recipient().strip(), blankToNull(in.phone()),
                blankToNull(in.electronicAddress()), in.electronicConsent(), in.signedBy().strip(), in.confirmedOn(), d.number());
    }

    /** Records how and when one issued document of the case was served. */
    @Transactional
    public DocumentService record(long caseId, long documentId, ServiceMethod method, LocalDate eventOn, String recipient,
                                  String receiptNumber) {
        PenaltyCase c = lock(caseId);
        IssuedDocument d = servable(c).stream().filter(x -> x.id() == documentId).findFirst()
                .orElseThrow(() -> new RuleViolation("所选文书不属于本案、已作废或者不需要送达。"));
        if (services(caseId).stream().anyMatch(s -> s.documentId() == documentId)) {
            throw RuleViolation.conflict("《" + d.title() + "》已登记送达，不能重复登记。");
        }
        Optional<AddressConfirmation> confirmation = latestConfirmation(caseId);
        ServiceRules rules = rules();
        rules.mayRecord(method, d.issueDate(), eventOn, confirmation, today()).orThrow();
        if (method == ServiceMethod.POSTAL && (receiptNumber == null || receiptNumber.isBlank())) {
            throw new RuleViolation("邮寄送达的，请填写邮件号码（以回执上注明的收件日期为送达日期）。");
        }
        LocalDate served = rules.servedOn(method, eventOn);
        if (d.kind().equals("HEARING_NOTIFICATION") && c.getHearingOn() != null) {
            var latest = cases.periods().latestHearingNotice(c.getHearingOn());
            if (served.isAfter(latest.due())) {
                throw new RuleViolation("听证通知书应当在举行听证的七日前送达（行政处罚法第六十四条第二项）：" + c.getHearingOn()
                        + "举行听证的，最迟应于" + latest.due() + "送达，" + served + "送达的，请延期举行听证并重新通知。");
            }
        }
        boolean caseDecision = DocumentService.decision(d.kind()) && d.number().equals(c.getDecisionNumber());
        if (caseDecision && c.getServedOn() != null && !c.getServedOn().equals(served)) {
            throw new RuleViolation("《" + d.title() + "》已于" + c.getServedOn() + "送达（" + c.getServiceMethod()
                    + "），登记的送达日期应当与之相同，不能另记一个送达日期。");
        }
        if (caseDecision && c.getServedOn() == null) {
            c.mayServe().orThrow();
        }
        Long confirmationId = method == ServiceMethod.ELECTRONIC ? confirmation.map(AddressConfirmation::id).orElse(null) : null;
        String to = method == ServiceMethod.ELECTRONIC ? confirmation.map(AddressConfirmation::electronicAddress).orElse(null)
                : blankToNull(recipient);
        jdbc.sql("""
                        INSERT INTO case_service (penalty_case, document_id, document_kind, document_title, document_number, issued_on,
                            method, event_on, served_on, recipient, receipt_number, confirmation_id, recorded_by, recorded_at)
                        VALUES (:case, :doc, :kind, :title, :number, :issued, :method, :event, :served, :recipient, :receipt,
                                :confirmation, :by, :at)""")
                .param("case", caseId).param("doc", d.id()).param("kind", d.kind()).param("title", d.title())
                .param("number", d.number()).param("issued", d.issueDate()).param("method", method.name()).param("event", eventOn)
                .param("served", served).param("recipient", to).param("receipt", blankToNull(receiptNumber))
                .param("confirmation", confirmationId).param("by", Actors.require().displayName())
                .param("at", Timestamp.from(clock.instant())).update();
        if (caseDecision && c.getServedOn() == null) {
            // the ledger's day is the case's: the 送达 step, the payment period and the court-application deadline run from it
            cases.serveRecorded(caseId, served, method.label(), receiptWords(to, receiptNumber));
        }
        if (d.kind().equals(REMINDER_KIND) && latestReminder(c).filter(r -> r.id() == d.id()).isPresent()) {
            cases.reminderServed(caseId, served);
        }
        return new DocumentService(d.id(), d.kind(), d.title(), d.number(), d.issueDate(), method, eventOn, served, to,
                blankToNull(receiptNumber), confirmationId);
    }

    /**
     * The 送达 action of the case with a 送达回执 in words (method, receipt), today: when the decision was issued here and is
     * not yet recorded as served, it is recorded in the ledger (which runs the case's serve step) and this answers true;
     * a decision on paper answers false, and the case's step alone records its service.
     */
    @Transactional
    public boolean serveDecision(long caseId, String method, String receipt) {
        PenaltyCase c = cases.get(caseId);
        if (c.getDecisionNumber() == null) {
            return false;
        }
        Optional<IssuedDocument> decision = unserved(caseId).stream()
                .filter(d -> DocumentService.decision(d.kind()) && d.number().equals(c.getDecisionNumber()))
                .findFirst();
        if (decision.isEmpty()) {
            return false;
        }
        c.mayServe().orThrow();
        require(method, "送达方式");
        if (receipt == null || receipt.isBlank()) {
            throw new RuleViolation("请填写送达回执（签收人及签收情况）。");
        }
        ServiceMethod how = ServiceMethod.named(method).orElseThrow(() -> new RuleViolation(
                "送达方式应为直接送达、留置送达、委托送达、邮寄送达、电子送达或者公告送达之一。"));
        if (how != ServiceMethod.DIRECT && how != ServiceMethod.LODGED && how != ServiceMethod.ENTRUSTED) {
            throw new RuleViolation(how.label() + "的，以" + how.eventLabel() + "为送达日期，请在本案“送达登记”中登记"
                    + "（邮件号码、电子送达地址或者公告日期）。");
        }
        record(caseId, decision.get().id(), how, today(), receipt, null);
        return true;
    }

    /** The case's service records, oldest document first (in the caller's scope). */
    @Transactional(readOnly = true)
    public List<DocumentService> of(long caseId) {
        cases.get(caseId);
        return services(caseId);
    }

    /** A service with the party's periods that run from it, in words (for the case page). */
    public record ServiceRow(DocumentService service, String following) {
    }

    /** The case's service records with the periods that follow each (in the caller's scope). */
    @Transactional(readOnly = true)
    public List<ServiceRow> rows(long caseId) {
        return rows(cases.get(caseId));
    }

    /** The same for a case the caller already holds (loaded in its scope through {@code CaseManagement.get}). */
    public List<ServiceRow> rows(PenaltyCase c) {
        return rows(c, recorded(c));
    }

    /**
     * The service records of a case the caller already holds (loaded in its scope), read once for the case page: its
     * timeline ({@link #servedDays(List)}), its 送达 panel ({@link #rows(PenaltyCase, List)}) and the documents still to
     * record ({@link #unserved(PenaltyCase, List, List)}) are all made from them.
     */
    public List<DocumentService> recorded(PenaltyCase c) {
        return services(c.getId());
    }

    /** The rows of the 送达 panel from the case's service records the caller already read ({@link #recorded}). */
    public List<ServiceRow> rows(PenaltyCase c, List<DocumentService> recorded) {
        var periods = cases.periods();
        return recorded.stream().map(s -> {
            LocalDate on = s.servedOn();
            String following = "";
            if (s.notice()) {
                following = "陈述申辩至" + periods.statementDue(on).due() + (c.isHearingRight()
                        ? "，听证申请至" + periods.hearingRequestDue(on).due() : "");
            } else if (s.reminder()) {
                following = "满十日（至" + periods.reminderWaitEnds(on).due() + "）后仍未履行的，可以申请人民法院强制执行";
            } else if (s.decision()) {
                boolean onTheSpot = s.documentKind().equals("ON_SPOT_PENALTY");
                following = (c.getFineYuan() != null && c.getFineYuan().signum() > 0 ? "缴纳罚款至" + periods.paymentDue(on).due() + "，" : "")
                        + "申请行政复议至" + periods.reconsiderationDue(on).due()
                        + (onTheSpot ? "" : "，提起行政诉讼至" + periods.litigationDue(on).due());
            }
            return new ServiceRow(s, following);
        }).toList();
    }

    /** The 送达地址确认书 of the case, newest first (in the caller's scope). */
    @Transactional(readOnly = true)
    public List<AddressConfirmation> confirmations(long caseId) {
        return confirmations(cases.get(caseId));
    }

    /** The same for a case the caller already holds (loaded in its scope): the case page. */
    public List<AddressConfirmation> confirmations(PenaltyCase c) {
        long caseId = c.getId();
        return jdbc.sql("""
                        SELECT id, address, recipient, phone, electronic_address, electronic_consent, signed_by, confirmed_on,
                               document_number FROM service_address_confirmation WHERE penalty_case = :case ORDER BY id DESC""")
                .param("case", caseId)
                .query((rs, n) -> new AddressConfirmation(rs.getLong("id"), rs.getString("address"), rs.getString("recipient"),
                        rs.getString("phone"), rs.getString("electronic_address"), rs.getBoolean("electronic_consent"),
                        rs.getString("signed_by"), rs.getObject("confirmed_on", LocalDate.class), rs.getString("document_number")))
                .list();
    }

    /** The issued documents of the case that can still be recorded as served (valid, numbered, not yet served). */
    @Transactional(readOnly = true)
    public List<IssuedDocument> unserved(long caseId) {
        return unserved(cases.get(caseId));
    }

    /** The same for a case the caller already holds (loaded in its scope): the case page. */
    public List<IssuedDocument> unserved(PenaltyCase c) {
        return unserved(c, documents.forSource(new SourceRef("case", c.getCaseNumber())));
    }

    /** The same from the case's issued documents the caller already read (the case page lists them). */
    public List<IssuedDocument> unserved(PenaltyCase c, List<IssuedDocument> issued) {
        return unserved(c, issued, recorded(c));
    }

    /** The same from the case's issued documents and service records the caller already read (the case page). */
    public List<IssuedDocument> unserved(PenaltyCase c, List<IssuedDocument> issued, List<DocumentService> recorded) {
        Set<Long> served = Set.copyOf(recorded.stream().map(DocumentService::documentId).toList());
        return servable(issued).stream().filter(d -> !served.contains(d.id())).toList();
    }

    /** Service days for the deadline engine, which already holds the case: the notice's and the decision's first service. */
    public static ServedDays servedDays(JdbcClient jdbc, long caseId) {
        return servedDays(services(jdbc, caseId));
    }

    /** The same from the case's service records the caller already read ({@link #recorded}). */
    public static ServedDays servedDays(List<DocumentService> all) {
        return new ServedDays(all.stream().filter(DocumentService::notice).map(DocumentService::servedOn).min(Comparator.naturalOrder()).orElse(null),
                all.stream().filter(DocumentService::decision).map(DocumentService::servedOn).min(Comparator.naturalOrder()).orElse(null));
    }

    /** When the 行政处罚告知书 and the 行政处罚决定书 were served, as recorded (null when not recorded). */
    public record ServedDays(LocalDate notice, LocalDate decision) {
        public static final ServedDays NONE = new ServedDays(null, null);
    }

    private List<DocumentService> services(long caseId) {
        return services(jdbc, caseId);
    }

    private static List<DocumentService> services(JdbcClient jdbc, long caseId) {
        return jdbc.sql("""
                        SELECT document_id, document_kind, document_title, document_number, issued_on, method, event_on, served_on,
                               recipient, receipt_number, confirmation_id FROM case_service WHERE penalty_case = :case ORDER BY id""")
                .param("case", caseId)
                .query((rs, n) -> new DocumentService(rs.getLong("document_id"), rs.getString("document_kind"),
                        rs.getString("document_title"), rs.getString("document_number"), rs.getObject("issued_on", LocalDate.class),
                        ServiceMethod.valueOf(rs.getString("method")), rs.getObject("event_on", LocalDate.class),
                        rs.getObject("served_on", LocalDate.class), rs.getString("recipient"), rs.getString("receipt_number"),
                        (Long) rs.getObject("confirmation_id")))
                .list();
    }

    private static String receiptWords(String recipient, String receiptNumber) {
        String who = recipient == null ? "见送达登记" : recipient;
        return receiptNumber == null || receiptNumber.isBlank() ? who : who + "，邮件号码" + receiptNumber.strip();
    }

    /** The case's newest valid 催告书: only its service moves the wait before the court application. */
    private Optional<IssuedDocument> latestReminder(PenaltyCase c) {
        return servable(c).stream().filter(d -> d.kind().equals(REMINDER_KIND)).max(Comparator.comparing(IssuedDocument::id));
    }

    private Optional<AddressConfirmation> latestConfirmation(long caseId) {
        return confirmations(caseId).stream().findFirst();
    }

    private List<IssuedDocument> servable(PenaltyCase c) {
        return servable(documents.forSource(new SourceRef("case", c.getCaseNumber())));
    }

    private static List<IssuedDocument> servable(List<IssuedDocument> issued) {
        return issued.stream().filter(IssuedDocument::valid)
                .filter(d -> d.number() != null && !NOT_SERVED.contains(d.kind()))
                .sorted(Comparator.comparing(IssuedDocument::id)).toList();
    }

    private PenaltyCase lock(long caseId) {
        PenaltyCase c = cases.get(caseId);
        jdbc.sql("SELECT id FROM penalty_case WHERE id = :id FOR UPDATE").param("id", caseId).query(Long.class).single();
        return c;
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation("请填写" + what + "。");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
