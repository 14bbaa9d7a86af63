package cn.zhifa.township.internal;

import java.time.LocalDate;

/** Dates as the township pages write them: 2026年3月5日. */
final class Dates {

    private Dates() {
    }

    static String chinese(LocalDate day) {
        return day == null ? "" : day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }
}
