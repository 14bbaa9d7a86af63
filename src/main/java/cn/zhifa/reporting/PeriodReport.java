package cn.zhifa.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A monthly or quarterly 统计报表 for reporting upward: one row per unit (the chosen unit's own records and each unit
 * below it with its subtree) and the total.
 */
public record PeriodReport(String unit, Period period, List<Row> rows, Row total) {

    /** A month ({@code 2026-03}) or a quarter ({@code 2026-Q1}). */
    public record Period(LocalDate from, LocalDate to, String label, String code) {

        private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
        private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

        /** Parses the code or refuses with a message the user can read. */
        public static Period parse(String code) {
            String text = code == null ? "" : code.strip().toUpperCase();
            Matcher q = QUARTER.matcher(text);
            if (q.matches()) {
                int year = Integer.parseInt(q.group(1));
                int quarter = Integer.parseInt(q.group(2));
                YearMonth first = YearMonth.of(year, quarter * 3 - 2);
                return new Period(first.atDay(1), first.plusMonths(2).atEndOfMonth(),
                        year + "年第" + "一二三四".charAt(quarter - 1) + "季度", text);
            }
            Matcher m = MONTH.matcher(text);
            if (m.matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 12) {
                YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return new Period(month.atDay(1), month.atEndOfMonth(), month.getYear() + "年" + month.getMonthValue() + "月", text);
            }
            throw new IllegalArgumentException("统计期间应为月份（如 2026-03）或季度（如 2026-Q1）。");
        }
    }

    public record Row(String unit, long firms, long visits, long keyVisits, long generalVisits, long otherVisits,
                      long onlineVisits, long officerVisits, long hazardsFound, long majorHazardsFound, long hazardsClosed,
                      long filedEnforcement, long filedAccident, long decidedEnforcement, long decidedAccident,
                      BigDecimal finesEnforcementYuan, BigDecimal finesAccidentYuan, long documentsIssued) {
    }
}
