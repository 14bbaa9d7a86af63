package cn.zhifa.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.casework.CaseworkRules;
import cn.zhifa.law.HolidayNotice;
import cn.zhifa.law.LawBook;
import cn.zhifa.law.PeriodCode;
import cn.zhifa.law.StatutoryPeriod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Issue 18: the fingerprint of what case deadlines rest on changes exactly when a due day could move. */
class DeadlineBasisTests {

    final LawBook law = LawBook.bundled();
    final List<StatutoryPeriod> periods = List.copyOf(law.periods().all());
    final List<HolidayNotice> notices = law.calendar().notices();
    final CaseworkRules rules = CaseworkRules.bundled();
    final String bundled = DeadlineBasis.fingerprint(periods, notices, rules);

    @Test
    void the_same_configuration_gives_the_same_fingerprint_whatever_the_order_of_the_periods() {
        List<StatutoryPeriod> reversed = new ArrayList<>(periods);
        Collections.reverse(reversed);
        assertThat(DeadlineBasis.fingerprint(reversed, notices, rules)).isEqualTo(bundled).hasSize(64);
    }

    @Test
    void a_corrected_length_counting_direction_rest_day_rule_or_effective_date_changes_it() {
        assertThat(changed(p -> new StatutoryPeriod(p.code(), p.name(), p.length() + 1, p.counting(), p.backwards(), p.source(),
                p.effectiveFrom(), p.confirmed(), p.rollsOverRestDays()))).isNotEqualTo(bundled);
        assertThat(changed(p -> new StatutoryPeriod(p.code(), p.name(), p.length(), cn.zhifa.law.Counting.CALENDAR_DAYS,
                p.backwards(), p.source(), p.effectiveFrom(), p.confirmed(), p.rollsOverRestDays()))).isNotEqualTo(bundled);
        assertThat(changed(p -> new StatutoryPeriod(p.code(), p.name(), p.length(), p.counting(), !p.backwards(), p.source(),
                p.effectiveFrom(), p.confirmed(), p.rollsOverRestDays()))).isNotEqualTo(bundled);
        assertThat(changed(p -> new StatutoryPeriod(p.code(), p.name(), p.length(), p.counting(), p.backwards(), p.source(),
                p.effectiveFrom(), p.confirmed(), !p.rollsOverRestDays()))).isNotEqualTo(bundled);
        assertThat(changed(p -> new StatutoryPeriod(p.code(), p.name(), p.length(), p.counting(), p.backwards(), p.source(),
                p.effectiveFrom().plusDays(1), p.confirmed(), p.rollsOverRestDays()))).isNotEqualTo(bundled);
    }

    @Test
    void a_corrected_name_citation_or_confirmation_moves_no_due_day_and_leaves_it() {
        assertThat(changed(p -> new StatutoryPeriod(p.code(), p.name() + "（修订）", p.length(), p.counting(), p.backwards(),
                p.source() + "；应急管理部令第18号", p.effectiveFrom(), !p.confirmed(), p.rollsOverRestDays()))).isEqualTo(bundled);
    }

    @Test
    void another_holiday_notice_or_warning_rule_changes_it() {
        assertThat(DeadlineBasis.fingerprint(periods, notices.subList(0, notices.size() - 1), rules)).isNotEqualTo(bundled);
        CaseworkRules.Warning w = rules.warning();
        CaseworkRules nearer = new CaseworkRules(rules.decisionPeriod(), new CaseworkRules.Warning(w.nearWorkingDays() + 1,
                w.source(), w.effectiveFrom(), w.confirmed()), rules.legalReview(), rules.collectiveDiscussion(),
                rules.firstViolation(), rules.discretion(), rules.emergency());
        assertThat(DeadlineBasis.fingerprint(periods, notices, nearer)).isNotEqualTo(bundled);
    }

    /** The fingerprint with the service period of the decision (送达期限) changed by {@code change}. */
    private String changed(UnaryOperator<StatutoryPeriod> change) {
        return DeadlineBasis.fingerprint(periods.stream()
                .map(p -> p.code() == PeriodCode.SERVICE_OF_DECISION ? change.apply(p) : p).toList(), notices, rules);
    }
}
