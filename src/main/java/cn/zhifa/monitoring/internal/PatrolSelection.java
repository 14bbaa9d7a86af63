package cn.zhifa.monitoring.internal;

import cn.zhifa.planning.Grade;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Which key firms go on a day's online patrol list: the highest 分类分级 grade first (A before B …), within a grade
 * the firm patrolled longest ago first (never patrolled before any), then the lower enterprise id — so the same
 * history gives the same list, and the list rotates through each grade day by day.
 */
public final class PatrolSelection {

    private PatrolSelection() {
    }

    /** A graded firm with the day it was last on a list (null: never). */
    public record Candidate(long enterpriseId, String name, Grade grade, LocalDate lastListed) {
    }

    private static final Comparator<Candidate> ORDER = Comparator.comparing(Candidate::grade)
            .thenComparing(Candidate::lastListed, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(Candidate::enterpriseId);

    public static List<Candidate> choose(List<Candidate> candidates, int size) {
        return candidates.stream().sorted(ORDER).limit(Math.max(0, size)).toList();
    }
}
