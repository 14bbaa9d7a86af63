package cn.zhifa.emergency.internal;

import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.RiskFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;

/**
 * The legal numbers of {@code emergency/emergency-rules.yml}: the evaluation period of 应急预案 and the 高危行业、领域 whose
 * firms must hold 安责险, each with its source.
 */
public record EmergencyRules(int planPeriodYears, String planSource, String governmentPlanSource,
                             boolean governmentPlanConfirmed, int planDueSoonDays, String insuranceSource,
                             int insuranceDueSoonDays, List<HighRiskIndustry> industries) {

    public static final String RESOURCE = "emergency/emergency-rules.yml";

    /** A 高危行业 named by GB/T 4754 codes ({@code B06}, {@code C26}) and/or the registry's risk features. */
    public record HighRiskIndustry(String name, Set<String> codes, Set<RiskFeature> riskFeatures) {

        public boolean covers(EnterpriseSummary firm) {
            if (firm.industry() != null) {
                String code = firm.industry().sectionCode() + firm.industry().divisionCode();
                if (codes.contains(code) || codes.contains(firm.industry().sectionCode())) {
                    return true;
                }
            }
            return riskFeatures.stream().anyMatch(firm::has);
        }
    }

    /** The 高危行业 a firm belongs to, when it must be insured. */
    public Optional<String> mandatoryIndustry(EnterpriseSummary firm) {
        return industries.stream().filter(i -> i.covers(firm)).map(HighRiskIndustry::name).findFirst();
    }

    /** The period source that applies to a plan of this level (企业 plans: the 办法's article; government plans: 国办发). */
    public String planSourceFor(String level) {
        return "企业".equals(level) ? planSource : governmentPlanSource;
    }

    @SuppressWarnings("unchecked")
    public static EmergencyRules bundled() {
        try (InputStream in = EmergencyRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            Map<String, Object> m = new Yaml().load(in);
            Map<String, Object> plan = (Map<String, Object>) m.get("plan-evaluation");
            Map<String, Object> insurance = (Map<String, Object>) m.get("liability-insurance");
            List<HighRiskIndustry> industries = ((List<Map<String, Object>>) insurance.get("industries")).stream()
                    .map(i -> new HighRiskIndustry((String) i.get("name"),
                            Set.copyOf((List<String>) i.getOrDefault("codes", List.of())),
                            ((List<String>) i.getOrDefault("risk-features", List.of())).stream().map(RiskFeature::valueOf)
                                    .collect(Collectors.toUnmodifiableSet())))
                    .toList();
            return new EmergencyRules((Integer) plan.get("period-years"), (String) plan.get("source"),
                    (String) plan.get("government-source"), Boolean.TRUE.equals(plan.get("government-confirmed")),
                    (Integer) plan.get("due-soon-days"), (String) insurance.get("source"),
                    (Integer) insurance.get("due-soon-days"), industries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
