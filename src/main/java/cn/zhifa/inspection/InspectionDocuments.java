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
import cn.zhifa.inspection.internal.Registry;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the documents of a submitted record through the documents module: the 现场检查记录, one
 * 责令限期整改指令书 per deadline, and a 现场处理措施决定书 for immediate measures, carrying the drawn
 * signatures (or the recorded refusal). Issuing again returns the documents issued first.
 */
@Service
public class InspectionDocuments {

    static final String SOURCE = "现场检查记录";

    private final InspectionManagement inspections;
    private final DocumentManagement documents;
    private final Registry registry;
    private final UserManagement users;

    private final String onSiteMeasuresBasis;

    InspectionDocuments(InspectionManagement inspections, DocumentManagement documents, Registry registry,
                        UserManagement users,
                        @org.springframework.beans.factory.annotation.Value("${zhifa.inspection.on-site-measures-basis}")
                        String onSiteMeasuresBasis) {
        this.onSiteMeasuresBasis = onSiteMeasuresBasis;
        this.inspections = inspections;
        this.documents = documents;
        this.registry = registry;
        this.users = users;
    }

    @Transactional(readOnly = true)
    public List<IssuedDocument> of(long recordId) {
        inspections.record(recordId);
        return documents.forSource(new SourceRef(SOURCE, String.valueOf(recordId)));
    }

    /**
     * Submits the record and issues its documents in the same step (the 现场检查记录, and for failed items the
     * 责令限期整改指令书 / 现场处理措施决定书 the firm must receive): a record whose documents cannot be issued is not
     * submitted, and the refusal says why. An online inspection (线上) has no one on site to sign the 现场检查记录, so it
     * is submitted without documents; its orders are issued when they are served.
     */
    @Transactional
    public InspectionRecord submit(long recordId, boolean confirmNonWorkingDeadline) {
        return issuedOnSite(inspections.submit(recordId, confirmNonWorkingDeadline));
    }

    /** A whole record composed on a terminal: submitted and its documents issued in one transaction. */
    @Transactional
    public InspectionRecord submitComplete(RecordSubmission submission) {
        return issuedOnSite(inspections.submitComplete(submission));
    }

    private InspectionRecord issuedOnSite(InspectionRecord submitted) {
        if (submitted.getMode() == InspectionMode.ON_SITE) {
            issue(submitted.getId());
        }
        return submitted;
    }

    @Transactional
    public List<IssuedDocument> issue(long recordId) {
        InspectionRecord record = inspections.record(recordId);
        Audit.target("现场检查记录", recordId);
        if (record.getStatus() != RecordStatus.SUBMITTED) {
            throw new RuleViolation("现场检查记录提交后才能出具文书。");
        }
        LocalDate day = LocalDate.ofInstant(record.getStartedAt(), InspectionRecord.ZONE);
        Registry.Enterprise firm = registry.enterprise(record.getEnterpriseId()).orElse(null);
        // the unit as the registry knows it (法定代表人); the person met on site is printed separately below
        Party party = Party.unit("party", record.getEnterpriseName(), firm == null ? null : firm.uscc(),
                firm == null ? null : firm.legalRepresentative(), null, firm == null ? null : firm.address(), null, null);
        List<Officer> officers = new ArrayList<>();
        List<DrawnSignature> signatures = new ArrayList<>();
        List<SignatureRefusal> refusals = new ArrayList<>();
        int n = 1;
        for (InspectionRecord.Member member : record.getMembers()) {
            long org = users.get(member.userId()).organizationId();
            officers.add(new Officer(member.displayName(), registry.certificateNo(member.userId(), org, day).orElse(null)));
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
        String by = Actors.require().username();
        SourceRef source = new SourceRef(SOURCE, String.valueOf(recordId));
        List<IssuedDocument> issued = new ArrayList<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("place", record.getPlace() == null ? record.getEnterpriseName() : record.getPlace());
        fields.put("startTime", LocalDateTime.ofInstant(record.getStartedAt(), InspectionRecord.ZONE));
        fields.put("endTime", LocalDateTime.ofInstant(record.getEndedAt(), InspectionRecord.ZONE));
        fields.put("findings", withSupplements(findings(record), record));
        fields.put("onSiteName", onSitePerson(record));
        fields.put("onSiteTitle", record.getRepresentativeTitle());
        fields.put("onSitePhone", record.getRepresentativePhone());
        issued.add(documents.issue(new IssueRequest("INSPECTION_RECORD", record.getOrganizationId(), source, fields,
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
            issued.add(documents.issue(new IssueRequest("RECTIFICATION_ORDER", record.getOrganizationId(), source,
                    orderFields, List.of(party), officers, signatures, refusals, day, by,
                    "rectification-order-" + recordId + "-" + order.getKey())));
        }
        if (!immediate.isEmpty()) {
            Map<String, Object> measureFields = new LinkedHashMap<>();
            measureFields.put("inspectedOn", day);
            measureFields.put("violations", immediate);
            measureFields.put("basis", onSiteMeasuresBasis);
            measureFields.put("measures", immediateMeasures);
            issued.add(documents.issue(new IssueRequest("ON_SITE_MEASURES", record.getOrganizationId(), source,
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
