package cn.zhifa.law;

/** How a statutory period is counted. */
public enum Counting {
    /** 工作日: weekends, official holidays and 调休 rest days are skipped; make-up workdays count. */
    WORKING_DAYS("个工作日"),
    /** 日: every day counts; a last day on a rest day moves to the next working day only for a party's period to act. */
    CALENDAR_DAYS("日"),
    /** 个月: same day of the month N months later (last day of a shorter month); moved off rest days as for 日. */
    MONTHS("个月");

    private final String unitLabel;

    Counting(String unitLabel) {
        this.unitLabel = unitLabel;
    }

    /** Chinese unit for "N…", e.g. "3个工作日". */
    public String unitLabel() {
        return unitLabel;
    }
}
