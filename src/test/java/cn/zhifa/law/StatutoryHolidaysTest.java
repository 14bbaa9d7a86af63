package cn.zhifa.law;

import cn.zhifa.law.internal.BundledLawData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.Month;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatutoryHolidaysTest {

    private final StatutoryHolidays statutory = BundledLawData.statutoryHolidays();
    private final LegalCalendar calendar = LegalCalendar.bundled();

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026})
    void every_statutory_holiday_computed_for_a_year_is_a_rest_day_in_that_years_official_notice(int year) {
        HolidayNotice notice = calendar.notice(year).orElseThrow();

        Map<LocalDate, String> daysOff = statutory.daysOff(year);

        assertThat(daysOff).hasSize(13);
        assertThat(notice.restDays()).containsAll(daysOff.keySet());
    }

    @Test
    void the_2024_revision_gives_four_spring_festival_days_from_new_years_eve() {
        Map<LocalDate, String> daysOff = statutory.daysOff(2026);

        assertThat(daysOff).containsEntry(LocalDate.of(2026, 2, 16), "春节")
                .containsEntry(LocalDate.of(2026, 2, 19), "春节")
                .doesNotContainKey(LocalDate.of(2026, 2, 20))
                .doesNotContainKey(LocalDate.of(2026, 2, 15));
        assertThat(daysOff).containsEntry(LocalDate.of(2026, 5, 2), "劳动节");
    }

    @Test
    void years_before_2025_use_the_2013_revision_with_three_spring_festival_days_and_one_labour_day() {
        Map<LocalDate, String> daysOff = statutory.daysOff(2024);

        assertThat(daysOff).hasSize(11)
                .containsKey(LocalDate.of(2024, 2, 10))
                .doesNotContainKey(LocalDate.of(2024, 2, 9))
                .doesNotContainKey(LocalDate.of(2024, 5, 2));
    }

    @Test
    void the_lunar_table_covers_2020_to_2035_with_plausible_dates() {
        for (int year = 2020; year <= 2035; year++) {
            assertThat(statutory.festivalDatesKnown(year)).as("year %d", year).isTrue();
            Map<LocalDate, String> daysOff = statutory.daysOff(year);
            LocalDate springFestival = daysOff.entrySet().stream().filter(e -> e.getValue().contains("春节"))
                    .map(Map.Entry::getKey).min(LocalDate::compareTo).orElseThrow();
            assertThat(springFestival).isBetween(LocalDate.of(year, 1, 20), LocalDate.of(year, 2, 19));
            LocalDate qingming = daysOff.entrySet().stream().filter(e -> e.getValue().equals("清明节"))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            assertThat(qingming.getMonth()).isEqualTo(Month.APRIL);
            assertThat(qingming.getDayOfMonth()).isBetween(4, 5);
        }
        assertThat(statutory.festivalDatesKnown(2036)).isFalse();
    }

    @Test
    void mid_autumn_on_national_day_merges_into_one_named_day() {
        assertThat(statutory.daysOff(2031)).containsEntry(LocalDate.of(2031, 10, 1), "中秋节、国庆节");
    }
}
