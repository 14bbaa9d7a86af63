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

    /**
     * The warning as people say it on {@code today}, in calendar days from the deadline, worded like the case
     * deadlines: "逾期 10 天", "今日到期", "即将到期，还剩 2 天"; "" when neither overdue nor due soon.
     */
    public String warning(LocalDate today) {
        if (!overdue && !dueSoon) {
            return "";
        }
        if (deadline == null || today == null) {
            return warning();
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(today, deadline);
        if (overdue) {
            return days < 0 ? "逾期 " + -days + " 天" : "已逾期";
        }
        return days == 0 ? "今日到期" : "即将到期，还剩 " + days + " 天";
    }
}
