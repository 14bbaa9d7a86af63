package cn.zhifa.law;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One year's official holiday arrangement (国务院办公厅关于某年部分节假日安排的通知).
 *
 * @param year          the calendar year the notice arranges
 * @param title         the notice's title
 * @param number        its document number (文号), blank when not known
 * @param publishedOn   publication date, may be null when not known
 * @param restDays      every day off it names, weekends inside a holiday block included
 * @param makeUpWorkdays 调休 working days that fall on a Saturday or Sunday
 */
public record HolidayNotice(int year, String title, String number, LocalDate publishedOn,
                            Set<LocalDate> restDays, Set<LocalDate> makeUpWorkdays) {

    public HolidayNotice {
        Objects.requireNonNull(title, "title");
        number = number == null ? "" : number.strip();
        restDays = Collections.unmodifiableSet(new TreeSet<>(restDays));
        makeUpWorkdays = Collections.unmodifiableSet(new TreeSet<>(makeUpWorkdays));
    }

    /** A human-readable citation, e.g. "国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）". */
    public String citation() {
        return number.isEmpty() ? title : title + "（" + number + "）";
    }

    /**
     * Checks the notice for mistakes an administrator could make when typing it in; returns Chinese
     * messages, empty when the notice is consistent.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            problems.add("年份应在2000至2100之间");
        }
        if (title.isBlank()) {
            problems.add("请填写通知名称");
        }
        if (restDays.isEmpty()) {
            problems.add("请至少填写一个放假日期");
        }
        for (LocalDate day : restDays) {
            if (Math.abs(day.getYear() - year) > 1) {
                problems.add("放假日期 " + day + " 不在 " + year + " 年前后");
            }
        }
        for (LocalDate day : makeUpWorkdays) {
            if (restDays.contains(day)) {
                problems.add(day + " 不能既是放假日又是调休上班日");
            }
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                problems.add("调休上班日 " + day + " 不是周六或周日");
            }
            if (Math.abs(day.getYear() - year) > 1) {
                problems.add("调休上班日 " + day + " 不在 " + year + " 年前后");
            }
        }
        return problems;
    }
}
