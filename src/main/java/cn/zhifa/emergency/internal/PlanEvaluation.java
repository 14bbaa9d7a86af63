package cn.zhifa.emergency.internal;

import java.time.LocalDate;
import java.util.stream.Stream;

/**
 * When a 应急预案 is next due for its periodic evaluation: the configured period after the latest of its approval,
 * revision and evaluation; overdue once that day has passed, due soon within the configured days before it.
 */
public record PlanEvaluation(State state, LocalDate dueOn) {

    public enum State {
        UNKNOWN("未登记批准、修订或评估日期", "secondary"),
        CURRENT("评估在期", "success"),
        DUE_SOON("评估即将到期", "warning"),
        OVERDUE("评估逾期", "danger");

        private final String label;
        private final String tone;

        State(String label, String tone) {
            this.label = label;
            this.tone = tone;
        }

        public String label() {
            return label;
        }

        public String tone() {
            return tone;
        }
    }

    public static PlanEvaluation of(LocalDate approvedOn, LocalDate lastRevisedOn, LocalDate lastEvaluatedOn,
                                    LocalDate today, int periodYears, int dueSoonDays) {
        LocalDate base = Stream.of(approvedOn, lastRevisedOn, lastEvaluatedOn).filter(d -> d != null)
                .max(LocalDate::compareTo).orElse(null);
        if (base == null) {
            return new PlanEvaluation(State.UNKNOWN, null);
        }
        LocalDate due = base.plusYears(periodYears);
        State state = today.isAfter(due) ? State.OVERDUE
                : today.isBefore(due.minusDays(dueSoonDays)) ? State.CURRENT : State.DUE_SOON;
        return new PlanEvaluation(state, due);
    }

    /** e.g. ‘评估逾期（应于2025-03-01前评估）’ */
    public String label() {
        return dueOn == null ? state.label() : state.label() + "（应于" + dueOn + "前评估）";
    }
}
