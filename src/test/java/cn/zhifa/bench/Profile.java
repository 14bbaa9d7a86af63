package cn.zhifa.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link ProfileGenerator} writes: the shapes of ../shared/BENCHMARKS.md ({@code district}, {@code province}, each
 * with a {@code scale} fraction) or {@code seed000}, the district-year whose figures are exactly seed 000's
 * (滨海新区 2024) with the year before it (so the year-on-year changes read as the seed's: 302 cases against 210,
 * 1,001.43 万元 against 910.39 万元).
 *
 * @param units     enforcement units below the root (detachments of a district, districts of a province)
 * @param cities    province only: cities between the root and the districts (0 for a district)
 * @param years     one plan per year, oldest first; the last year ends today when it is the current year
 */
public record Profile(String name, boolean province, int firms, int officers, int units, int cities, int documents,
                      List<Year> years) {

    /**
     * One year's figures.
     *
     * @param firmsInspected      at least this many distinct firms visited (0: as the visits fall)
     * @param casesEnforcement    执法处罚 cases filed in the year
     * @param finesEnforcement    exact sum of the 执法处罚 fines decided in the year (null: drawn per case)
     * @param legalReviews        cases with a 法制审核 in the year (-1: about one in ten decided)
     * @param published           decisions whose publication falls due (and is published) in the year (-1: all decided)
     * @param officersNew         certificates issued in the year; {@code officersRevoked} revoked in the year
     */
    public record Year(int year, int keyVisits, int generalVisits, int otherVisits, int firmsInspected, int hazards,
                       int casesEnforcement, int casesAccident, BigDecimal finesEnforcement, BigDecimal finesAccident,
                       int legalReviews, int published, int officersNew, int officersRevoked) {

        public int visits() {
            return keyVisits + generalVisits + otherVisits;
        }

        public int cases() {
            return casesEnforcement + casesAccident;
        }
    }

    /** The BENCHMARKS.md shape of {@code name} ({@code district} or {@code province}) at {@code scale}, ending in {@code today}'s year. */
    public static Profile of(String name, double scale, LocalDate today) {
        return switch (name) {
            case "district" -> spread(name, false, scale, today, 10_000, 250, 18_000, 30_000, 1_000, 50_000, 3, 5, 0);
            case "province" -> spread(name, true, scale, today, 300_000, 5_000, 750_000, 1_500_000, 40_000, 2_100_000, 5, 128, 16);
            case "seed000" -> seed000();
            default -> throw new IllegalArgumentException("unknown profile " + name + " (district, province, seed000)");
        };
    }

    private static Profile spread(String name, boolean province, double scale, LocalDate today, int firms, int officers,
                                  int visits, int hazards, int cases, int documents, int years, int units, int cities) {
        List<Year> plan = new ArrayList<>();
        int first = today.getYear() - years + 1;
        for (int y = first; y <= today.getYear(); y++) {
            // the current year counts only up to today
            double share = y < today.getYear() ? 1.0 : today.getDayOfYear() / 365.0;
            double weight = share / (years - 1 + today.getDayOfYear() / 365.0);
            int v = n(visits * scale * weight);
            int key = (int) Math.round(v * 0.70), general = (int) Math.round(v * 0.25);
            int c = n(cases * scale * weight);
            int accident = Math.max(0, (int) Math.round(c * 0.08));
            plan.add(new Year(y, key, general, v - key - general, 0, n(hazards * scale * weight), c - accident, accident,
                    null, null, -1, -1, n(officers * scale * 0.06), n(officers * scale * 0.05)));
        }
        return new Profile(name, province, n(firms * scale), Math.max(5, n(officers * scale)),
                Math.max(1, Math.min(units, n(units * Math.sqrt(scale)))), province ? Math.max(1, Math.min(cities, n(cities * Math.sqrt(scale)))) : 0,
                n(documents * scale), plan);
    }

    /** Seed 000 (滨海新区 2024) exactly, with 2023 as the year before. */
    public static Profile seed000() {
        Year before = new Year(2023, 3_900, 1_800, 0, 2_100, 6_100, 190, 20, new BigDecimal("2640000.00"),
                new BigDecimal("6463900.00"), 28, 200, 15, 20);
        Year year = new Year(2024, 4_281, 1_920, 0, 2_293, 6_840, 278, 24, new BigDecimal("3191500.00"),
                new BigDecimal("6822800.00"), 31, 290, 17, 35);
        return new Profile("seed000", false, 2_293, 250, 8, 0, 0, List.of(before, year));
    }

    public int firstYear() {
        return years.get(0).year();
    }

    private static int n(double value) {
        return (int) Math.max(0, Math.round(value));
    }
}
