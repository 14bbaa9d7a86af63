package cn.zhifa.planning;

import java.util.Set;

/**
 * What grading looks at for one firm: its risk features (危化, 粉尘涉爆, 有限空间 …), the grade of its
 * 重大危险源 (1 = 一级, the most dangerous; null = none), the credit grade ("未评定" until the credit module
 * supplies one), accidents and penalty cases in the look-back years, and whether it is on the 白名单.
 */
public record EnterpriseFeatures(long enterpriseId, String name, long organizationId, Long townId, String townName,
                                 String industry, Set<String> riskFeatures, Integer majorHazardGrade,
                                 String creditGrade, int recentAccidents, int recentCases, boolean whitelisted) {

    public static final String CREDIT_UNRATED = "未评定";

    public EnterpriseFeatures {
        riskFeatures = riskFeatures == null ? Set.of() : Set.copyOf(riskFeatures);
        creditGrade = creditGrade == null || creditGrade.isBlank() ? CREDIT_UNRATED : creditGrade;
    }
}
