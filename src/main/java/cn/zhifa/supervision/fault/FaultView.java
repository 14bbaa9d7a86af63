package cn.zhifa.supervision.fault;

import java.time.LocalDate;

/** One 执法过错 record as lists and exports show it; {@code responsibility} is null while not yet decided. */
public record FaultView(long id, long organizationId, String unitName, long officerId, String officerName, Long caseId,
                        String caseLabel, String kind, FaultFoundBy foundBy, String foundByLabel, String foundReference,
                        LocalDate foundOn, String facts, String responsibility, LocalDate decidedOn, int version) {

    public boolean decided() {
        return responsibility != null;
    }
}
