package cn.zhifa.planning;

import java.util.Set;

/**
 * What grading looks at for one firm: its risk features (危化, 粉尘涉爆, 有限空间 …), the grade of its
 * 重大危险源 (1 = 一级, the most dangerous; null = none), the credit grade (‘未评定’ until the credit module
 * supplies one), accidents and penalty cases in the look-back years, and whether it is on the 白名单.
 * Risk features are the registry's labels, plus ‘危险化学品’ when any 危化品 feature is present.
 */
public record EnterpriseFeatures(long enterpriseId, String name, long organizationId, String townCode, String townName,
                                 String industry, Set<String> riskFeatures, Integer majorHazardGrade,
                                 String creditGrade, int recentAccidents, int recentCases, boolean whitelisted) {

    public static final String CREDIT_UNRATED = "未评定";

    /** The town as a number, for town recusal in draws (the 9- or 12-digit division code). */
    public Long townNumber() {
        return townCode == null || townCode.isBlank() ? null : Long.valueOf(townCode);
    }

    public EnterpriseFeatures {
        riskFeatures = riskFeatures == null ? Set.of() : Set.copyOf(riskFeatures);
        creditGrade = creditGrade == null || creditGrade.isBlank() ? CREDIT_UNRATED : creditGrade;
    }
}
