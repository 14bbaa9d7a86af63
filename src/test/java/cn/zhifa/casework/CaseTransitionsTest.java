package cn.zhifa.casework;

import static cn.zhifa.casework.PenaltyCaseTest.LEADER;
import static cn.zhifa.casework.PenaltyCaseTest.OFFICER;
import static cn.zhifa.casework.PenaltyCaseTest.PERIODS;
import static cn.zhifa.casework.PenaltyCaseTest.on;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.shared.Verdict;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a case page offers comes from the case's own guards: one verdict per transition, refusals with their reason. */
class CaseTransitionsTest {

    static final Duration WINDOW = Duration.ofHours(24);

    static java.util.List<CaseTransition> allowed(Map<CaseTransition, Verdict> transitions) {
        return transitions.entrySet().stream().filter(e -> e.getValue().allowed()).map(Map.Entry::getKey)
                .collect(Collectors.toList());
    }

    @Test
    void every_transition_has_a_verdict() {
        assertThat(PenaltyCaseTest.proposed().transitions(LEADER, on("2026-01-06"), PERIODS, WINDOW))
                .containsOnlyKeys(CaseTransition.values());
    }

    @Test
    void a_proposed_case_offers_the_leader_the_filing_and_refuses_the_officer_with_the_reason() {
        PenaltyCase c = PenaltyCaseTest.proposed();
        assertThat(allowed(c.transitions(LEADER, on("2026-01-06"), PERIODS, WINDOW))).contains(CaseTransition.FILE)
                .doesNotContain(CaseTransition.DECIDE, CaseTransition.INVESTIGATE);
        Map<CaseTransition, Verdict> officer = c.transitions(OFFICER, on("2026-01-06"), PERIODS, WINDOW);
        assertThat(officer.get(CaseTransition.FILE).reason()).contains("立案审批须由");
    }

    @Test
    void an_approved_case_offers_the_notice_and_refuses_the_decision_before_it_citing_the_article() {
        PenaltyCase c = PenaltyCaseTest.approved();
        Map<CaseTransition, Verdict> t = c.transitions(LEADER, on("2026-01-22"), PERIODS, WINDOW);
        assertThat(allowed(t)).contains(CaseTransition.NOTIFY, CaseTransition.NO_PENALTY, CaseTransition.TRANSFER,
                CaseTransition.CRIMINAL_REFERRAL);
        assertThat(t.get(CaseTransition.DECIDE).reason()).contains("尚未履行行政处罚告知程序", "第四十四条");
        assertThat(t.get(CaseTransition.MEASURE_APPROVE).reason()).contains("没有查封、扣押措施");
    }

    @Test
    void a_leader_is_not_offered_the_emergency_measure_an_officer_is() {
        PenaltyCase c = PenaltyCaseTest.approved();
        assertThat(allowed(c.transitions(LEADER, on("2026-01-22"), PERIODS, WINDOW)))
                .contains(CaseTransition.MEASURE_APPLY).doesNotContain(CaseTransition.MEASURE_EMERGENCY);
        assertThat(allowed(c.transitions(OFFICER, on("2026-01-22"), PERIODS, WINDOW)))
                .contains(CaseTransition.MEASURE_EMERGENCY).doesNotContain(CaseTransition.MEASURE_APPLY);
    }
}
