package cn.zhifa.hazard;

import cn.zhifa.inspection.RecordSubmission;
import java.util.List;

/**
 * The signatures of a hazard document (the 整改复查意见书 of a 复查, the 责令限期整改指令书 or 现场处理措施决定书 of a
 * hazard registered outside an inspection record), in the inspection terminal's format: drawn PNG data URLs of the
 * two officers (one of them the logged-in officer) and of the unit's person in charge, or the latter's refusal
 * before a witness.
 */
public record RecheckSignatures(List<RecordSubmission.OfficerSignature> officers,
                                RecordSubmission.RepresentativeSignature representative) {

    public RecheckSignatures {
        officers = officers == null ? List.of() : officers.stream().filter(java.util.Objects::nonNull).toList();
    }
}
