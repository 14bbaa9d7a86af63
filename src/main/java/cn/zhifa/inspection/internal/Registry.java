package cn.zhifa.inspection.internal;

import cn.zhifa.shared.Verdict;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What inspections need from the enterprise and officer registry. */
public interface Registry {

    Optional<Enterprise> enterprise(long id);

    List<Enterprise> searchEnterprises(String keyword, int limit);

    /** The number of the officer's 行政执法证 valid on the day, if any. */
    Optional<String> certificateNo(long userId, long organizationId, LocalDate on);

    /** {@link #certificateNo} of several officers (user id → their unit) in one query: user id → number, if any. */
    java.util.Map<Long, String> certificateNos(java.util.Map<Long, Long> unitOfOfficer, LocalDate on);

    /** 持证执法: every officer named holds an enforcement certificate valid on the day (else the first refusal). */
    Verdict mayEnforce(List<Long> userIds, LocalDate on);

    /** The enterprise as an inspection sees it. */
    record Enterprise(long id, String name, String uscc, String address, String legalRepresentative, long organizationId, List<String> riskFeatures,
                      String industry) {
    }
}
