package cn.zhifa.law.internal;

import cn.zhifa.law.LegalCalendar;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-reads the holiday tables now and then, so every instance of a multi-node deployment sees a
 * notice an administrator saved on another node (the saving node refreshes at once).
 */
@Component
class CalendarRefresher {

    private final LegalCalendar calendar;

    CalendarRefresher(LegalCalendar calendar) {
        this.calendar = calendar;
    }

    @Scheduled(fixedDelayString = "${zhifa.law.calendar-refresh:PT10M}", initialDelayString = "${zhifa.law.calendar-refresh:PT10M}")
    void refresh() {
        calendar.refresh();
    }
}
