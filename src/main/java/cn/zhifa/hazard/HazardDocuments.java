package cn.zhifa.hazard;

import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.DrawnSignature;
import cn.zhifa.documents.IssueRequest;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.Officer;
import cn.zhifa.documents.Party;
import cn.zhifa.documents.SignatureRefusal;
import cn.zhifa.documents.SourceRef;
import cn.zhifa.hazard.internal.Hazards;
import cn.zhifa.inspection.InspectionDocuments;
import cn.zhifa.inspection.RecordSubmission;
import cn.zhifa.inspection.SignatureImage;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of the hazard loop, issued through the documents module from the hazard's data:
 * <ul>
 * <li>for hazards registered outside an inspection record (free finding, confirmed self-report), the
 * 责令限期整改指令书 (one per deadline, listing every hazard of the registration due by it) or the 现场处理措施决定书;
 * <li>for every 复查, the 整改复查意见书 referring to the hazard's order: its own one, or the
 * record's 责令限期整改指令书 / 现场处理措施决定书 for hazards from an inspection record.
 * </ul>
 * Drawn signatures are validated exactly as the inspection terminal does ({@link SignatureImage}) before anything is
 * stored; a document that must be signed is never issued without the signatures or a recorded refusal.
 */
@Service
public class HazardDocuments {

    static final String SOURCE = "隐患";

    private final DocumentManagement documents;
    private final InspectionDocuments inspectionDocuments;
    private final EnterpriseManagement enterprises;
    private final OfficerManagement officers;
    private final UserManagement users;
    private final Hazards hazards;
    private final String onSiteMeasuresBasis;

    HazardDocuments(DocumentManagement documents, InspectionDocuments inspectionDocuments,
                    EnterpriseManagement enterprises, OfficerManagement officers, UserManagement users, Hazards hazards,
                    @Value("${zhifa.inspection.on-site-measures-basis}") String onSiteMeasuresBasis) {
        this.documents = documents;
        this.inspectionDocuments = inspectionDocuments;
        this.enterprises = enterprises;
        this.officers = officers;
        this.users = users;
        this.hazards = hazards;
        this.onSiteMeasuresBasis = onSiteMeasuresBasis;
    }

    /** Signatures checked and decoded, ready for the document. */
    record Checked(List<Officer> officers, List<DrawnSignature> signatures, List<SignatureRefusal> refusals) {
    }

    /** How the refusals name the document and its signers. */
    enum Wording {
        RECHECK("整改复查意见书", "复查执法人员", "复查人员", "被复查单位负责人"),
        ORDER("责令限期整改指令书", "执法人员", "执法人员", "被检查单位负责人");

        final String document;
        final String officers;
        final String officer;
        final String party;

        Wording(String document, String officers, String officer, String party) {
            this.document = document;
            this.officers = officers;
            this.officer = officer;
            this.party = party;
        }
    }

    /** The 复查 signatures, see {@link #check(RecheckSignatures, Wording, Actor, LocalDate)}. */
    Checked check(RecheckSignatures given, Actor actor, LocalDate today) {
        return check(given, Wording.RECHECK, actor, today);
    }

    /**
     * Checks the signatures before anything is stored: two distinct officers (the logged-in one among them)
     * with valid drawings, and the person in charge's drawing or refusal before a witness.
     */
    Checked check(RecheckSignatures given, Wording wording, Actor actor, LocalDate today) {
        RecheckSignatures signatures = given == null ? new RecheckSignatures(List.of(), null) : given;
        List<RecordSubmission.OfficerSignature> list = signatures.officers();
        if (list.size() < 2 || list.stream().map(RecordSubmission.OfficerSignature::userId).distinct().count() < 2) {
            throw new RuleViolation("签名缺失：" + wording.document + "须由两名" + wording.officers + "签名。");
        }
        if (list.stream().noneMatch(s -> s.userId() == actor.userId())) {
            throw new RuleViolation("签名缺失：请" + wording.officer + "本人在签名框内签名。");
        }
        List<Officer> named = new ArrayList<>();
        List<DrawnSignature> drawn = new ArrayList<>();
        int n = 1;
        for (RecordSubmission.OfficerSignature signature : list.subList(0, 2)) {
            UserView officer = users.get(signature.userId());
            if (!officer.roles().contains(Role.OFFICER)) {
                throw new RuleViolation(officer.displayName() + "不是执法人员，不能作为" + wording.officer + "签名。");
            }
            SignatureImage image;
            try {
                image = SignatureImage.fromDataUrl(signature.png());
            } catch (RuleViolation refused) {
                throw new RuleViolation(wording.officer + officer.displayName() + "：" + refused.getMessage());
            }
            String certificate = officers.certifiedOfficers(List.of(officer.organizationId()), today).stream()
                    .filter(o -> o.userId() == officer.id()).map(o -> o.certificateNo()).findFirst().orElse(null);
            named.add(new Officer(officer.displayName(), certificate));
            drawn.add(new DrawnSignature("officer" + n++, officer.displayName(), image.png()));
        }
        RecordSubmission.RepresentativeSignature party = signatures.representative();
        if (party == null || party.name() == null || party.name().isBlank()) {
            throw new RuleViolation("签名缺失：请填写" + wording.party + "姓名并由其签名（拒绝签字的须注明见证人）。");
        }
        List<SignatureRefusal> refusals = new ArrayList<>();
        if (party.refused()) {
            if (party.witness() == null || party.witness().isBlank()) {
                throw new RuleViolation(wording.party + "拒绝签字的，须填写见证人。");
            }
            refusals.add(new SignatureRefusal("party", wording.party + party.name().strip() + "拒绝签字",
                    party.witness().strip()));
        } else {
            SignatureImage image;
            try {
                image = SignatureImage.fromDataUrl(party.png());
            } catch (RuleViolation refused) {
                throw new RuleViolation(wording.party + "：" + refused.getMessage());
            }
            drawn.add(new DrawnSignature("party", party.name().strip(), image.png()));
        }
        return new Checked(named, drawn, refusals);
    }

    /**
     * Issues the orders of hazards registered together (inside the registration's transaction) and records each
     * hazard's order on it: one 责令限期整改指令书 per deadline, listing the hazards due by it in the order given,
     * and one 现场处理措施决定书 for those under immediate measures. The hazards must be saved (have ids) and
     * belong to one enterprise; the caller saves them again afterwards.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<IssuedDocument> issueOrders(List<Hazard> registered, Checked checked, String by, LocalDate today) {
        if (registered.isEmpty()) {
            return List.of();
        }
        Hazard first = registered.get(0);
        if (registered.stream().anyMatch(h -> h.getEnterpriseId() != first.getEnterpriseId())) {
            throw new RuleViolation("一份整改指令只能针对一家企业的隐患。");
        }
        Party party = party(first);
        SourceRef source = new SourceRef(SOURCE, String.valueOf(first.getId()));
        Map<LocalDate, List<Hazard>> byDeadline = new TreeMap<>();
        List<Hazard> immediate = new ArrayList<>();
        for (Hazard hazard : registered) {
            if (hazard.getMeasure() == Measure.ORDER) {
                byDeadline.computeIfAbsent(hazard.getDeadline(), d -> new ArrayList<>()).add(hazard);
            } else {
                immediate.add(hazard);
            }
        }
        List<IssuedDocument> issued = new ArrayList<>();
        for (Map.Entry<LocalDate, List<Hazard>> order : byDeadline.entrySet()) {
            List<Hazard> due = order.getValue();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("problems", due.stream().map(HazardDocuments::problem).toList());
            fields.put("items", due.size() == 1 ? "1" : "1至" + due.size());
            fields.put("deadline", order.getKey());
            IssuedDocument document = documents.issue(new IssueRequest("RECTIFICATION_ORDER", first.getOrganizationId(),
                    source, fields, List.of(party), checked.officers(), checked.signatures(), checked.refusals(), today,
                    by, "hazard-order-" + first.getId() + "-" + order.getKey()));
            due.forEach(h -> h.orderedBy(document.id()));
            issued.add(document);
        }
        if (!immediate.isEmpty()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("inspectedOn", first.getFoundOn());
            fields.put("violations", immediate.stream().map(HazardDocuments::problem).toList());
            fields.put("basis", onSiteMeasuresBasis);
            fields.put("measures", immediate.stream().map(Hazard::getImmediateMeasure).toList());
            IssuedDocument document = documents.issue(new IssueRequest("ON_SITE_MEASURES", first.getOrganizationId(),
                    source, fields, List.of(party), checked.officers(), checked.signatures(), checked.refusals(), today,
                    by, "hazard-measures-" + first.getId()));
            immediate.forEach(h -> h.orderedBy(document.id()));
            issued.add(document);
        }
        return issued;
    }

    /** A date inside free text, written as the documents write dates (2026年12月1日). */
    private static String chineseDate(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /** The problem as the order lists it: the description, where, and the rule it breaks when known. */
    static String problem(Hazard hazard) {
        List<String> notes = new ArrayList<>();
        if (hazard.getLocation() != null) {
            notes.add("部位：" + hazard.getLocation());
        }
        if (hazard.getLegalBasis() != null && !hazard.getLegalBasis().isBlank()) {
            notes.add("依据：" + hazard.getLegalBasis().strip());
        } else if (hazard.getCriterion() != null && !hazard.getCriterion().isBlank()) {
            notes.add("判定标准：" + hazard.getCriterion().strip());
        }
        String text = hazard.getDescription() + (notes.isEmpty() ? "" : "（" + String.join("；", notes) + "）");
        return hazard.getLevel() == HazardLevel.MAJOR ? text + "【重大事故隐患】" : text;
    }

    private Party party(Hazard hazard) {
        EnterpriseSummary firm = enterprises.find(hazard.getEnterpriseId()).orElse(null);
        return Party.unit("party", firm == null ? hazard.getEnterpriseName() : firm.name(),
                firm == null ? null : firm.uscc(), firm == null ? null : firm.legalRepresentative(), null,
                firm == null ? null : firm.address(), null, null);
    }

    /**
     * Issues the 整改复查意见书 of the hazard's latest 复查 (inside the 复查's transaction). Empty when there is no
     * 责令限期整改指令书 or 现场处理措施决定书 to refer to (a hazard registered outside an inspection record before
     * such hazards were ordered by their own document).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<IssuedDocument> issueRecheckOpinion(Hazard hazard, Checked checked, String by, LocalDate today) {
        Optional<IssuedDocument> order = originalOrder(hazard);
        if (order.isEmpty()) {
            return Optional.empty();
        }
        Party party = party(hazard);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("orderDate", order.get().issueDate());
        fields.put("orderName", order.get().title());
        fields.put("orderNumber", order.get().number());
        fields.put("opinion", hazard.getStatus() == HazardStatus.RECTIFYING && hazard.getDeadline() != null
                ? hazard.getReinspectionOpinion() + "\n经复查，整改不合格，责令你单位于" + chineseDate(hazard.getDeadline())
                + "前整改完毕。"
                : hazard.getReinspectionOpinion());
        return Optional.of(documents.issue(new IssueRequest("RECHECK_OPINION", hazard.getOrganizationId(),
                new SourceRef(SOURCE, String.valueOf(hazard.getId())), fields, List.of(party), checked.officers(),
                checked.signatures(), checked.refusals(), today, by,
                "recheck-opinion-" + hazard.getId() + "-" + hazard.getReinspectionCount())));
    }

    /**
     * The documents issued for a hazard, newest first: its 整改复查意见书 and, for a hazard registered outside an
     * inspection record, its 责令限期整改指令书 or 现场处理措施决定书 (shared with the hazards registered with it).
     */
    @Transactional(readOnly = true)
    public List<IssuedDocument> of(long hazardId) {
        Map<Long, IssuedDocument> all = new LinkedHashMap<>();
        documents.forSource(new SourceRef(SOURCE, String.valueOf(hazardId))).forEach(d -> all.put(d.id(), d));
        hazards.findById(hazardId).map(Hazard::getOrderDocumentId).flatMap(documents::find)
                .ifPresent(order -> versions(order).forEach(d -> all.putIfAbsent(d.id(), d)));
        return all.values().stream().sorted(Comparator.comparingLong(IssuedDocument::id).reversed()).toList();
    }

    /** The order of a hazard registered outside an inspection record, in its current (corrected) version. */
    Optional<IssuedDocument> ownOrder(Hazard hazard) {
        if (hazard.getOrderDocumentId() == null) {
            return Optional.empty();
        }
        List<IssuedDocument> versions = documents.find(hazard.getOrderDocumentId()).map(this::versions).orElse(List.of());
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1))
                .filter(IssuedDocument::valid);
    }

    /** A document and the versions that corrected it, oldest first. */
    private List<IssuedDocument> versions(IssuedDocument document) {
        List<IssuedDocument> chain = new ArrayList<>(List.of(document));
        IssuedDocument last = document;
        while (last.supersededById() != null && chain.size() < 50) {
            Optional<IssuedDocument> next = documents.find(last.supersededById());
            if (next.isEmpty()) {
                break;
            }
            last = next.get();
            chain.add(last);
        }
        return chain;
    }

    /**
     * The order the 复查 refers to: the hazard's own order when it was registered outside a record, else the record's valid 责令限期整改指令书 (for ORDER hazards) or 现场处理措施决定书,
     * issuing the record's documents first when they have not been issued yet (issuing is idempotent).
     */
    private Optional<IssuedDocument> originalOrder(Hazard hazard) {
        return order(hazard, true);
    }

    /**
     * The order in force for a hazard as the detail page shows it (nothing is issued): its own 责令限期整改指令书 or
     * 现场处理措施决定书, or the one of the inspection record it came from.
     */
    @Transactional(readOnly = true)
    public Optional<IssuedDocument> orderOf(Hazard hazard) {
        return order(hazard, false);
    }

    private Optional<IssuedDocument> order(Hazard hazard, boolean issueMissing) {
        if (hazard.getOrderDocumentId() != null) {
            return ownOrder(hazard);
        }
        if (hazard.getRecordId() == null || hazard.getSource() != HazardSource.INSPECTION) {
            return Optional.empty();
        }
        SourceRef record = new SourceRef("现场检查记录", String.valueOf(hazard.getRecordId()));
        List<IssuedDocument> issued = documents.forSource(record);
        String kind = hazard.getImmediateMeasure() != null && hazard.getMeasure() == Measure.IMMEDIATE
                ? "ON_SITE_MEASURES" : "RECTIFICATION_ORDER";
        if (issueMissing && issued.stream().noneMatch(d -> d.valid() && d.number() != null
                && (d.kind().equals("RECTIFICATION_ORDER") || d.kind().equals("ON_SITE_MEASURES")))) {
            try {
                issued = inspectionDocuments.issue(hazard.getRecordId());
            } catch (RuleViolation notSubmitted) {
                return Optional.empty();
            }
        }
        List<IssuedDocument> orders = issued.stream().filter(d -> d.valid() && d.number() != null
                && (d.kind().equals("RECTIFICATION_ORDER") || d.kind().equals("ON_SITE_MEASURES")))
                .sorted(Comparator.comparingLong(IssuedDocument::id)).toList();
        return orders.stream().filter(d -> d.kind().equals(kind)).findFirst().or(() -> orders.stream().findFirst());
    }
}
