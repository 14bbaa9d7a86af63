package cn.zhifa.publicity.internal;

import cn.zhifa.law.Deadline;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.law.PeriodCode;
import cn.zhifa.law.StatutoryPeriod;
import cn.zhifa.law.StatutoryPeriods;
import java.time.LocalDate;

/** The publicity periods on law's calendar: due day, withdrawal day, end of the publicity period. */
public record PublicityPeriods(StatutoryPeriods periods, LegalCalendar calendar, PublicityRules rules) {

    /** The last day to publish a decision made on {@code decidedOn} (the decision day itself not counted). */
    public Deadline publicationDue(LocalDate decidedOn) {
        return periods.due(rules.publicationPeriod(), decidedOn);
    }

    public Deadline withdrawalDue(LocalDate changedOn) {
        return periods.due(rules.withdrawalPeriod(), changedOn);
    }

    /**
     * The last day on the portal: the end of the publicity period counted from the decision, on the corresponding
     * calendar day (a limit on publication, not a party's act: it does not move off a rest day).
     */
    public LocalDate expiresOn(LocalDate decidedOn) {
        return end(rules.expiryPeriod(), decidedOn);
    }

    /** Before this day publication may not end early (信用修复). */
    public LocalDate earliestEnd(LocalDate decidedOn) {
        return end(rules.earliestEndPeriod(), decidedOn);
    }

    private LocalDate end(PeriodCode code, LocalDate from) {
        StatutoryPeriod period = periods.period(code);
        return switch (period.counting()) {
            case MONTHS -> from.plusMonths(period.length());
            case CALENDAR_DAYS -> from.plusDays(period.length());
            case WORKING_DAYS -> periods.due(code, from).due();
        };
    }

    /** Awaiting and due within the warning days (not yet overdue). */
    public boolean dueSoon(LocalDate today, LocalDate due) {
        return !today.isAfter(due) && calendar.workingDaysBetween(today, due).workingDays() <= rules.warningWorkingDays();
    }

    public String publicationLabel() {
        return periods.period(rules.publicationPeriod()).lengthLabel();
    }

    public String publicationSource() {
        return periods.period(rules.publicationPeriod()).source();
    }
}
