package cn.zhifa.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The statistics pages' "数据截至" line: the time alone today, with the day on another day, with the year before this one. */
class FiguresAsOfTests {

    @Test
    void the_line_names_the_time_and_the_day_only_when_it_is_not_today() {
        LocalDate today = LocalDate.of(2026, 3, 2);
        assertThat(ReportingPages.asOfLabel(LocalDateTime.of(2026, 3, 2, 9, 5), today)).isEqualTo("数据截至 09:05");
        assertThat(ReportingPages.asOfLabel(LocalDateTime.of(2026, 3, 1, 23, 59), today)).isEqualTo("数据截至 3月1日 23:59");
        assertThat(ReportingPages.asOfLabel(LocalDateTime.of(2025, 12, 31, 23, 0), today)).isEqualTo("数据截至 2025年12月31日 23:00");
    }
}
