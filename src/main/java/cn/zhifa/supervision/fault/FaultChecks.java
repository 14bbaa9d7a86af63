package cn.zhifa.supervision.fault;

import cn.zhifa.shared.RuleViolation;
import java.time.LocalDate;

/** The rules a 执法过错 record keeps, apart from storage: configured wording, dates not in the future, order of dates. */
final class FaultChecks {

    private FaultChecks() {
    }

    static void record(FaultRules rules, String kind, LocalDate foundOn, LocalDate today) {
        if (!rules.kinds().contains(kind)) {
            throw new RuleViolation("请从列表中选择过错情形。");
        }
        if (foundOn.isAfter(today)) {
            throw new RuleViolation("认定日期不能晚于今天。");
        }
    }

    static void decide(FaultRules rules, String responsibility, LocalDate foundOn, LocalDate decidedOn, LocalDate today) {
        if (!rules.responsibilities().contains(responsibility)) {
            throw new RuleViolation("请从列表中选择责任形式。");
        }
        if (decidedOn.isAfter(today)) {
            throw new RuleViolation("追究决定日期不能晚于今天。");
        }
        if (decidedOn.isBefore(foundOn)) {
            throw new RuleViolation("追究决定日期不能早于过错认定日期。");
        }
    }
}
