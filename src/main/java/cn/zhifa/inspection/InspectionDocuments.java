package cn.zhifa.inspection;

import cn.zhifa.audit.Audit;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.DrawnSignature;
import cn.zhifa.documents.IssueRequest;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.Officer;
import cn.zhifa.documents.Party;
import cn.zhifa.documents.SignatureRefusal;
import cn.zhifa.documents.SourceRef;
import cn.zhifa.inspection.internal.RecordDocumentsDue;
import cn.zhifa.inspection.internal.Registry;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.web.PublicAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the documents of a submitted record through the documents module: the 现场检查记录, one
 * 责令限期整改指令书 per deadline, and a 现场处理措施决定书 for immediate measures, carrying the drawn
 * signatures (or the recorded refusal). Issuing again returns the documents issued first. A submission stores the
 * record, its hazards and the order to issue its documents ({@link RecordDocumentsDue}); the documents are numbered and
 * rendered after it commits ({@code RecordDocumentsIssuer}), so the officer's phone is answered without waiting for them.
 */
@Service
public class InspectionDocuments {

    static final String SOURCE = "现场检查记录";

    private final InspectionManagement inspections;
    private final DocumentManagement documents;
    private final Registry registry;
    private final UserManagement users;

    private final String onSiteMeasuresBasis;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration delayedAfter;
    private final PublicAddress publicAddress;

    InspectionDocuments(InspectionManagement inspections, DocumentManagement documents, Registry registry,
                        UserManagement users,
                        @org.springframework.beans.factory.annotation.Value("${zhifa.inspection.on-site-measures-basis}")
                        String onSiteMeasuresBasis, ApplicationEventPublisher events, Clock clock,
                        @org.springframework.beans.factory.annotation.Value("${zhifa.inspection.documents-delayed-after:PT1M}")
                        Duration delayedAfter, PublicAddress publicAddress) {
        this.publicAddress = publicAddress;
        this.events = events;
        this.clock = clock;
        this.delayedAfter = delayedAfter;
        this.onSiteMeasuresBasis = onSiteMeasuresBasis;
        this.inspections = inspections;
        this.documents = documents;
        this.registry = registry;
        this.users = users;
    }

    @Transactional(readOnly = true)
    public List<IssuedDocument> of(long recordId) {
        inspections.record(recordId);
        return documents.forSource(source(recordId));
    }

    private static SourceRef source(long recordId) {
        return new SourceRef(SOURCE, String.valueOf(recordId));
    }

    /**
     * Submits the record and orders its documents (the 现场检查记录, and for failed items the 责令限期整改指令书 /
     * 现场处理措施决定书 the firm must receive), issued once the submission commits: a record whose documents the
     * authority cannot issue (no document settings) is not submitted, and the refusal says why. An online inspection
     * (线上) has no one on site to sign the 现场检查记录, so it is submitted without documents; its orders are issued
     * when they are served.
     */
    @Transactional
    public InspectionRecord submit(long recordId, boolean confirmNonWorkingDeadline) {
        return issuedOnSite(inspections.submit(recordId, confirmNonWorkingDeadline));
    }

    /** A whole record composed on a terminal: submitted in one transaction, its documents issued after it commits. */
    @Transactional
    public InspectionRecord submitComplete(RecordSubmission submission) {
        return issuedOnSite(inspections.submitComplete(submission));
    }

    private InspectionRecord issuedOnSite(InspectionRecord submitted) {
        if (submitted.getMode() == InspectionMode.ON_SITE) {
            expectedKinds(submitted).keySet().forEach(kind -> documents.requireIssuable(kind, submitted.getOrganizationId()));
            events.publishEvent(new RecordDocumentsDue(submitted.getId(), Actors.require().username(),
                    publicAddress.isConfigured() ? null : publicAddress.baseUrl()));
        }
        return submitted;
    }

    /**
     * Issues the record's documents unless they are issued already (a repeated or resubmitted delivery of
     * {@link RecordDocumentsDue}, or the officer's 出具 button first): all of a record's documents are issued in one
     * transaction, so its 现场检查记录 stands for all of them. Returns what this call issued (nothing the second time).
     */
    @Transactional
    public List<IssuedDocument> issueOnce(long recordId) {
        inspections.lockForIssue(recordId);
        InspectionRecord record = inspections.record(recordId);
        List<IssuedDocument> earlier = documents.forSource(source(recordId));
        if (earlier.stream().anyMatch(d -> d.kind().equals("INSPECTION_RECORD"))) {
            return List.of();
        }
        return issue(record, earlier.isEmpty());
    }

    /** The record's documents: issued, pending since its submission (and whether for long), or none due. */
    @Transactional(readOnly = true)
    public RecordDocuments state(long recordId) {
        return state(inspections.record(recordId));
    }

    /** {@link #state(long)} of a record already loaded (in scope), e.g. the one just submitted. */
    @Transactional(readOnly = true)
    public RecordDocuments state(InspectionRecord record) {
        long recordId = record.getId();
        if (record.getStatus() == RecordStatus.DRAFT) {
            return new RecordDocuments(RecordDocuments.State.NONE, false, List.of());
        }
        List<IssuedDocument> issued = documents.forSource(new SourceRef(SOURCE, String.valueOf(recordId)));
        if (!issued.isEmpty()) {
            return new RecordDocuments(RecordDocuments.State.ISSUED, false, issued.stream()
                    .map(d -> new RecordDocuments.Entry(d.kind(), d.title(), RecordDocuments.State.ISSUED, d.id(), d.number()))
                    .toList());
        }
        return due(record);
    }

    /**
     * {@link #state(InspectionRecord)} of the record this request has just submitted (the terminal's answer): its
     * documents are issued only after the submission commits, so there are none to look up yet.
     */
    public RecordDocuments stateJustSubmitted(InspectionRecord record) {
        return due(record);
    }

    private RecordDocuments due(InspectionRecord record) {
        if (record.getMode() != InspectionMode.ON_SITE || record.getStatus() != RecordStatus.SUBMITTED) {
            return new RecordDocuments(RecordDocuments.State.NONE, false, List.of());
        }
        List<RecordDocuments.Entry> due = new ArrayList<>();
        expectedKinds(record).forEach((kind, count) -> {
            String title = documents.templates().find(kind).map(t -> t.title()).orElse(kind);
            for (int i = 0; i < count; i++) {
                due.add(new RecordDocuments.Entry(kind, title, RecordDocuments.State.PENDING, null, null));
            }
        });
        boolean delayed = record.getSubmittedAt() != null
                && record.getSubmittedAt().plus(delayedAfter).isBefore(clock.instant());
        return new RecordDocuments(RecordDocuments.State.PENDING, delayed, due);
    }

    /** What {@link #issue} issues for the record: kind → how many (one order per deadline). */
    private static Map<String, Integer> expectedKinds(InspectionRecord record) {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        kinds.put("INSPECTION_RECORD", 1);
        long deadlines = record.failedItems().stream().map(InspectionRecord.ItemResult::rectifyBy)
                .filter(java.util.Objects::nonNull).distinct().count();
        if (deadlines > 0) {
            kinds.put("RECTIFICATION_ORDER", (int) deadlines);
        }
        if (record.failedItems().stream().anyMatch(i -> i.immediateMeasure() != null)) {
            kinds.put("ON_SITE_MEASURES", 1);
        }
        return kinds;
    }

    /** Issues the record's documents (the officer's 出具): a document issued already is returned as it was issued. */
    @Transactional
    public List<IssuedDocument> issue(long recordId) {
        inspections.lockForIssue(recordId);
        return issue(inspections.record(recordId), false);
    }

    /**
     * Issues the documents of the locked record; {@code noneYet}: the record was just found without any documents,
     * so none of their idempotency keys (each names the record) is looked up.
     */
    private List<IssuedDocument> issue(InspectionRecord record, boolean noneYet) {
        long recordId = record.getId();
        Audit.target("现场检查记录", recordId);
        if (record.getStatus() != RecordStatus.SUBMITTED) {
            throw new RuleViolation("现场检查记录提交后才能出具文书。");
        }
        java.util.function.Function<IssueRequest, IssuedDocument> issuing = noneYet ? documents::issueFirst : documents::issue;
        LocalDate day = LocalDate.ofInstant(record.getStartedAt(), InspectionRecord.ZONE);
        Registry.Enterprise firm = registry.enterprise(record.getEnterpriseId()).orElse(null);
        // the unit as the registry knows it (法定代表人); the person met on site is printed separately below
        Party party = Party.unit("party", record.getEnterpriseName(), firm == null ? null : firm.uscc(),
                firm == null ? null : firm.legalRepresentative(), null, firm == null ? null : firm.address(), null, null);
        Actor actor = Actors.require();
        Map<Long, Long> unitOf = new LinkedHashMap<>();
        for (InspectionRecord.Member member : record.getMembers()) {
            // the officer issuing is known already (in the listener, the submitter just read for this delivery)
            unitOf.put(member.userId(), member.userId() == actor.userId() ? actor.organizationId()
                    : users.get(member.userId()).organizationId());
        }
        Map<Long, String> certificates = registry.certificateNos(unitOf, day);
        List<Officer> officers = new ArrayList<>();
        List<DrawnSignature> signatures = new ArrayList<>();
        List<SignatureRefusal> refusals = new ArrayList<>();
        int n = 1;
        for (InspectionRecord.Member member : record.getMembers()) {
            officers.add(new Officer(member.displayName(), certificates.get(member.userId())));
            String area = "officer" + n++;
            record.getSignatures().stream()
                    .filter(s -> s.signerRole() == SignerRole.OFFICER && s.userId() != null && s.userId() == member.userId())
                    .findFirst().ifPresent(s -> signatures.add(new DrawnSignature(area, s.signerName(), s.png())));
        }
        record.getSignatures().stream().filter(s -> s.signerRole() == SignerRole.REPRESENTATIVE).findFirst().ifPresent(s -> {
            if (s.refused()) {
                refusals.add(new SignatureRefusal("party", "被检查单位现场负责人" + s.signerName() + "拒绝签字", s.witness()));
            } else {
                signatures.add(new DrawnSignature("party", s.signerName(), s.png()));
            }
        });
        String by = actor.username();
        SourceRef source = source(recordId);
        List<IssuedDocument> issued = new ArrayList<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("place", record.getPlace() == null ? record.getEnterpriseName() : record.getPlace());
        fields.put("startTime", LocalDateTime.ofInstant(record.getStartedAt(), InspectionRecord.ZONE));
        fields.put("endTime", LocalDateTime.ofInstant(record.getEndedAt(), InspectionRecord.ZONE));
        fields.put("findings", withSupplements(findings(record), record));
        fields.put("onSiteName", onSitePerson(record));
        fields.put("onSiteTitle", record.getRepresentativeTitle());
        fields.put("onSitePhone", record.getRepresentativePhone());
        issued.add(issuing.apply(new IssueRequest("INSPECTION_RECORD", record.getOrganizationId(), source, fields,
                List.of(party), officers, signatures, refusals, day, by, "inspection-record-" + recordId)));

        Map<LocalDate, List<String>> byDeadline = new TreeMap<>();
        List<String> immediate = new ArrayList<>();
        List<String> immediateMeasures = new ArrayList<>();
        for (InspectionRecord.ItemResult item : record.failedItems()) {
            String problem = item.violationText() + (item.note() == null ? "" : "（" + item.note() + "）");
            if (item.rectifyBy() != null) {
                byDeadline.computeIfAbsent(item.rectifyBy(), d -> new ArrayList<>()).add(problem);
            }
            if (item.immediateMeasure() != null) {
                immediate.add(problem);
                immediateMeasures.add(item.immediateMeasure());
            }
        }
        for (Map.Entry<LocalDate, List<String>> order : byDeadline.entrySet()) {
            Map<String, Object> orderFields = new LinkedHashMap<>();
            orderFields.put("problems", order.getValue());
            orderFields.put("items", order.getValue().size() == 1 ? "1" : "1至" + order.getValue().size());
            orderFields.put("deadline", order.getKey());
            issued.add(issuing.apply(new IssueRequest("RECTIFICATION_ORDER", record.getOrganizationId(), source,
                    orderFields, List.of(party), officers, signatures, refusals, day, by,
                    "rectification-order-" + recordId + "-" + order.getKey())));
        }
        if (!immediate.isEmpty()) {
            Map<String, Object> measureFields = new LinkedHashMap<>();
            measureFields.put("inspectedOn", day);
            measureFields.put("violations", immediate);
            measureFields.put("basis", onSiteMeasuresBasis);
            measureFields.put("measures", immediateMeasures);
            issued.add(issuing.apply(new IssueRequest("ON_SITE_MEASURES", record.getOrganizationId(), source,
                    measureFields, List.of(party), officers, signatures, refusals, day, by, "on-site-measures-" + recordId)));
        }
        return issued;
    }

    private org.springframework.beans.factory.ObjectProvider<RecordSupplement> supplements;

    /** Lines other modules add to the 检查情况 (training's 逢查必考), looked up when a record is printed. */
    @org.springframework.beans.factory.annotation.Autowired
    void supplements(org.springframework.beans.factory.ObjectProvider<RecordSupplement> supplements) {
        this.supplements = supplements;
    }

    private String withSupplements(String findings, InspectionRecord record) {
        StringBuilder text = new StringBuilder(findings);
        if (supplements != null) {
            supplements.orderedStream().forEach(s -> s.documentLines(record).forEach(line -> text.append("\n").append(line)));
        }
        return text.toString();
    }

    /** 现场负责人: as written in the record, else the name the representative signed (or refused to sign) with. */
    private static String onSitePerson(InspectionRecord record) {
        if (record.getRepresentativeName() != null) {
            return record.getRepresentativeName();
        }
        return record.getSignatures().stream().filter(s -> s.signerRole() == SignerRole.REPRESENTATIVE)
                .map(InspectionRecord.Signature::signerName).findFirst().orElse(null);
    }

    private static String findings(InspectionRecord record) {
        StringBuilder text = new StringBuilder(record.getFindings() == null ? "" : record.getFindings());
        List<InspectionRecord.ItemResult> failed = record.failedItems();
        if (failed.isEmpty()) {
            text.append(text.isEmpty() ? "" : "\n").append("按检查清单逐项检查，未发现不符合项。");
        } else {
            text.append(text.isEmpty() ? "" : "\n").append("检查发现以下问题：");
            int i = 1;
            for (InspectionRecord.ItemResult item : failed) {
                text.append("\n").append(i++).append(". ").append(item.violationText())
                        .append(item.note() == null ? "" : "（" + item.note() + "）")
                        .append(item.major() ? "【重大事故隐患】" : "");
            }
        }
        return text.toString();
    }
}
