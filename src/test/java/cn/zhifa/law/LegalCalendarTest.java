package cn.zhifa.law;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LegalCalendarTest {

    private final LegalCalendar calendar = LegalCalendar.bundled();

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @Nested
    class SpringFestival2026 {

        @Test
        void the_holiday_block_from_15_to_23_february_is_rest_and_the_saturdays_14_and_28_are_workdays() {
            for (LocalDate day = d("2026-02-15"); !day.isAfter(d("2026-02-23")); day = day.plusDays(1)) {
                assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
            }
            assertThat(calendar.isWorkingDay(d("2026-02-14"))).isTrue();
            assertThat(calendar.isWorkingDay(d("2026-02-28"))).isTrue();
            assertThat(calendar.isWorkingDay(d("2026-02-24"))).isTrue();
        }

        @Test
        void three_working_days_from_thursday_12_february_use_the_make_up_saturday_and_skip_the_holiday() {
            Deadline deadline = calendar.addWorkingDays(d("2026-02-12"), 3);

            assertThat(deadline.due()).isEqualTo(d("2026-02-24"));
            assertThat(deadline.provisional()).isFalse();
            assertThat(deadline.basis()).contains("国务院办公厅关于2026年部分节假日安排的通知");
        }

        @Test
        void one_working_day_after_friday_13_february_is_the_make_up_saturday() {
            assertThat(calendar.addWorkingDays(d("2026-02-13"), 1).due()).isEqualTo(d("2026-02-14"));
        }

        @Test
        void the_fourth_working_day_after_24_february_is_the_make_up_saturday_28_february() {
            assertThat(calendar.addWorkingDays(d("2026-02-24"), 4).due()).isEqualTo(d("2026-02-28"));
        }

        @Test
        void fifteen_calendar_days_ending_inside_the_holiday_move_to_the_first_working_day_after_it() {
            Deadline deadline = calendar.addCalendarDays(d("2026-02-05"), 15);

            assertThat(deadline.due()).isEqualTo(d("2026-02-24"));
            assertThat(deadline.basis()).contains("2026年2月20日").contains("顺延").contains("2026年2月24日");
        }

        @Test
        void a_calendar_period_ending_on_the_make_up_saturday_is_not_moved() {
            assertThat(calendar.addCalendarDays(d("2026-02-13"), 1).due()).isEqualTo(d("2026-02-14"));
        }

        @Test
        void working_days_between_count_the_make_up_saturdays_and_not_the_start_day() {
            WorkingDayCount count = calendar.workingDaysBetween(d("2026-02-13"), d("2026-02-28"));

            assertThat(count.workingDays()).isEqualTo(6);
            assertThat(count.provisional()).isFalse();
        }

        @Test
        void seven_working_days_before_a_hearing_on_26_february_reach_back_over_the_holiday() {
            Deadline notice = calendar.subtractWorkingDays(d("2026-02-26"), 7);

            assertThat(notice.due()).isEqualTo(d("2026-02-10"));
        }
    }

    @Nested
    class MayDay2026 {

        @Test
        void may_1_to_5_are_rest_and_saturday_9_may_is_a_workday() {
            assertThat(List.of(d("2026-05-01"), d("2026-05-02"), d("2026-05-03"), d("2026-05-04"), d("2026-05-05")))
                    .noneMatch(calendar::isWorkingDay);
            assertThat(calendar.isWorkingDay(d("2026-05-09"))).isTrue();
            assertThat(calendar.isWorkingDay(d("2026-05-10"))).isFalse();
        }

        @Test
        void three_working_days_from_29_april_end_on_7_may() {
            assertThat(calendar.addWorkingDays(d("2026-04-29"), 3).due()).isEqualTo(d("2026-05-07"));
        }

        @Test
        void two_working_days_from_7_may_end_on_the_make_up_saturday() {
            assertThat(calendar.addWorkingDays(d("2026-05-07"), 2).due()).isEqualTo(d("2026-05-09"));
        }

        @Test
        void fifteen_calendar_days_landing_on_1_may_move_to_6_may() {
            assertThat(calendar.addCalendarDays(d("2026-04-16"), 15).due()).isEqualTo(d("2026-05-06"));
        }
    }

    @Nested
    class NationalDay2026 {

        @Test
        void october_1_to_7_are_rest_and_sunday_20_september_and_saturday_10_october_are_workdays() {
            for (LocalDate day = d("2026-10-01"); !day.isAfter(d("2026-10-07")); day = day.plusDays(1)) {
                assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
            }
            assertThat(calendar.isWorkingDay(d("2026-09-20"))).isTrue();
            assertThat(calendar.isWorkingDay(d("2026-10-10"))).isTrue();
            assertThat(calendar.isWorkingDay(d("2026-10-11"))).isFalse();
        }

        @Test
        void five_working_days_from_29_september_count_the_make_up_saturday_and_end_on_monday_12_october() {
            assertThat(calendar.addWorkingDays(d("2026-09-29"), 5).due()).isEqualTo(d("2026-10-12"));
        }

        @Test
        void one_working_day_after_friday_18_september_is_the_make_up_sunday() {
            assertThat(calendar.addWorkingDays(d("2026-09-18"), 1).due()).isEqualTo(d("2026-09-20"));
        }

        @Test
        void fifteen_calendar_days_landing_on_national_day_move_to_8_october() {
            assertThat(calendar.addCalendarDays(d("2026-09-16"), 15).due()).isEqualTo(d("2026-10-08"));
        }

        @Test
        void mid_autumn_25_to_27_september_is_rest() {
            assertThat(calendar.isWorkingDay(d("2026-09-25"))).isFalse();
            assertThat(calendar.addWorkingDays(d("2026-09-24"), 1).due()).isEqualTo(d("2026-09-28"));
        }
    }

    @Nested
    class Year2025 {

        @ParameterizedTest
        @CsvSource({"2025-01-26,true", "2025-02-08,true", "2025-04-27,true", "2025-09-28,true", "2025-10-11,true",
                "2025-01-28,false", "2025-02-04,false", "2025-05-31,false", "2025-06-02,false", "2025-10-08,false",
                "2025-10-09,true"})
        void follows_the_2025_notice(LocalDate day, boolean working) {
            assertThat(calendar.isWorkingDay(day)).isEqualTo(working);
        }
    }

    @Nested
    class YearsWithoutNotice {

        @Test
        void a_span_reaching_into_2027_is_provisional_and_skips_new_year_by_the_statutory_holidays() {
            Deadline deadline = calendar.addWorkingDays(d("2026-12-30"), 3);

            assertThat(deadline.due()).isEqualTo(d("2027-01-05"));
            assertThat(deadline.provisional()).isTrue();
            assertThat(deadline.basis()).contains("2027年的放假安排通知尚未载入").contains("暂定");
        }

        @Test
        void a_span_inside_2026_is_final() {
            assertThat(calendar.addWorkingDays(d("2026-12-01"), 5).provisional()).isFalse();
        }

        @Test
        void a_2027_date_is_reported_as_provisional() {
            CalendarDay day = calendar.day(d("2027-03-03"));

            assertThat(day.workingDay()).isTrue();
            assertThat(day.provisional()).isTrue();
        }

        @Test
        void the_2027_spring_festival_rests_from_new_years_eve_for_four_days_under_the_2024_revision() {
            assertThat(calendar.isWorkingDay(d("2027-02-04"))).isTrue();
            assertThat(calendar.day(d("2027-02-05")).description()).contains("春节");
            assertThat(calendar.isWorkingDay(d("2027-02-05"))).isFalse();
            assertThat(calendar.isWorkingDay(d("2027-02-08"))).isFalse();
            assertThat(calendar.isWorkingDay(d("2027-02-09"))).isTrue();
        }

        @Test
        void labour_day_2027_rests_two_days_and_national_day_three() {
            assertThat(calendar.isWorkingDay(d("2027-04-30"))).isTrue();
            assertThat(calendar.isWorkingDay(d("2027-05-03"))).isTrue();
            assertThat(calendar.isWorkingDay(d("2027-10-01"))).isFalse();
            assertThat(calendar.isWorkingDay(d("2027-10-04"))).isTrue();
        }

        @Test
        void a_year_beyond_the_lunar_table_still_counts_fixed_holidays_and_says_lunar_ones_are_unknown() {
            Deadline deadline = calendar.addWorkingDays(d("2040-09-28"), 3);

            assertThat(deadline.due()).isEqualTo(d("2040-10-08"));
            assertThat(deadline.provisional()).isTrue();
            assertThat(deadline.basis()).contains("农历节日日期未知");
        }

        @Test
        void a_span_that_starts_in_a_loaded_year_and_reaches_a_missing_one_is_provisional() {
            assertThat(calendar.addCalendarDays(d("2026-12-20"), 15).provisional()).isTrue();
            assertThat(calendar.workingDaysBetween(d("2026-12-20"), d("2027-01-10")).provisional()).isTrue();
        }

        @Test
        void loading_the_2027_notice_makes_the_same_span_final() {
            HolidayNotice notice2027 = new HolidayNotice(2027, "国务院办公厅关于2027年部分节假日安排的通知", "", null,
                    java.util.Set.of(d("2027-01-01"), d("2027-01-02"), d("2027-01-03"), d("2027-01-04")), java.util.Set.of());
            java.util.List<HolidayNotice> notices = new java.util.ArrayList<>(LegalCalendar.bundled().notices());
            notices.add(notice2027);
            LegalCalendar withNotice = LegalCalendar.of(notices, calendar.statutoryHolidays());

            Deadline deadline = withNotice.addWorkingDays(d("2026-12-30"), 3);

            assertThat(deadline.provisional()).isFalse();
            assertThat(deadline.due()).isEqualTo(d("2027-01-06"));
        }
    }

    @Nested
    class Arithmetic {

        @Test
        void zero_working_days_is_the_start_day_itself() {
            assertThat(calendar.addWorkingDays(d("2026-03-04"), 0).due()).isEqualTo(d("2026-03-04"));
        }

        @Test
        void an_ordinary_week_skips_the_weekend() {
            assertThat(calendar.addWorkingDays(d("2026-03-05"), 3).due()).isEqualTo(d("2026-03-10"));
        }

        @Test
        void months_keep_the_day_of_month_or_take_the_last_day_of_a_shorter_month() {
            assertThat(calendar.addMonths(d("2026-03-31"), 6).due()).isEqualTo(d("2026-09-30"));
            assertThat(calendar.addMonths(d("2026-05-15"), 3).due()).isEqualTo(d("2026-08-17"));
        }

        @Test
        void working_days_between_is_the_inverse_of_adding_working_days() {
            LocalDate from = d("2026-01-29");
            for (int n = 0; n <= 60; n++) {
                Deadline deadline = calendar.addWorkingDays(from, n);
                assertThat(calendar.workingDaysBetween(from, deadline.due()).workingDays()).isEqualTo(n);
            }
        }

        @Test
        void negative_or_huge_spans_are_refused_with_a_chinese_reason() {
            assertThatThrownBy(() -> calendar.addWorkingDays(d("2026-03-04"), -1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("天数");
            assertThatThrownBy(() -> calendar.addCalendarDays(d("2026-03-04"), LegalCalendar.MAX_SPAN_DAYS + 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refresh_picks_up_a_notice_added_to_the_source() {
            java.util.List<HolidayNotice> notices = new java.util.ArrayList<>(LegalCalendar.bundled().notices());
            LegalCalendar live = new LegalCalendar(() -> List.copyOf(notices), calendar.statutoryHolidays());
            assertThat(live.hasNoticeFor(2027)).isFalse();

            notices.add(new HolidayNotice(2027, "2027年通知", "", null, java.util.Set.of(d("2027-01-01")), java.util.Set.of()));
            live.refresh();

            assertThat(live.hasNoticeFor(2027)).isTrue();
        }
    }
}
