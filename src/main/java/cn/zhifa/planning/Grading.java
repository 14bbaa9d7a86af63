package cn.zhifa.planning;

import java.util.Comparator;
import java.util.List;

/** The grade one firm received in a year, with the rule that decided it and why. */
public record Grading(long enterpriseId, int year, Grade grade, int annualFrequency, EnforcementLevel level,
                      Long ruleId, String ruleName, List<String> reasons) {

    /** The first rule (by priority) that matches; a firm no rule matches is refused a grade. */
    public static Grading of(EnterpriseFeatures firm, int year, List<GradingRule> rules) {
        return rules.stream().sorted(Comparator.comparingInt(GradingRule::priority))
                .filter(rule -> rule.matches(firm)).findFirst()
                .map(rule -> new Grading(firm.enterpriseId(), year, rule.grade(), rule.annualFrequency(), rule.level(),
                        rule.id(), rule.name(), rule.conditions()))
                .orElseThrow(() -> new cn.zhifa.shared.RuleViolation(year + " 年度分类分级规则表没有适用于“" + firm.name()
                        + "”的规则：请在规则表末尾增加一条不设条件的兜底规则。"));
    }

    /** 联合惩戒: a listed firm is inspected at least as often as the credit module's configured minimum. */
    public Grading withMinimumFrequency(CreditStandings.Standing credit) {
        if (credit == null || credit.minimumAnnualFrequency() == null || credit.minimumAnnualFrequency() <= annualFrequency) {
            return this;
        }
        List<String> why = new java.util.ArrayList<>(reasons);
        why.add(credit.reason());
        return new Grading(enterpriseId, year, grade, credit.minimumAnnualFrequency(), level, ruleId, ruleName, why);
    }
}
