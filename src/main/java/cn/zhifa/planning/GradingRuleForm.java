package cn.zhifa.planning;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A rule row as typed on the rule-table page; lists are comma separated. */
public record GradingRuleForm(
        @NotNull(message = "请填写优先级") @Min(value = 1, message = "优先级应为正整数") Integer priority,
        @NotBlank(message = "请填写规则名称") @Size(max = 60, message = "规则名称不能超过 60 个字") String name,
        @Size(max = 200, message = "风险特征不能超过 200 个字") String anyRiskFeature,
        @Min(value = 1, message = "重大危险源等级为 1–4") @Max(value = 4, message = "重大危险源等级为 1–4") Integer maxHazardGrade,
        @Size(max = 100, message = "信用等级不能超过 100 个字") String creditGrades,
        @Min(value = 0, message = "事故起数不能为负") Integer minAccidents,
        @Min(value = 0, message = "案件数不能为负") Integer minCases,
        Boolean whitelisted,
        @NotNull(message = "请选择分级") Grade grade,
        @NotNull(message = "请填写年度检查频次") @Min(value = 0, message = "年度检查频次不能为负") @Max(value = 24, message = "年度检查频次不能超过 24 次") Integer annualFrequency,
        @NotNull(message = "请选择执法层级") EnforcementLevel level) {

    public static GradingRuleForm empty() {
        return new GradingRuleForm(100, "", "", null, "", null, null, null, Grade.C, 1, EnforcementLevel.TOWNSHIP);
    }
}
