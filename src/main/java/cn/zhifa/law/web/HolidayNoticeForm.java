package cn.zhifa.law.web;

import cn.zhifa.law.HolidayNotice;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The administrator's form for a year's holiday notice. Dates are typed as in the notice: one day
 * ({@code 2027-10-01}) or a range ({@code 2027-10-01..2027-10-07} or {@code 2027-10-01至2027-10-07}),
 * separated by new lines, commas or 、.
 */
public class HolidayNoticeForm {

    private String year = "";
    private String title = "";
    private String number = "";
    private String publishedOn = "";
    private String restDays = "";
    private String workDays = "";

    /** The notice, or the Chinese problems that prevent it. */
    record Result(HolidayNotice notice, List<String> problems) {
    }

    Result toNotice() {
        List<String> problems = new ArrayList<>();
        int noticeYear = 0;
        try {
            noticeYear = Integer.parseInt(year.strip());
        } catch (NumberFormatException e) {
            problems.add("年份应为四位数字");
        }
        LocalDate published = null;
        if (!publishedOn.isBlank()) {
            try {
                published = LocalDate.parse(publishedOn.strip());
            } catch (DateTimeParseException e) {
                problems.add("发布日期应为 YYYY-MM-DD 格式");
            }
        }
        Set<LocalDate> rest = days("放假日期", restDays, problems);
        Set<LocalDate> work = days("调休上班日期", workDays, problems);
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        HolidayNotice notice = new HolidayNotice(noticeYear, title.strip(), number.strip(), published, rest, work);
        List<String> consistency = notice.problems();
        return consistency.isEmpty() ? new Result(notice, List.of()) : new Result(null, consistency);
    }

    static HolidayNoticeForm of(HolidayNotice notice) {
        HolidayNoticeForm form = new HolidayNoticeForm();
        form.year = String.valueOf(notice.year());
        form.title = notice.title();
        form.number = notice.number();
        form.publishedOn = notice.publishedOn() == null ? "" : notice.publishedOn().toString();
        form.restDays = String.join("\n", cn.zhifa.law.internal.BundledLawData.DateRanges.compact(notice.restDays()));
        form.workDays = String.join("\n", cn.zhifa.law.internal.BundledLawData.DateRanges.compact(notice.makeUpWorkdays()));
        return form;
    }

    private static Set<LocalDate> days(String label, String text, List<String> problems) {
        Set<LocalDate> days = new LinkedHashSet<>();
        for (String item : text.split("[\\n\\r,，、;；]+")) {
            String entry = item.strip().replace("至", "..").replace("~", "..");
            if (entry.isEmpty()) {
                continue;
            }
            try {
                days.addAll(cn.zhifa.law.internal.BundledLawData.DateRanges.expand(List.of(entry)));
            } catch (DateTimeParseException e) {
                problems.add(label + "“" + item.strip() + "”不是 YYYY-MM-DD 或 YYYY-MM-DD..YYYY-MM-DD 格式");
            } catch (IllegalArgumentException e) {
                problems.add(label + "：" + e.getMessage());
            }
        }
        return days;
    }

    public String getYear() { return year; }
    public void setYear(String year) { this.year = year == null ? "" : year; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title == null ? "" : title; }
    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number == null ? "" : number; }
    public String getPublishedOn() { return publishedOn; }
    public void setPublishedOn(String publishedOn) { this.publishedOn = publishedOn == null ? "" : publishedOn; }
    public String getRestDays() { return restDays; }
    public void setRestDays(String restDays) { this.restDays = restDays == null ? "" : restDays; }
    public String getWorkDays() { return workDays; }
    public void setWorkDays(String workDays) { this.workDays = workDays == null ? "" : workDays; }
}
