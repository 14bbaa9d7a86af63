package cn.zhifa.credit.internal;

import cn.zhifa.credit.CreditStanding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Grades a firm with the rule table in force on a day: the version with the latest effective date on or before the
 * day, its rows tried in priority order, the first that matches decides. Planning's counts cover the last 36 months.
 */
public final class CreditGrading {

    public static final String UNRATED = "未评定";
    static final int PLANNING_LOOKBACK_MONTHS = 36;

    private CreditGrading() {
    }

    /** The rows of the version in force on the day (empty when no version has started yet). */
    public static List<CreditRule> inForce(List<CreditRule> allRules, LocalDate on) {
        Optional<LocalDate> version = allRules.stream().map(CreditRule::effectiveFrom).filter(d -> !d.isAfter(on))
                .max(Comparator.naturalOrder());
        return version.map(v -> allRules.stream().filter(r -> r.effectiveFrom().equals(v))
                .sorted(Comparator.comparingInt(CreditRule::priority).thenComparing(r -> r.id() == null ? 0L : r.id()))
                .toList()).orElse(List.of());
    }

    public static CreditStanding grade(long enterpriseId, List<CreditFact> facts, boolean listed, List<CreditRule> allRules,
                                       LocalDate on) {
        String grade = UNRATED;
        String ruleName = "";
        List<String> reasons = new ArrayList<>();
        for (CreditRule rule : inForce(allRules, on)) {
            List<CreditFact> evidence = rule.evidence(facts, listed, on);
            if (evidence != null) {
                grade = rule.grade();
                ruleName = rule.name();
                reasons.add("适用规则：" + rule.name() + "（" + String.join("；", rule.conditions()) + "）");
                if (listed && Boolean.TRUE.equals(rule.listed())) {
                    reasons.add("在严重失信主体名单内");
                }
                evidence.stream().sorted(Comparator.comparing(CreditFact::occurredOn)).map(CreditFact::describe)
                        .forEach(reasons::add);
                break;
            }
        }
        if (ruleName.isEmpty()) {
            reasons.add("没有适用的信用等级规则（规则表尚未生效或缺少兜底规则）");
        }
        LocalDate from = on.minusMonths(PLANNING_LOOKBACK_MONTHS);
        List<CreditFact> recent = facts.stream().filter(f -> f.occurredOn().isAfter(from) && !f.occurredOn().isAfter(on)).toList();
        BigDecimal fines = recent.stream().filter(f -> f.kind() == CreditFact.Kind.PENALTY && f.fineYuan() != null)
                .map(CreditFact::fineYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CreditStanding(enterpriseId, on, grade, ruleName, reasons, count(recent, CreditFact.Kind.ACCIDENT),
                count(recent, CreditFact.Kind.PENALTY), fines, count(recent, CreditFact.Kind.MAJOR_HAZARD),
                count(recent, CreditFact.Kind.MAJOR_HAZARD_OVERDUE), listed);
    }

    private static int count(List<CreditFact> facts, CreditFact.Kind kind) {
        return (int) facts.stream().filter(f -> f.kind() == kind).count();
    }
}
