package cn.zhifa.credit.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the credit-grade rule table in force from {@code effectiveFrom}. Every condition that is set must hold
 * on the facts of the last {@code lookbackMonths}; a row with no condition matches every firm (the table's last row).
 */
public record CreditRule(Long id, LocalDate effectiveFrom, int priority, String name, String grade, int lookbackMonths,
                         Boolean listed, Integer minAccidents, Integer minPenalties, BigDecimal minFineYuan,
                         Integer minMajorHazards, Integer minOverdueMajorHazards) {

    public static final List<String> GRADES = List.of("良好", "一般", "较差", "严重失信");

    /** The facts this row looks at on a day: those within its look-back, up to and including the day. */
    public List<CreditFact> window(List<CreditFact> facts, LocalDate on) {
        LocalDate from = on.minusMonths(lookbackMonths);
        return facts.stream().filter(f -> f.occurredOn().isAfter(from) && !f.occurredOn().isAfter(on)).toList();
    }

    /** The facts that satisfy this row's conditions, or null when it does not match. */
    public List<CreditFact> evidence(List<CreditFact> facts, boolean isListed, LocalDate on) {
        List<CreditFact> recent = window(facts, on);
        List<CreditFact> used = new ArrayList<>();
        if (listed != null && listed != isListed) {
            return null;
        }
        if (!atLeast(minAccidents, recent, CreditFact.Kind.ACCIDENT, used)
                || !atLeast(minPenalties, recent, CreditFact.Kind.PENALTY, used)
                || !atLeast(minMajorHazards, recent, CreditFact.Kind.MAJOR_HAZARD, used)
                || !atLeast(minOverdueMajorHazards, recent, CreditFact.Kind.MAJOR_HAZARD_OVERDUE, used)) {
            return null;
        }
        if (minFineYuan != null) {
            List<CreditFact> fines = recent.stream().filter(f -> f.fineYuan() != null && f.fineYuan().signum() > 0).toList();
            BigDecimal total = fines.stream().map(CreditFact::fineYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.compareTo(minFineYuan) < 0) {
                return null;
            }
            fines.stream().filter(f -> !used.contains(f)).forEach(used::add);
        }
        return used;
    }

    private static boolean atLeast(Integer min, List<CreditFact> recent, CreditFact.Kind kind, List<CreditFact> used) {
        if (min == null) {
            return true;
        }
        List<CreditFact> of = recent.stream().filter(f -> f.kind() == kind).toList();
        if (of.size() < min) {
            return false;
        }
        of.stream().filter(f -> !used.contains(f)).forEach(used::add);
        return true;
    }

    /** The conditions of this row in words. */
    public List<String> conditions() {
        List<String> words = new ArrayList<>();
        String within = "近 " + lookbackMonths + " 个月";
        if (listed != null) {
            words.add(listed ? "在严重失信主体名单内" : "不在严重失信主体名单内");
        }
        if (minAccidents != null) {
            words.add(within + "发生生产安全事故不少于 " + minAccidents + " 起");
        }
        if (minPenalties != null) {
            words.add(within + "受行政处罚不少于 " + minPenalties + " 次");
        }
        if (minFineYuan != null) {
            words.add(within + "罚款累计不少于 " + minFineYuan.stripTrailingZeros().toPlainString() + " 元");
        }
        if (minMajorHazards != null) {
            words.add(within + "发现重大事故隐患不少于 " + minMajorHazards + " 项");
        }
        if (minOverdueMajorHazards != null) {
            words.add(within + "重大事故隐患逾期未整改不少于 " + minOverdueMajorHazards + " 项");
        }
        if (words.isEmpty()) {
            words.add("其他所有企业");
        }
        return words;
    }
}
