package cn.zhifa.hazard;

import java.time.LocalDate;

/** A row of the hazard register with its warning state on a given day and the unit (执法单位) it belongs to. */
public record HazardView(long id, String enterpriseName, long enterpriseId, HazardLevel level, HazardStatus status,
                         String description, String location, Measure measure, LocalDate deadline, LocalDate foundOn,
                         boolean overdue, boolean dueSoon, boolean supervised, boolean exposed, Long recordId,
                         long organizationId, String unitName) {

    /** 逾期 / 临期 / "" */
    public String warning() {
        return overdue ? "已逾期" : dueSoon ? "即将到期" : "";
    }
}
