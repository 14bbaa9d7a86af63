package cn.zhifa.registry;

import java.util.Set;

/**
 * What other modules know of an enterprise: compact, read from one row.
 *
 * @param townCode         the 9- or 12-digit code of its 街道/乡镇
 * @param majorHazardGrade 1–4 (一级–四级) when it has a 重大危险源, else null
 * @param organizationId   the owning (supervising) organisation
 * @param legalRepresentativeTitle 法定代表人（负责人）职务, when the registry has it (not in search lists)
 * @param legalRepresentativePhone 法定代表人（负责人）联系电话, likewise; in full (the API answers {@link #withPhoneMasked()})
 */
public record EnterpriseSummary(long id, String name, String uscc, String legalRepresentative, String address,
                                String townCode, Industry industry, Set<RiskFeature> riskFeatures,
                                Integer majorHazardGrade, EnterpriseStatus status, SupervisionLevel supervisionLevel,
                                long organizationId, boolean whitelisted, int employees,
                                String legalRepresentativeTitle, String legalRepresentativePhone) {

    /** A summary without the representative's 职务 and phone (lists read from the search columns). */
    public EnterpriseSummary(long id, String name, String uscc, String legalRepresentative, String address,
                             String townCode, Industry industry, Set<RiskFeature> riskFeatures,
                             Integer majorHazardGrade, EnterpriseStatus status, SupervisionLevel supervisionLevel,
                             long organizationId, boolean whitelisted, int employees) {
        this(id, name, uscc, legalRepresentative, address, townCode, industry, riskFeatures, majorHazardGrade, status,
                supervisionLevel, organizationId, whitelisted, employees, null, null);
    }

    /**
     * This summary as the API answers it: the representative's phone masked (136****0001); the full number is an audited
     * read of its own (个人信息查阅).
     */
    public EnterpriseSummary withPhoneMasked() {
        return new EnterpriseSummary(id, name, uscc, legalRepresentative, address, townCode, industry, riskFeatures,
                majorHazardGrade, status, supervisionLevel, organizationId, whitelisted, employees, legalRepresentativeTitle,
                EnterpriseProfile.masked(legalRepresentativePhone));
    }

    public boolean has(RiskFeature feature) {
        return riskFeatures.contains(feature);
    }

    public boolean hazardousChemicals() {
        return riskFeatures.stream().anyMatch(RiskFeature::hazardousChemicals);
    }

    /** 一级 … 四级, or '' */
    public String majorHazardGradeLabel() {
        return majorHazardGrade == null ? "" : "一二三四".charAt(majorHazardGrade - 1) + "级";
    }
}
