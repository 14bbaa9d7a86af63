package cn.zhifa.law;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HolidayNoticeTest {

    @Test
    void the_bundled_notices_are_consistent() {
        assertThat(LegalCalendar.bundled().notices()).hasSize(2).allSatisfy(notice -> assertThat(notice.problems()).isEmpty());
    }

    @Test
    void a_make_up_workday_on_a_weekday_or_on_a_rest_day_is_reported() {
        HolidayNotice notice = new HolidayNotice(2027, "2027年通知", "", null,
                Set.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 6)),
                Set.of(LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 10)));

        assertThat(notice.problems()).anySatisfy(p -> assertThat(p).contains("既是放假日又是调休上班日"))
                .anySatisfy(p -> assertThat(p).contains("2027-02-10").contains("不是周六或周日"));
    }

    @Test
    void the_citation_adds_the_document_number_when_known() {
        HolidayNotice notice = LegalCalendar.bundled().notice(2025).orElseThrow();

        assertThat(notice.citation()).isEqualTo("国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）");
        assertThat(notice.publishedOn()).isEqualTo(LocalDate.of(2024, 11, 12));
    }
}
