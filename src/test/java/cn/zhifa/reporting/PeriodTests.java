package cn.zhifa.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTests {

    @Test
    void a_quarter_and_a_month_cover_their_days_and_read_in_chinese() {
        PeriodReport.Period q = PeriodReport.Period.parse("2026-q1");
        assertThat(q.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(q.to()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(q.label()).isEqualTo("2026年第一季度");
        PeriodReport.Period m = PeriodReport.Period.parse("2024-02");
        assertThat(m.to()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(m.label()).isEqualTo("2024年2月");
    }

    @Test
    void anything_else_is_refused_with_the_expected_form() {
        for (String bad : new String[]{"2026-13", "2026-Q5", "2026", "", null}) {
            assertThatThrownBy(() -> PeriodReport.Period.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("统计期间应为月份（如 2026-03）或季度（如 2026-Q1）。");
        }
    }
}
