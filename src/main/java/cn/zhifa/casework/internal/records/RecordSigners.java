package cn.zhifa.casework.internal.records;

import static cn.zhifa.casework.internal.records.RecordForms.blank;
import static cn.zhifa.casework.internal.records.RecordForms.userId;

import cn.zhifa.casework.OnsiteKind;
import cn.zhifa.casework.RecordInput;
import cn.zhifa.casework.internal.records.RecordParts.Named;
import cn.zhifa.casework.internal.records.RecordParts.Signing;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.DrawnSignature;
import cn.zhifa.documents.Officer;
import cn.zhifa.documents.SignatureRefusal;
import cn.zhifa.inspection.SignatureImage;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.registry.OfficerSummary;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who makes and signs an investigation record: the two officers (and the 记录人), certified officers of the case's unit
 * with a 行政执法证 valid today (行政处罚法第四十二条), and the signatures drawn on the template's areas or the refusals
 * recorded with their witness.
 */
@Component
public class RecordSigners {

    private static final Set<String> OFFICER_AREAS = Set.of("officer1", "officer2", "recorder");

    private final OfficerManagement officers;
    private final DocumentManagement documents;
    private final Clock clock;

    RecordSigners(OfficerManagement officers, DocumentManagement documents, Clock clock) {
        this.officers = officers;
        this.documents = documents;
        this.clock = clock;
    }

    /** Officers of the unit (and of the user's own unit) with a 行政执法证 valid today. */
    public List<OfficerSummary> certifiedOfficers(long organizationId) {
        List<Long> units = Actors.current().map(a -> a.organizationId()).filter(o -> o != organizationId)
                .map(o -> List.of(organizationId, o)).orElse(List.of(organizationId));
        return officers.certifiedOfficers(units, LocalDate.now(clock));
    }

    /** Drawn signatures and refusals, checked; {@code note} says who refused (kept with the record). */
    public record Signed(List<DrawnSignature> signatures, List<SignatureRefusal> refusals, String note) {
        public String noteSuffix() {
            return note.isBlank() ? "" : "；" + note;
        }

        public Signing signing() {
            return new Signing(signatures.stream().map(DrawnSignature::area).collect(Collectors.toSet()),
                    refusals.stream().collect(Collectors.toMap(SignatureRefusal::area, x -> x.reason() + "，见证人：" + x.witness())),
                    note);
        }
    }

    /** officer1, officer2 and (when {@code withRecorder}) the recorder, all certified officers of the unit. */
    public List<Named> team(long organizationId, RecordInput in, boolean withRecorder) {
        Long first = userId(in, "officer1Id"), second = userId(in, "officer2Id");
        if (first == null || second == null) throw new RuleViolation("请选择两名执法人员（行政处罚法第四十二条：执法人员不得少于两人）。");
        if (first.equals(second)) throw new RuleViolation("两名执法人员不能是同一人。");
        List<OfficerSummary> certified = certifiedOfficers(organizationId);
        Actor actor = Actors.require();
        List<Named> team = new ArrayList<>();
        team.add(certified(certified, first));
        team.add(certified(certified, second));
        if (withRecorder) {
            Long recorder = userId(in, "recorderId");
            if (recorder == null) throw new RuleViolation("请选择记录人。");
            team.add(certified(certified, recorder));
        }
        if (team.stream().noneMatch(t -> t.userId() == actor.userId())) {
            throw new RuleViolation("记录须由在场的执法人员本人登记：请把自己选为执法人员或记录人。");
        }
        return team;
    }

    /** The 调查人员 of a hearing record: optional, both or none. */
    public List<Named> optionalTeam(long organizationId, RecordInput in) {
        if (userId(in, "officer1Id") == null && userId(in, "officer2Id") == null) return List.of();
        Long first = userId(in, "officer1Id"), second = userId(in, "officer2Id");
        if (first == null || second == null || first.equals(second)) throw new RuleViolation("请选择两名不同的调查人员，或都不选。");
        List<OfficerSummary> certified = certifiedOfficers(organizationId);
        return List.of(certified(certified, first), certified(certified, second));
    }

    private static Named certified(List<OfficerSummary> certified, long userId) {
        return certified.stream().filter(o -> o.userId() == userId).findFirst()
                .map(o -> new Named(o.userId(), o.name(), o.certificateNo()))
                .orElseThrow(() -> new RuleViolation("所选人员不是本单位持有效行政执法证的执法人员（持证执法），请重新选择。"));
    }

    public static List<Officer> officersOf(List<Named> team) {
        return team.stream().limit(2).map(t -> new Officer(t.name(), t.certificateNo())).toList();
    }

    /**
     * The drawn signatures of the template's areas (officers: drawn by themselves; others: drawn, or a refusal with
     * its circumstances). Blank pads are left for the documents module to refuse with its Chinese list of what is
     * missing; a blank drawing or a non-PNG is refused here.
     */
    public Signed signatures(OnsiteKind kind, RecordInput in, List<Named> team, Map<String, String> otherSigners) {
        Map<String, String> labels = documents.templates().signatureAreaLabels(kind.documentKind());
        List<DrawnSignature> drawn = new ArrayList<>();
        List<SignatureRefusal> refusals = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, String> area : labels.entrySet()) {
            String name = signerName(area.getKey(), team, otherSigners);
            String label = area.getValue().replace("（签名）", "").replace("（签名或者盖章）", "");
            RecordInput.Refusal refusal = in.refusals().get(area.getKey());
            if (refusal != null) {
                if (OFFICER_AREAS.contains(area.getKey())) throw new RuleViolation(label + "是执法人员，须本人签名，不能记录为拒绝签名。");
                if (blank(refusal.reason())) throw new RuleViolation(label + "拒绝签名的，须写明拒签情况。");
                if (blank(refusal.witness())) throw new RuleViolation(label + "拒绝签名的，须写明见证人。");
                refusals.add(new SignatureRefusal(area.getKey(), refusal.reason().strip(), refusal.witness().strip()));
                notes.add(label + (name == null ? "" : name) + "拒绝签名（" + refusal.reason().strip() + "，见证人："
                        + refusal.witness().strip() + "）");
                continue;
            }
            String png = in.signatures().get(area.getKey());
            if (blank(png)) continue;
            if (name == null) continue;
            try {
                drawn.add(new DrawnSignature(area.getKey(), name, SignatureImage.fromDataUrl(png).png()));
            } catch (RuleViolation refused) {
                throw new RuleViolation(label + "：" + refused.getMessage());
            }
        }
        return new Signed(drawn, refusals, String.join("；", notes));
    }

    private static String signerName(String area, List<Named> team, Map<String, String> others) {
        return switch (area) {
            case "officer1" -> team.size() > 0 ? team.get(0).name() : null;
            case "officer2" -> team.size() > 1 ? team.get(1).name() : null;
            case "recorder" -> team.size() > 2 ? team.get(2).name() : null;
            default -> others.get(area);
        };
    }
}
