package cn.zhifa.law.internal;

import cn.zhifa.law.HolidayNotice;
import cn.zhifa.law.HolidayNoticeSource;
import org.springframework.stereotype.Component;

import java.util.List;

/** The notices shipped in {@code law/holidays.yml}; replaced by the database-backed source once that exists. */
@Component
class BundledHolidayNotices implements HolidayNoticeSource {

    @Override
    public List<HolidayNotice> notices() {
        return BundledLawData.holidayNotices();
    }
}
