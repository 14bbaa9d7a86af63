package cn.zhifa.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A firm's credit on a day: the grade of the first matching row of the rule table in force, that row's name, the
 * facts that made it match (in words), and the counts planning grades on (the last three years).
 */
public record CreditStanding(long enterpriseId, LocalDate on, String grade, String ruleName, List<String> reasons,
                             int recentAccidents, int recentPenalties, BigDecimal recentFinesYuan, int recentMajorHazards,
                             int recentOverdueMajorHazards, boolean listed) {

    public CreditStanding {
        reasons = List.copyOf(reasons);
    }
}
