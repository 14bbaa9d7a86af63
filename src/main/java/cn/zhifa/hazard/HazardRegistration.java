package cn.zhifa.hazard;

import cn.zhifa.inspection.RecordSubmission;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Hazards of one enterprise registered together outside a checklist (free finding), with the signatures of the
 * 责令限期整改指令书 that orders them: the two officers' drawings (one of them the logged-in officer) and the
 * enterprise's person in charge's drawing, or that person's refusal before a witness. Findings with the same
 * deadline share one 指令书 (the standard form carries one deadline); immediate measures get one 现场处理措施决定书.
 *
 * @param organizationId the registering unit (null: the officer's own)
 * @param enterpriseId   the firm from the registry; 0 when the terminal names it by {@code enterpriseUscc}
 * @param recordId       the inspection record the officers were on when they found them, if any
 * @param enterpriseUscc the firm's 统一社会信用代码 when the officer typed it on site (a firm outside the day's tasks)
 */
public record HazardRegistration(Long organizationId, long enterpriseId, Long recordId, List<Finding> findings,
                                 List<RecordSubmission.OfficerSignature> officerSignatures,
                                 RecordSubmission.RepresentativeSignature representative, String enterpriseUscc) {

    public HazardRegistration {
        findings = findings == null ? List.of() : findings.stream().filter(Objects::nonNull).toList();
        officerSignatures = officerSignatures == null ? List.of() : List.copyOf(officerSignatures);
    }

    /**
     * One hazard: what, where, under which rule, and the order (a deadline or immediate measures).
     *
     * @param criterion  optional code of the checklist item / 重大事故隐患判定标准 item it matches (e.g. GM-3-2): the
     *                   legal basis and, for a 判定标准 item, the major level are then taken from the item
     * @param legalBasis the legal basis when no item is named (or to state it more precisely)
     * @param latitude   where it was found by the phone's GPS (WGS-84), with {@code longitude}; both or neither
     */
    public record Finding(HazardLevel level, String criterion, String location, String description, String legalBasis,
                          LocalDate deadline, Boolean confirmNonWorkingDeadline, String immediateMeasure,
                          List<Long> evidenceIds, java.math.BigDecimal latitude, java.math.BigDecimal longitude) {

        public Finding {
            confirmNonWorkingDeadline = Boolean.TRUE.equals(confirmNonWorkingDeadline);
            evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
        }
    }

    RecheckSignatures signatures() {
        return new RecheckSignatures(officerSignatures, representative);
    }
}
