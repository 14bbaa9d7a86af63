package cn.zhifa.supervision.internal;

import cn.zhifa.law.Deadline;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.supervision.ComplaintChannel;
import java.time.LocalDate;

/** The 受理 and 办结 deadlines of a complaint, counted from its receipt on the working-day calendar. */
public class ComplaintDeadlines {

    private final LegalCalendar calendar;
    private final ComplaintRules rules;

    public ComplaintDeadlines(LegalCalendar calendar, ComplaintRules rules) {
        this.calendar = calendar;
        this.rules = rules;
    }

    public record Due(LocalDate accept, LocalDate close, boolean provisional) {
    }

    public Due of(ComplaintChannel channel, LocalDate receivedOn) {
        ComplaintRules.Period period = rules.period(channel);
        Deadline accept = count(receivedOn, period.acceptDays(), period.calendarDays());
        Deadline close = count(receivedOn, period.closeDays(), period.calendarDays());
        return new Due(accept.due(), close.due(), accept.provisional() || close.provisional());
    }

    private Deadline count(LocalDate from, int days, boolean calendarDays) {
        return calendarDays ? calendar.addCalendarDays(from, days, LegalCalendar.RestDays.ROLL_OVER)
                : calendar.addWorkingDays(from, days);
    }

    /** 临期: the due day is today or within the warning window of working days. */
    public boolean dueSoon(LocalDate due, LocalDate today) {
        return !due.isBefore(today) && calendar.workingDaysBetween(today, due).workingDays() <= rules.warningWorkingDays();
    }

    public ComplaintRules rules() {
        return rules;
    }
}
