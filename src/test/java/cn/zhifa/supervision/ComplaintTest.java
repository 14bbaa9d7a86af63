package cn.zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.law.LegalCalendar;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.supervision.internal.Complaint;
import cn.zhifa.supervision.internal.ComplaintDeadlines;
import cn.zhifa.supervision.internal.ComplaintRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The complaint's rules on a fixed calendar: deadlines per channel, handling order, overdue, duplicates, rewards. */
class ComplaintTest {

    static final ComplaintRules RULES = new ComplaintRules(Map.of(
            ComplaintChannel.HOTLINE_12345, new ComplaintRules.Period(1, 5, false, "本地规定", false),
            ComplaintChannel.LETTER, new ComplaintRules.Period(15, 60, true, "信访工作条例", false)), 2, null);
    static final ComplaintDeadlines DEADLINES = new ComplaintDeadlines(LegalCalendar.bundled(), RULES);

    /** Thursday 2026-09-24: the 中秋/国庆 holiday runs 10-01..10-08 (2026 notice), 09-27 and 10-10 are make-up days. */
    static final LocalDate RECEIVED = LocalDate.of(2026, 9, 24);

    Complaint complaint(ComplaintChannel channel, boolean anonymous) {
        return Complaint.register(1L, channel, RECEIVED, "仓库内违规存放易燃物品", 5L, "某某化工", anonymous ? null : "张三",
                anonymous ? null : "13800000000", anonymous, DEADLINES.of(channel, RECEIVED), null, 9L);
    }

    @Test
    void working_day_periods_skip_weekends_and_holidays_and_calendar_day_periods_do_not() {
        ComplaintDeadlines.Due hotline = DEADLINES.of(ComplaintChannel.HOTLINE_12345, LocalDate.of(2026, 9, 25));
        assertThat(hotline.accept()).as("Friday + 1 working day").isEqualTo(LocalDate.of(2026, 9, 28));
        assertThat(hotline.close()).as("5 working days over the National Day holiday")
                .isAfter(LocalDate.of(2026, 10, 8));
        ComplaintDeadlines.Due letter = DEADLINES.of(ComplaintChannel.LETTER, LocalDate.of(2026, 3, 2));
        assertThat(letter.accept()).isEqualTo(LocalDate.of(2026, 3, 17));
    }

    @Test
    void unconfigured_channels_get_a_default_marked_unconfirmed() {
        assertThat(RULES.period(ComplaintChannel.OTHER).confirmed()).isFalse();
        assertThat(RULES.period(ComplaintChannel.OTHER).source()).contains("待确认");
    }

    @Test
    void a_registration_needs_a_firm_or_place_a_reachable_reporter_unless_anonymous_and_no_future_date() {
        LocalDate today = RECEIVED;
        assertThat(Complaint.mayRegister(today, today, null, " ", true, null, null).reason()).contains("被举报的单位");
        assertThat(Complaint.mayRegister(today, today, 5L, null, false, null, null).reason()).contains("匿名");
        assertThat(Complaint.mayRegister(today.plusDays(1), today, 5L, null, true, null, null).reason()).contains("不能晚于今天");
        assertThat(Complaint.mayRegister(today, today, null, "某村废弃矿洞", true, null, null).allowed()).isTrue();
    }

    @Test
    void an_anonymous_report_keeps_no_reporter_even_if_one_was_typed() {
        Complaint c = Complaint.register(1L, ComplaintChannel.PHONE, RECEIVED, "内容", null, "某处", "李四", "139",
                true, DEADLINES.of(ComplaintChannel.PHONE, RECEIVED), null, 9L);
        assertThat(c.reporterName()).isNull();
        assertThat(c.reporterPhone()).isNull();
    }

    @Test
    void it_is_overdue_when_not_accepted_by_the_accept_deadline_and_then_when_not_closed_by_the_close_deadline() {
        Complaint c = complaint(ComplaintChannel.HOTLINE_12345, false);
        assertThat(c.overdueOn(c.acceptDue())).isFalse();
        assertThat(c.overdueOn(c.acceptDue().plusDays(1))).isTrue();
        c.accept(c.acceptDue(), 3L);
        assertThat(c.overdueOn(c.acceptDue().plusDays(1))).isFalse();
        assertThat(c.overdueOn(c.closeDue().plusDays(1))).isTrue();
        c.reply(c.closeDue(), "已核查，责令整改");
        c.close(c.closeDue(), "隐患已整改");
        assertThat(c.overdueOn(c.closeDue().plusYears(1))).isFalse();
    }

    @Test
    void rejection_needs_a_reason_and_closing_needs_a_reply_first() {
        Complaint c = complaint(ComplaintChannel.HOTLINE_12345, false);
        assertThatThrownBy(() -> c.reject(RECEIVED, " ")).isInstanceOf(RuleViolation.class).hasMessageContaining("理由");
        c.accept(RECEIVED, 3L);
        assertThatThrownBy(() -> c.close(RECEIVED, "结果")).isInstanceOf(RuleViolation.class).hasMessageContaining("答复");
        assertThatThrownBy(() -> c.reject(RECEIVED, "不属于本部门职责")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> c.reply(RECEIVED.minusDays(1), "答复")).hasMessageContaining("不能早于收到日期");
    }

    @Test
    void a_duplicate_is_linked_and_not_handled() {
        Complaint d = Complaint.register(1L, ComplaintChannel.HOTLINE_12350, RECEIVED, "同一事项", 5L, null, null, null, true,
                DEADLINES.of(ComplaintChannel.HOTLINE_12350, RECEIVED), 77L, 9L);
        assertThat(d.status()).isEqualTo(ComplaintStatus.DUPLICATE);
        assertThat(d.overdueOn(RECEIVED.plusYears(1))).isFalse();
        assertThatThrownBy(() -> d.accept(RECEIVED, 3L)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void the_reward_is_fifteen_percent_of_the_fine_within_the_minimum_and_the_cap_and_needs_approval_before_payment() {
        Complaint c = closedWithCase(false);
        c.proposeReward(new BigDecimal("50000"), RULES.reward());
        assertThat(c.rewardYuan()).isEqualByComparingTo("7500.00");
        assertThatThrownBy(() -> c.payReward(RECEIVED)).hasMessageContaining("批准");
        c.approveReward(RECEIVED);
        c.payReward(RECEIVED);
        assertThat(c.rewardStatus()).isEqualTo(Complaint.RewardStatus.PAID);

        Complaint small = closedWithCase(false);
        small.proposeReward(new BigDecimal("10000"), RULES.reward());
        assertThat(small.rewardYuan()).as("at least the minimum").isEqualByComparingTo("3000.00");
        Complaint big = closedWithCase(false);
        big.proposeReward(new BigDecimal("5000000"), RULES.reward());
        assertThat(big.rewardYuan()).as("at most the cap").isEqualByComparingTo("300000.00");
    }

    @Test
    void no_reward_for_an_anonymous_report_or_one_that_led_to_no_case() {
        assertThatThrownBy(() -> closedWithCase(true).proposeReward(new BigDecimal("50000"), RULES.reward()))
                .hasMessageContaining("匿名");
        Complaint c = complaint(ComplaintChannel.HOTLINE_12345, false);
        c.accept(RECEIVED, 3L);
        c.reply(RECEIVED, "答复");
        c.close(RECEIVED, "查无实据");
        assertThatThrownBy(() -> c.proposeReward(new BigDecimal("50000"), RULES.reward())).hasMessageContaining("立案查处");
    }

    private Complaint closedWithCase(boolean anonymous) {
        Complaint c = complaint(ComplaintChannel.HOTLINE_12345, anonymous);
        c.accept(RECEIVED, 3L);
        c.recordFollowUp(Complaint.FollowUp.CASE, "已立案");
        c.reply(RECEIVED, "已立案查处");
        c.close(RECEIVED, "罚款");
        return c;
    }
}
