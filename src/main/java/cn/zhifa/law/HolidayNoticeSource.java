package cn.zhifa.law;

import java.util.List;

/** Where {@link LegalCalendar} reads the loaded official holiday notices from. */
@FunctionalInterface
public interface HolidayNoticeSource {

    List<HolidayNotice> notices();
}
