package cn.zhifa.law;

import cn.zhifa.law.internal.BundledLawData;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Working-day arithmetic on China's official calendar.
 * <p>
 * A day is a rest day when the year's State Council notice names it as a day off, or when it is a
 * Saturday or Sunday that the notice does not name as a 调休 make-up workday. For a year with no
 * notice loaded, Saturdays, Sundays and the statutory holidays of 《全国年节及纪念日放假办法》 are rest
 * days, and every result touching that year is {@link Deadline#provisional() provisional}.
 * <p>
 * Counting follows 《行政处罚法》 art 85 and 民事诉讼法 art 85 by analogy: the start day is not
 * counted; a deadline that falls on a rest day moves to the next working day only where a party must act
 * (缴款, 复议, 诉讼, 陈述申辩), never where it limits the agency or restricts the party (查封/扣押, decision
 * periods, limitation): see {@link RestDays}.
 * <p>
 * The notices come from a {@link HolidayNoticeSource}; call {@link #refresh()} after it changed.
 */
public final class LegalCalendar {

    /** Upper bound of a single computation, in days: ten years is far beyond any statutory period. */
    public static final int MAX_SPAN_DAYS = 3660;

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final HolidayNoticeSource source;
    private final StatutoryHolidays statutory;
    private final Map<Integer, Map<LocalDate, String>> statutoryCache = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Snapshot snapshot;

    public LegalCalendar(HolidayNoticeSource source, StatutoryHolidays statutory) {
        this.source = Objects.requireNonNull(source, "source");
        this.statutory = Objects.requireNonNull(statutory, "statutory");
        refresh();
    }

    /** A calendar on the fixed list of notices, e.g. for tests. */
    public static LegalCalendar of(Collection<HolidayNotice> notices, StatutoryHolidays statutory) {
        List<HolidayNotice> copy = List.copyOf(notices);
        return new LegalCalendar(() -> copy, statutory);
    }

    /** The calendar on the notices and statutory holidays shipped in {@code law/holidays.yml}. */
    public static LegalCalendar bundled() {
        return of(BundledLawData.holidayNotices(), BundledLawData.statutoryHolidays());
    }

    /** Re-reads the notices from the source (after an administrator added or changed one). */
    public void refresh() {
        snapshot = new Snapshot(source.notices());
    }

    public StatutoryHolidays statutoryHolidays() {
        return statutory;
    }

    /** The loaded notices, by year. */
    public List<HolidayNotice> notices() {
        return List.copyOf(snapshot.byYear.values());
    }

    public Optional<HolidayNotice> notice(int year) {
        return Optional.ofNullable(snapshot.byYear.get(year));
    }

    /** True when the official notice of {@code year} is loaded, so its dates are final. */
    public boolean hasNoticeFor(int year) {
        return snapshot.byYear.containsKey(year);
    }

    public boolean isWorkingDay(LocalDate date) {
        return day(date).workingDay();
    }

    /** Describes {@code date}: working or rest day, why, and whether that is provisional. */
    public CalendarDay day(LocalDate date) {
        Objects.requireNonNull(date, "date");
        Snapshot current = snapshot;
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        HolidayNotice restBy = current.restDays.get(date);
        if (restBy != null) {
            return new CalendarDay(date, false, false, "放假调休日（" + restBy.title() + "）");
        }
        HolidayNotice workBy = current.workDays.get(date);
        if (workBy != null) {
            return new CalendarDay(date, true, false, "调休上班日（" + workBy.title() + "）");
        }
        if (hasNoticeFor(date.getYear())) {
            return new CalendarDay(date, !weekend, false, weekend ? weekdayName(date) : "工作日");
        }
        String holiday = statutoryDaysOff(date.getYear()).get(date);
        if (holiday != null) {
            return new CalendarDay(date, false, true, "法定节假日：" + holiday + "（" + statutory.law() + "，推算）");
        }
        return new CalendarDay(date, !weekend, true, weekend ? weekdayName(date) : "工作日（推算）");
    }

    /** The N-th working day after {@code from} (the start day itself is not counted). */
    public Deadline addWorkingDays(LocalDate from, int days) {
        requireSpan(days);
        LocalDate due = from;
        int counted = 0;
        while (counted < days) {
            due = due.plusDays(1);
            if (isWorkingDay(due)) {
                counted++;
            }
        }
        String basis = "自" + chinese(from) + "起（当日不计）数第" + days + "个工作日，为" + chinese(due) + "。";
        return deadline(from, days, Counting.WORKING_DAYS, due, basis);
    }

    /**
     * The N-th working day before {@code until} (that day itself not counted): the last day an act may
     * happen that must precede {@code until} by N working days, e.g. the hearing notice.
     */
    public Deadline subtractWorkingDays(LocalDate until, int days) {
        requireSpan(days);
        LocalDate due = until;
        int counted = 0;
        while (counted < days) {
            due = due.minusDays(1);
            if (isWorkingDay(due)) {
                counted++;
            }
        }
        String basis = "自" + chinese(until) + "起（当日不计）向前数第" + days + "个工作日，为" + chinese(due)
                + "，应不迟于该日。";
        return deadline(until, days, Counting.WORKING_DAYS, due, basis, due, until);
    }

    /** Whether a period whose last day is a rest day ends on the next working day. */
    public enum RestDays {
        /** A party's period to act (缴款, 复议, 诉讼, 陈述申辩): it ends on the next working day (民事诉讼法第八十五条). */
        ROLL_OVER,
        /** A limit on the agency or a restriction of the party (查封/扣押, decision periods, limitation): never lengthened. */
        KEEP
    }

    /** {@code from} plus N days, moved to the next working day when that falls on a rest day (a party's period). */
    public Deadline addCalendarDays(LocalDate from, int days) {
        return addCalendarDays(from, days, RestDays.ROLL_OVER);
    }

    /** {@code from} plus N days; moved off a rest day only for {@link RestDays#ROLL_OVER}. */
    public Deadline addCalendarDays(LocalDate from, int days, RestDays restDays) {
        requireSpan(days);
        return end(from, days, Counting.CALENDAR_DAYS, from.plusDays(days), restDays);
    }

    /**
     * The same day N months after {@code from} (the month's last day when it has no such day), moved
     * to the next working day when that falls on a rest day (a party's period).
     */
    public Deadline addMonths(LocalDate from, int months) {
        return addMonths(from, months, RestDays.ROLL_OVER);
    }

    /** The same day N months after {@code from}; moved off a rest day only for {@link RestDays#ROLL_OVER}. */
    public Deadline addMonths(LocalDate from, int months, RestDays restDays) {
        if (months < 0 || months > MAX_SPAN_DAYS / 30) {
            throw new IllegalArgumentException("月数应在0至" + MAX_SPAN_DAYS / 30 + "之间");
        }
        return end(from, months, Counting.MONTHS, from.plusMonths(months), restDays);
    }

    /** Working days after {@code from} up to and including {@code to} (0 when {@code to} is not after {@code from}). */
    public WorkingDayCount workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (Math.abs(to.toEpochDay() - from.toEpochDay()) > MAX_SPAN_DAYS) {
            throw new IllegalArgumentException("日期跨度不能超过" + MAX_SPAN_DAYS + "日");
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return new WorkingDayCount(from, to, count, isProvisional(from, to.isBefore(from) ? from : to));
    }

    /** {@code date} itself when it is a working day, else the next working day. */
    public LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        for (int i = 0; i <= MAX_SPAN_DAYS && !isWorkingDay(day); i++) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** True when a day in [{@code first}, {@code last}] lies in a year with no notice loaded. */
    public boolean isProvisional(LocalDate first, LocalDate last) {
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            if (!hasNoticeFor(year)) {
                return true;
            }
        }
        return false;
    }

    private Deadline end(LocalDate from, int length, Counting counting, LocalDate nominal, RestDays restDays) {
        LocalDate due = restDays == RestDays.ROLL_OVER ? nextWorkingDayOnOrAfter(nominal) : nominal;
        StringBuilder basis = new StringBuilder("自").append(chinese(from)).append("起（当日不计）")
                .append(length).append(counting.unitLabel()).append("届满于").append(chinese(nominal));
        if (due.equals(nominal) && (restDays == RestDays.ROLL_OVER || isWorkingDay(nominal))) {
            basis.append("。");
        } else if (due.equals(nominal)) {
            basis.append("，该日为").append(day(nominal).description())
                    .append("；本期限限制行政机关或者当事人的权利，不因节假日顺延。");
        } else {
            basis.append("，该日为").append(day(nominal).description()).append("，顺延至其后第一个工作日")
                    .append(chinese(due)).append("。");
        }
        return deadline(from, length, counting, due, basis.toString());
    }

    private Deadline deadline(LocalDate from, int length, Counting counting, LocalDate due, String basis) {
        return deadline(from, length, counting, due, basis, from, due);
    }

    private Deadline deadline(LocalDate from, int length, Counting counting, LocalDate due, String basis,
                              LocalDate first, LocalDate last) {
        return new Deadline(from, length, counting, due, isProvisional(first, last),
                basis + sources(first, last));
    }

    private String sources(LocalDate first, LocalDate last) {
        Set<String> cited = new LinkedHashSet<>();
        Set<Integer> missing = new TreeSet<>();
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            HolidayNotice notice = snapshot.byYear.get(year);
            if (notice != null) {
                cited.add(notice.citation());
            } else {
                missing.add(year);
            }
        }
        StringBuilder text = new StringBuilder();
        if (!cited.isEmpty()) {
            text.append("节假日及调休依据").append(String.join("、", cited)).append("。");
        }
        if (!missing.isEmpty()) {
            text.append(missing.stream().map(String::valueOf).reduce((a, b) -> a + "、" + b).orElseThrow())
                    .append("年的放假安排通知尚未载入，该年按周六、周日及").append(statutory.law())
                    .append("规定的法定节假日推算");
            boolean lunarUnknown = missing.stream().anyMatch(year -> !statutory.festivalDatesKnown(year));
            if (lunarUnknown) {
                text.append("（农历节日日期未知，未计入）");
            }
            text.append("，结果为暂定，待国务院办公厅发布该年放假安排后以正式安排为准。");
        }
        return text.toString();
    }

    private Map<LocalDate, String> statutoryDaysOff(int year) {
        return statutoryCache.computeIfAbsent(year, statutory::daysOff);
    }

    private static void requireSpan(int days) {
        if (days < 0 || days > MAX_SPAN_DAYS) {
            throw new IllegalArgumentException("天数应在0至" + MAX_SPAN_DAYS + "之间");
        }
    }

    private static String weekdayName(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY ? "周六" : "周日";
    }

    static String chinese(LocalDate date) {
        return CHINESE_DATE.format(date);
    }

    private static final class Snapshot {
        final Map<Integer, HolidayNotice> byYear = new TreeMap<>();
        final Map<LocalDate, HolidayNotice> restDays = new HashMap<>();
        final Map<LocalDate, HolidayNotice> workDays = new HashMap<>();

        Snapshot(List<HolidayNotice> notices) {
            for (HolidayNotice notice : notices) {
                byYear.put(notice.year(), notice);
            }
            for (HolidayNotice notice : byYear.values()) {
                notice.restDays().forEach(day -> restDays.put(day, notice));
                notice.makeUpWorkdays().forEach(day -> workDays.put(day, notice));
            }
        }
    }
}
