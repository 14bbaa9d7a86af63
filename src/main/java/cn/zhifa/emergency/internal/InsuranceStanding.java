package cn.zhifa.emergency.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A firm's 安责险 cover on a day, from its policies' periods: covered while a policy runs (back-to-back policies make one
 * cover), due soon when the cover ends within the configured days, lapsed when every policy has ended or none has begun,
 * missing when the firm has no policy.
 */
public record InsuranceStanding(State state, LocalDate coveredUntil, LocalDate lastEnded) {

    public record Period(LocalDate startsOn, LocalDate endsOn) {
    }

    public enum State {
        COVERED("已投保", "success"),
        DUE_SOON("保单即将到期", "warning"),
        LAPSED("已脱保", "danger"),
        MISSING("未投保", "danger");

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

    public static InsuranceStanding of(List<Period> policies, LocalDate today, int dueSoonDays) {
        if (policies.isEmpty()) {
            return new InsuranceStanding(State.MISSING, null, null);
        }
        List<Period> sorted = policies.stream().sorted(Comparator.comparing(Period::startsOn)).toList();
        LocalDate until = null;
        for (Period p : sorted) {
            if (until == null) {
                if (!p.startsOn().isAfter(today) && !p.endsOn().isBefore(today)) {
                    until = p.endsOn();
                }
            } else if (!p.startsOn().isAfter(until.plusDays(1)) && p.endsOn().isAfter(until)) {
                until = p.endsOn();
            }
        }
        LocalDate lastEnded = sorted.stream().map(Period::endsOn).filter(d -> d.isBefore(today))
                .max(LocalDate::compareTo).orElse(null);
        if (until == null) {
            return new InsuranceStanding(State.LAPSED, null, lastEnded);
        }
        State state = until.isAfter(today.plusDays(dueSoonDays)) ? State.COVERED : State.DUE_SOON;
        return new InsuranceStanding(state, until, lastEnded);
    }

    /** e.g. ‘保单即将到期（保障至2026-12-31）’, ‘已脱保（2026-06-30 到期）’ */
    public String label() {
        return switch (state) {
            case COVERED, DUE_SOON -> state.label() + "（保障至" + coveredUntil + "）";
            case LAPSED -> state.label() + (lastEnded == null ? "（保单尚未生效）" : "（" + lastEnded + " 到期）");
            case MISSING -> state.label();
        };
    }

    public boolean flagged() {
        return state != State.COVERED;
    }
}
