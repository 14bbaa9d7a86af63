package cn.zhifa.casework;

import cn.zhifa.law.Deadline;
import java.time.LocalDate;

/**
 * One stage on the case timeline: when it happened (or null), its deadline (or null) and its status.
 *
 * @param partyPeriod true for the party's periods (陈述申辩, 听证申请, 复议, 诉讼): shown, never warned about
 */
public record TimelineEntry(String code, String label, LocalDate date, Deadline deadline, Status status, boolean partyPeriod) {

    public enum Status {
        DONE("已完成"),
        DONE_LATE("超期完成"),
        PENDING("待办"),
        RUNNING("期限内"),
        NEAR("临期"),
        OVERDUE("逾期"),
        LAPSED("已届满"),
        NOT_APPLICABLE("不适用");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The status as people say it: "逾期 10 天", "今日到期", "临期，还剩 2 天", else the status's label. */
    public String statusText(LocalDate today) {
        if (deadline == null || (status != Status.OVERDUE && status != Status.NEAR)) {
            return status.label();
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(today, deadline.due());
        if (days < 0) {
            return "逾期 " + -days + " 天";
        }
        return days == 0 ? "今日到期" : status == Status.NEAR ? "临期，还剩 " + days + " 天" : status.label();
    }

    static TimelineEntry of(String code, String label, LocalDate date, Deadline deadline, LocalDate today,
                            boolean partyPeriod, CasePeriods periods) {
        Status status;
        if (partyPeriod) {
            status = deadline.isOverdueOn(today) ? Status.LAPSED : Status.RUNNING;
        } else if (date != null) {
            status = deadline != null && date.isAfter(deadline.due()) ? Status.DONE_LATE : Status.DONE;
        } else if (deadline == null) {
            status = Status.PENDING;
        } else if (deadline.isOverdueOn(today)) {
            status = Status.OVERDUE;
        } else if (periods.near(today, deadline.due())) {
            status = Status.NEAR;
        } else {
            status = Status.RUNNING;
        }
        return new TimelineEntry(code, label, date, deadline, status, partyPeriod);
    }

    TimelineEntry notApplicable() {
        return new TimelineEntry(code, label, date, null, Status.NOT_APPLICABLE, partyPeriod);
    }

    public boolean warning() {
        return status == Status.NEAR || status == Status.OVERDUE;
    }
}
