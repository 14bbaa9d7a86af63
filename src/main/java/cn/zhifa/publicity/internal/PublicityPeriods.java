package cn.zhifa.publicity.internal;

import cn.zhifa.law.Deadline;
import cn.zhifa.law.LegalCalendar;
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

    /** The last day on the portal: the end of the publicity period counted from the decision. */
    public LocalDate expiresOn(LocalDate decidedOn) {
        return periods.due(rules.expiryPeriod(), decidedOn).due();
    }

    public LocalDate earliestEnd(LocalDate decidedOn) {
        return periods.due(rules.earliestEndPeriod(), decidedOn).due();
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
