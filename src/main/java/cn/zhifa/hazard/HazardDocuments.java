package cn.zhifa.hazard;

import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.DrawnSignature;
import cn.zhifa.documents.IssueRequest;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.Officer;
import cn.zhifa.documents.Party;
import cn.zhifa.documents.SignatureRefusal;
import cn.zhifa.documents.SourceRef;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 整改复查意见书 of a 复查: validates the drawn signatures exactly as the inspection terminal does
 * ({@link SignatureImage}) and issues the document through the documents module, referring to the
 * 责令限期整改指令书 (or 现场处理措施决定书) of the inspection record the hazard came from.
 */
@Service
public class HazardDocuments {

    static final String SOURCE = "隐患";

    private final DocumentManagement documents;
    private final InspectionDocuments inspectionDocuments;
    private final EnterpriseManagement enterprises;
    private final OfficerManagement officers;
    private final UserManagement users;

    HazardDocuments(DocumentManagement documents, InspectionDocuments inspectionDocuments,
                    EnterpriseManagement enterprises, OfficerManagement officers, UserManagement users) {
        this.documents = documents;
        this.inspectionDocuments = inspectionDocuments;
        this.enterprises = enterprises;
        this.officers = officers;
        this.users = users;
    }

    /** Signatures checked and decoded, ready for the document. */
    record Checked(List<Officer> officers, List<DrawnSignature> signatures, List<SignatureRefusal> refusals) {
    }

    /**
     * Checks the 复查 signatures before anything is stored: two distinct officers (the logged-in one among them)
     * with valid drawings, and the person in charge's drawing or refusal before a witness.
     */
    Checked check(RecheckSignatures given, Actor actor, LocalDate today) {
        RecheckSignatures signatures = given == null ? new RecheckSignatures(List.of(), null) : given;
        List<RecordSubmission.OfficerSignature> list = signatures.officers();
        if (list.size() < 2 || list.stream().map(RecordSubmission.OfficerSignature::userId).distinct().count() < 2) {
            throw new RuleViolation("签名缺失：整改复查意见书须由两名复查执法人员签名。");
        }
        if (list.stream().noneMatch(s -> s.userId() == actor.userId())) {
            throw new RuleViolation("签名缺失：请复查人员本人在签名框内签名。");
        }
        List<Officer> named = new ArrayList<>();
        List<DrawnSignature> drawn = new ArrayList<>();
        int n = 1;
        for (RecordSubmission.OfficerSignature signature : list.subList(0, 2)) {
            UserView officer = users.get(signature.userId());
            if (!officer.roles().contains(Role.OFFICER)) {
                throw new RuleViolation(officer.displayName() + "不是执法人员，不能作为复查人员签名。");
            }
            SignatureImage image;
            try {
                image = SignatureImage.fromDataUrl(signature.png());
            } catch (RuleViolation refused) {
                throw new RuleViolation("复查人员" + officer.displayName() + "：" + refused.getMessage());
            }
            String certificate = officers.certifiedOfficers(List.of(officer.organizationId()), today).stream()
                    .filter(o -> o.userId() == officer.id()).map(o -> o.certificateNo()).findFirst().orElse(null);
            named.add(new Officer(officer.displayName(), certificate));
            drawn.add(new DrawnSignature("officer" + n++, officer.displayName(), image.png()));
        }
        RecordSubmission.RepresentativeSignature party = signatures.representative();
        if (party == null || party.name() == null || party.name().isBlank()) {
            throw new RuleViolation("签名缺失：请填写被复查单位负责人姓名并由其签名（拒绝签字的须注明见证人）。");
        }
        List<SignatureRefusal> refusals = new ArrayList<>();
        if (party.refused()) {
            if (party.witness() == null || party.witness().isBlank()) {
                throw new RuleViolation("被复查单位负责人拒绝签字的，须填写见证人。");
            }
            refusals.add(new SignatureRefusal("party", "被复查单位负责人" + party.name().strip() + "拒绝签字",
                    party.witness().strip()));
        } else {
            SignatureImage image;
            try {
                image = SignatureImage.fromDataUrl(party.png());
            } catch (RuleViolation refused) {
                throw new RuleViolation("被复查单位负责人：" + refused.getMessage());
            }
            drawn.add(new DrawnSignature("party", party.name().strip(), image.png()));
        }
        return new Checked(named, drawn, refusals);
    }

    /**
     * Issues the 整改复查意见书 of the hazard's latest 复查 (inside the 复查's transaction). Empty when there is no
     * 责令限期整改指令书 or 现场处理措施决定书 to refer to (a hazard registered outside an inspection record).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<IssuedDocument> issueRecheckOpinion(Hazard hazard, Checked checked, String by, LocalDate today) {
        Optional<IssuedDocument> order = originalOrder(hazard);
        if (order.isEmpty()) {
            return Optional.empty();
        }
        EnterpriseSummary firm = enterprises.find(hazard.getEnterpriseId()).orElse(null);
        Party party = Party.unit("party", hazard.getEnterpriseName(), firm == null ? null : firm.uscc(),
                firm == null ? null : firm.legalRepresentative(), null, firm == null ? null : firm.address(), null, null);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("orderDate", order.get().issueDate());
        fields.put("orderName", order.get().title());
        fields.put("orderNumber", order.get().number());
        fields.put("opinion", hazard.getReinspectionOpinion());
        return Optional.of(documents.issue(new IssueRequest("RECHECK_OPINION", hazard.getOrganizationId(),
                new SourceRef(SOURCE, String.valueOf(hazard.getId())), fields, List.of(party), checked.officers(),
                checked.signatures(), checked.refusals(), today, by,
                "recheck-opinion-" + hazard.getId() + "-" + hazard.getReinspectionCount())));
    }

    /** The documents issued for a hazard (整改复查意见书), newest first. */
    @Transactional(readOnly = true)
    public List<IssuedDocument> of(long hazardId) {
        return documents.forSource(new SourceRef(SOURCE, String.valueOf(hazardId))).stream()
                .sorted(Comparator.comparingLong(IssuedDocument::id).reversed()).toList();
    }

    /**
     * The order the 复查 refers to: the record's valid 责令限期整改指令书 (for ORDER hazards) or 现场处理措施决定书,
     * issuing the record's documents first when they have not been issued yet (issuing is idempotent).
     */
    private Optional<IssuedDocument> originalOrder(Hazard hazard) {
        if (hazard.getRecordId() == null) {
            return Optional.empty();
        }
        SourceRef record = new SourceRef("现场检查记录", String.valueOf(hazard.getRecordId()));
        List<IssuedDocument> issued = documents.forSource(record);
        String kind = hazard.getImmediateMeasure() != null && hazard.getMeasure() == Measure.IMMEDIATE
                ? "ON_SITE_MEASURES" : "RECTIFICATION_ORDER";
        if (issued.stream().noneMatch(d -> d.valid() && d.number() != null
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
