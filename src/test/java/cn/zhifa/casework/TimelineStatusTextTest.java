package cn.zhifa.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.law.Counting;
import cn.zhifa.law.Deadline;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimelineStatusTextTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    private static TimelineEntry entry(TimelineEntry.Status status, LocalDate due) {
        return new TimelineEntry("DECISION", "作出决定", null,
                new Deadline(due.minusDays(30), 30, Counting.CALENDAR_DAYS, due, false, "依据"), status, false);
    }

    @Test
    void an_overdue_stage_says_by_how_many_days() {
        assertThat(entry(TimelineEntry.Status.OVERDUE, TODAY.minusDays(10)).statusText(TODAY)).isEqualTo("逾期 10 天");
    }

    @Test
    void a_stage_due_today_says_so_and_a_near_one_says_the_days_left() {
        assertThat(entry(TimelineEntry.Status.NEAR, TODAY).statusText(TODAY)).isEqualTo("今日到期");
        assertThat(entry(TimelineEntry.Status.NEAR, TODAY.plusDays(2)).statusText(TODAY)).isEqualTo("临期，还剩 2 天");
        assertThat(entry(TimelineEntry.Status.DONE, TODAY.minusDays(3)).statusText(TODAY)).isEqualTo("已完成");
    }
}
