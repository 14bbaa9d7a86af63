package cn.zhifa.casework;

import cn.zhifa.shared.Verdict;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * 首违不罚 (行政处罚法第三十三条第一款: 初次违法且危害后果轻微并及时改正的，可以不予行政处罚): the act is a first violation only
 * when the party received no administrative penalty — a 警告 included — in the configured period counted back from the
 * date of the act (from the day the case was found when the date of the act is not recorded).
 */
public final class FirstViolationPolicy {

    /** A penalty decided earlier against the same party: a fine of 0 is a 警告. */
    public record EarlierPenalty(String caseNumber, String decisionNumber, LocalDate decidedOn, java.math.BigDecimal fineYuan) {

        String described() {
            String what = fineYuan == null || fineYuan.signum() == 0 ? "警告" : "罚款" + DiscretionEngine.plain(fineYuan) + "元";
            return decidedOn + "，" + caseNumber + (decisionNumber == null ? "" : "（" + decisionNumber + "）") + "，" + what;
        }
    }

    private final CaseworkRules.FirstViolation rules;

    public FirstViolationPolicy(CaseworkRules.FirstViolation rules) {
        this.rules = Objects.requireNonNull(rules);
    }

    /** True when {@code ground} is the configured 首违不罚 ground. */
    public boolean appliesTo(String ground) {
        return ground != null && rules.ground() != null && rules.ground().equals(ground.strip());
    }

    /** The first day of the look-back period for an act on {@code from}. */
    public LocalDate since(LocalDate from) {
        return from.minusMonths(rules.lookBackMonths());
    }

    /**
     * Allowed when none of {@code earlier} (the party's decided penalties) was decided within the look-back period up to
     * {@code from}, the date of the act; otherwise refused with the latest one named.
     */
    public Verdict firstViolation(LocalDate from, List<EarlierPenalty> earlier) {
        LocalDate since = since(from);
        return earlier.stream()
                .filter(p -> p.decidedOn() != null && !p.decidedOn().isBefore(since) && !p.decidedOn().isAfter(from))
                .max(Comparator.comparing(EarlierPenalty::decidedOn))
                .map(p -> Verdict.refuse("当事人在违法行为发生前" + rules.lookBackMonths() + "个月内（" + since + "至" + from
                        + "）已受过行政处罚（" + p.described() + "），不属于初次违法，不适用首违不罚（行政处罚法第三十三条第一款）。"))
                .orElse(Verdict.allow());
    }
}
