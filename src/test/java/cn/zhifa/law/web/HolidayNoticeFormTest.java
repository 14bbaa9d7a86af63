package cn.zhifa.law.web;

import cn.zhifa.law.HolidayNotice;
import cn.zhifa.law.LegalCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class HolidayNoticeFormTest {

    @Test
    void ranges_typed_as_in_the_notice_become_days() {
        HolidayNoticeForm form = new HolidayNoticeForm();
        form.setYear("2027");
        form.setTitle("国务院办公厅关于2027年部分节假日安排的通知");
        form.setRestDays("2027-01-01至2027-01-03\n2027-02-05..2027-02-12、2027-05-01");
        form.setWorkDays("2027-02-13，2027-02-20");

        HolidayNoticeForm.Result result = form.toNotice();

        assertThat(result.problems()).isEmpty();
        assertThat(result.notice().restDays()).hasSize(3 + 8 + 1).contains(LocalDate.of(2027, 2, 12));
        assertThat(result.notice().makeUpWorkdays()).containsExactly(LocalDate.of(2027, 2, 13), LocalDate.of(2027, 2, 20));
    }

    @Test
    void malformed_dates_and_inconsistent_days_are_explained_in_chinese() {
        HolidayNoticeForm form = new HolidayNoticeForm();
        form.setYear("二〇二七");
        form.setTitle("通知");
        form.setRestDays("2027-13-01");
        assertThat(form.toNotice().problems()).anySatisfy(p -> assertThat(p).contains("年份"))
                .anySatisfy(p -> assertThat(p).contains("2027-13-01"));

        form.setYear("2027");
        form.setRestDays("2027-02-06");
        form.setWorkDays("2027-02-06");
        assertThat(form.toNotice().problems()).anySatisfy(p -> assertThat(p).contains("既是放假日又是调休上班日"));
    }

    @Test
    void a_stored_notice_round_trips_through_the_form() {
        HolidayNotice notice = LegalCalendar.bundled().notice(2026).orElseThrow();

        HolidayNoticeForm form = HolidayNoticeForm.of(notice);

        assertThat(form.getRestDays()).contains("2026-02-15..2026-02-23");
        assertThat(form.toNotice().notice()).isEqualTo(notice);
    }
}
