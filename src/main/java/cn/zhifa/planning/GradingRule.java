package cn.zhifa.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One row of a year's 分类分级 rule table. Every condition that is set must hold; rules are tried in
 * {@code priority} order and the first that matches gives the grade, the annual inspection frequency and
 * the enforcement level. A rule with no condition matches every firm (the table's last row).
 */
public record GradingRule(Long id, int year, int priority, String name, Set<String> anyRiskFeature,
                          Integer maxHazardGrade, Set<String> creditGrades, Integer minAccidents, Integer minCases,
                          Boolean whitelisted, Grade grade, int annualFrequency, EnforcementLevel level) {

    public GradingRule {
        anyRiskFeature = anyRiskFeature == null ? Set.of() : Set.copyOf(anyRiskFeature);
        creditGrades = creditGrades == null ? Set.of() : Set.copyOf(creditGrades);
    }

    public boolean matches(EnterpriseFeatures firm) {
        return (anyRiskFeature.isEmpty() || anyRiskFeature.stream().anyMatch(firm.riskFeatures()::contains))
                && (maxHazardGrade == null || firm.majorHazardGrade() != null && firm.majorHazardGrade() <= maxHazardGrade)
                && (creditGrades.isEmpty() || creditGrades.contains(firm.creditGrade()))
                && (minAccidents == null || firm.recentAccidents() >= minAccidents)
                && (minCases == null || firm.recentCases() >= minCases)
                && (whitelisted == null || firm.whitelisted() == whitelisted);
    }

    /** The conditions of this rule in words, as shown on the ‘why this grade’ page. */
    public List<String> conditions() {
        List<String> words = new ArrayList<>();
        if (!anyRiskFeature.isEmpty()) {
            words.add("具有风险特征：" + String.join("、", anyRiskFeature.stream().sorted().toList()));
        }
        if (maxHazardGrade != null) {
            words.add("重大危险源等级为" + hazardGrade(maxHazardGrade) + (maxHazardGrade > 1 ? "或更高" : ""));
        }
        if (!creditGrades.isEmpty()) {
            words.add("信用等级为：" + String.join("、", creditGrades.stream().sorted().toList()));
        }
        if (minAccidents != null) {
            words.add("近年发生事故不少于 " + minAccidents + " 起");
        }
        if (minCases != null) {
            words.add("近年被立案处罚不少于 " + minCases + " 次");
        }
        if (whitelisted != null) {
            words.add(whitelisted ? "列入白名单" : "未列入白名单");
        }
        if (words.isEmpty()) {
            words.add("其他所有企业");
        }
        return words;
    }

    public static String hazardGrade(int grade) {
        return switch (grade) {
            case 1 -> "一级";
            case 2 -> "二级";
            case 3 -> "三级";
            case 4 -> "四级";
            default -> grade + "级";
        };
    }
}
