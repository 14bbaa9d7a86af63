package cn.zhifa.planning;

import java.util.Collection;
import java.util.Map;

/**
 * Where grading gets a firm's credit grade, accidents and penalty cases of the look-back years: implemented by the
 * credit module (planning does not depend on it). Without an implementation every firm is ‘未评定’ with none.
 */
public interface CreditStandings {

    /**
     * @param minimumAnnualFrequency 联合惩戒: the least inspections a year (listed firms), or null
     * @param reason                 why the minimum applies, in words
     */
    record Standing(String grade, int recentAccidents, int recentCases, Integer minimumAnnualFrequency, String reason) {
    }

    /** The standings of the given firms (firms without one may be absent). */
    Map<Long, Standing> of(Collection<Long> enterpriseIds);
}
