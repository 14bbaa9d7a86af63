package cn.zhifa.supervision.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The 效能考评 arithmetic over one group of comparable units (brigades, or townships): each indicator's points are its
 * weight scaled against the group — for a "more is better" figure {@code weight × value ÷ best value} (nobody scores
 * when the best is zero), for a penalty count {@code weight × (worst − value) ÷ (worst − best)} (everybody keeps the
 * weight when all are equal). Points are rounded to two decimals and summed; equal scores share a rank (1, 1, 3).
 * 流动红旗 goes to the units ranked within the configured top N that scored at all; the 红榜 lists the first, the
 * 黑榜 the last units of the group, a unit never on both.
 */
public final class Scoring {

    /** A unit's figures, keyed by indicator id. */
    public record UnitValues(long organizationId, String name, Map<Long, BigDecimal> values) {
    }

    /** An indicator's value and the points it earned. */
    public record IndicatorScore(String name, BigDecimal value, BigDecimal points) {
    }

    public record RankedUnit(long organizationId, String name, BigDecimal score, int rank, boolean redFlag,
                             List<IndicatorScore> indicators) {
    }

    /** The ranking of a group, best first, and its 红榜 and 黑榜. */
    public record GroupRanking(List<RankedUnit> units, List<RankedUnit> redList, List<RankedUnit> blackList) {
    }

    private Scoring() {
    }

    public static GroupRanking rank(List<Indicator> indicators, List<UnitValues> units, int redFlags, int listSize) {
        List<RankedUnit> scored = new ArrayList<>();
        for (UnitValues unit : units) {
            List<IndicatorScore> parts = new ArrayList<>();
            BigDecimal score = BigDecimal.ZERO;
            for (Indicator indicator : indicators) {
                BigDecimal value = valueOf(unit, indicator);
                BigDecimal points = points(indicator, value, units);
                parts.add(new IndicatorScore(indicator.name(), value, points));
                score = score.add(points);
            }
            scored.add(new RankedUnit(unit.organizationId(), unit.name(), score, 0, false, parts));
        }
        scored.sort(Comparator.comparing(RankedUnit::score).reversed().thenComparing(RankedUnit::name));
        List<RankedUnit> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            RankedUnit u = scored.get(i);
            int rank = i > 0 && ranked.get(i - 1).score().compareTo(u.score()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new RankedUnit(u.organizationId(), u.name(), u.score(), rank, rank <= redFlags && u.score().signum() > 0,
                    u.indicators()));
        }
        int red = Math.min(listSize, ranked.size());
        int black = Math.min(listSize, ranked.size() - red);
        return new GroupRanking(List.copyOf(ranked), List.copyOf(ranked.subList(0, red)),
                List.copyOf(ranked.subList(ranked.size() - black, ranked.size())));
    }

    static BigDecimal points(Indicator indicator, BigDecimal value, List<UnitValues> group) {
        BigDecimal best = null;
        BigDecimal worst = null;
        for (UnitValues u : group) {
            BigDecimal v = valueOf(u, indicator);
            best = best == null || v.compareTo(best) > 0 ? v : best;
            worst = worst == null || v.compareTo(worst) < 0 ? v : worst;
        }
        BigDecimal weight = indicator.weight();
        BigDecimal points;
        if (indicator.direction() == Indicator.Direction.HIGHER) {
            points = best == null || best.signum() <= 0 ? BigDecimal.ZERO
                    : weight.multiply(value.max(BigDecimal.ZERO)).divide(best, 10, RoundingMode.HALF_UP);
        } else {
            BigDecimal most = best;
            BigDecimal least = worst;
            points = most == null || most.compareTo(least) == 0 ? weight
                    : weight.multiply(most.subtract(value)).divide(most.subtract(least), 10, RoundingMode.HALF_UP);
        }
        return points.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal valueOf(UnitValues unit, Indicator indicator) {
        return unit.values().getOrDefault(indicator.id(), BigDecimal.ZERO);
    }
}
