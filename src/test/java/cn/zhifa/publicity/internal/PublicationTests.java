package cn.zhifa.publicity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.law.LawBook;
import cn.zhifa.publicity.Channel;
import cn.zhifa.publicity.PublicationStatus;
import cn.zhifa.shared.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The publication's periods on the 2026 calendar (State Council notice) and its lifecycle, on fixed days. */
class PublicationTests {

    static final LawBook LAW = LawBook.bundled();
    static final PublicityPeriods PERIODS = new PublicityPeriods(LAW.periods(), LAW.calendar(), PublicityRules.defaults());

    static DecisionFacts facts(LocalDate decidedOn) {
        return new DecisionFacts(1L, "案〔2026〕00001号", 7L, "（东城）应急罚〔2026〕9号", false, "示例化工有限公司",
                "91350100M000100Y43", "王某", "示例市东城区建设路2号", "未按规定组织应急救援演练", "2026年检查发现未组织演练",
                "《中华人民共和国安全生产法》第97条", "罚款人民币40000.00元", null, new BigDecimal("40000.00"), decidedOn);
    }

    static Publication decidedOn(LocalDate day) {
        return Publication.awaiting(facts(day), "示例市东城区应急管理局", PERIODS.publicationDue(day));
    }

    @Test
    void a_decision_before_national_day_is_due_seven_working_days_later_skipping_both_holidays() {
        // 2026-09-24 Thu; off 9/25–9/27 and 10/1–10/7; 10/10 (Sat) is a make-up working day
        Publication p = decidedOn(LocalDate.of(2026, 9, 24));
        assertThat(p.dueOn()).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(p.dueProvisional()).isFalse();
        assertThat(p.statusOn(LocalDate.of(2026, 10, 12))).isEqualTo(PublicationStatus.AWAITING);
        assertThat(p.overdueOn(LocalDate.of(2026, 10, 12))).isFalse();
        assertThat(p.overdueOn(LocalDate.of(2026, 10, 13))).isTrue();
    }

    @Test
    void due_soon_counts_working_days_so_a_holiday_week_is_not_due_soon() {
        Publication p = decidedOn(LocalDate.of(2026, 9, 24));
        assertThat(PERIODS.dueSoon(LocalDate.of(2026, 9, 30), p.dueOn())).isFalse();
        assertThat(PERIODS.dueSoon(LocalDate.of(2026, 10, 9), p.dueOn())).isTrue();
        assertThat(PERIODS.dueSoon(LocalDate.of(2026, 10, 13), p.dueOn())).isFalse();
    }

    @Test
    void publishing_on_the_due_day_is_on_time_and_the_day_after_is_late() {
        Publication onTime = decidedOn(LocalDate.of(2026, 9, 24));
        onTime.publish(LocalDate.of(2026, 10, 12), Set.of(Channel.CREDIT_CHINA), "李局长", PERIODS.expiresOn(onTime.decidedOn()));
        assertThat(onTime.late()).isFalse();
        assertThat(onTime.channels()).containsEntry(Channel.PORTAL, LocalDate.of(2026, 10, 12))
                .containsEntry(Channel.CREDIT_CHINA, LocalDate.of(2026, 10, 12)).doesNotContainKey(Channel.ENTERPRISE_CREDIT);

        Publication late = decidedOn(LocalDate.of(2026, 9, 24));
        late.publish(LocalDate.of(2026, 10, 13), Set.of(), "李局长", PERIODS.expiresOn(late.decidedOn()));
        assertThat(late.late()).isTrue();
        assertThat(late.channels()).containsOnlyKeys(Channel.PORTAL);
    }

    @Test
    void a_publication_is_published_once_and_not_before_the_decision() {
        Publication p = decidedOn(LocalDate.of(2026, 9, 24));
        assertThat(p.mayPublish(LocalDate.of(2026, 9, 23)).refused()).isTrue();
        p.publish(LocalDate.of(2026, 9, 28), Set.of(), "李局长", PERIODS.expiresOn(p.decidedOn()));
        assertThatThrownBy(() -> p.publish(LocalDate.of(2026, 9, 29), Set.of(), "李局长", null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("已于2026-09-28公示");
    }

    @Test
    void it_leaves_the_portal_the_day_after_its_three_year_period_ends() {
        Publication p = decidedOn(LocalDate.of(2026, 3, 10));
        p.publish(LocalDate.of(2026, 3, 12), Set.of(), "李局长", PERIODS.expiresOn(p.decidedOn()));
        assertThat(p.expiresOn()).isEqualTo(LocalDate.of(2029, 3, 10));
        assertThat(p.publicOn(LocalDate.of(2029, 3, 10))).isTrue();
        assertThat(p.statusOn(LocalDate.of(2029, 3, 11))).isEqualTo(PublicationStatus.EXPIRED);
        assertThat(p.publicOn(LocalDate.of(2029, 3, 11))).isFalse();
        assertThat(PERIODS.earliestEnd(p.decidedOn())).isEqualTo(LocalDate.of(2027, 3, 10));
    }

    @Test
    void a_revoked_decision_is_withdrawn_with_its_reason_within_three_working_days_across_may_day() {
        Publication p = decidedOn(LocalDate.of(2026, 3, 10));
        p.publish(LocalDate.of(2026, 3, 12), Set.of(), "李局长", PERIODS.expiresOn(p.decidedOn()));
        // changed on Thu 2026-04-30; off 5/1–5/5: the 3 working days are 5/6, 5/7, 5/8
        LocalDate changed = LocalDate.of(2026, 4, 30);
        assertThat(PERIODS.withdrawalDue(changed).due()).isEqualTo(LocalDate.of(2026, 5, 8));
        p.withdraw(LocalDate.of(2026, 5, 8), changed, " 经行政复议撤销 ", "李局长", PERIODS.withdrawalDue(changed));
        assertThat(p.statusOn(LocalDate.of(2026, 5, 8))).isEqualTo(PublicationStatus.WITHDRAWN);
        assertThat(p.publicOn(LocalDate.of(2026, 5, 8))).isFalse();
        assertThat(p.withdrawalReason()).isEqualTo("经行政复议撤销");
        assertThat(p.withdrawnLate()).isFalse();
        assertThat(p.dueForPublication()).isTrue();
    }

    @Test
    void a_withdrawal_after_the_period_is_marked_late_and_one_without_reason_or_date_is_refused() {
        Publication p = decidedOn(LocalDate.of(2026, 3, 10));
        LocalDate changed = LocalDate.of(2026, 4, 30);
        assertThat(p.mayWithdraw(LocalDate.of(2026, 5, 11), changed, " ").reason()).contains("撤回理由");
        assertThat(p.mayWithdraw(LocalDate.of(2026, 5, 11), null, "撤销").reason()).contains("变更或撤销的日期");
        assertThat(p.mayWithdraw(LocalDate.of(2026, 5, 11), LocalDate.of(2026, 3, 1), "撤销").refused()).isTrue();
        p.withdraw(LocalDate.of(2026, 5, 11), changed, "撤销", "李局长", PERIODS.withdrawalDue(changed));
        assertThat(p.withdrawnLate()).isTrue();
        assertThat(p.dueForPublication()).as("withdrawn before it was ever published: not counted as due").isFalse();
        assertThat(p.mayWithdraw(LocalDate.of(2026, 5, 12), changed, "再次").reason()).contains("已于2026-05-11撤回");
    }
}
