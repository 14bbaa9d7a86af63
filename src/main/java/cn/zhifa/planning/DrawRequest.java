package cn.zhifa.planning;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;

/**
 * What the draw wizard asks: the organisation whose firms are drawn, the 抽查事项, the month, the pool filter
 * (industry, township division code, grade, risk feature/campaign), a ratio or a count, the team size, and for 交叉执法 the
 * agency whose officers are drawn, for 部门联合 the other departments' inspectors (one ‘单位 姓名’ per line).
 */
public record DrawRequest(
        @NotNull(message = "请选择被抽取企业所属单位") Long organizationId,
        @NotNull(message = "请选择抽取方式") DrawMode mode,
        Long officerOrganizationId,
        @NotBlank(message = "请选择抽查事项") String itemCode,
        @NotBlank(message = "请填写抽查月份") @Pattern(regexp = "\\d{4}-\\d{2}", message = "月份格式应为 2026-03") String month,
        String industry,
        String townCode,
        Grade grade,
        String riskFeature,
        Boolean excludeKeyFirms,
        @DecimalMin(value = "0.01", message = "抽取比例应大于 0%") @DecimalMax(value = "100", message = "抽取比例不能超过 100%") BigDecimal ratio,
        @Min(value = 1, message = "抽取数量至少为 1 家") Integer count,
        @NotNull(message = "请填写每组执法人员数") Integer teamSize,
        String jointInspectors,
        @Min(value = 0, message = "每组联合检查人员数不能为负") Integer jointSize) {

    public static DrawRequest empty(Long organizationId, String month, int teamSize) {
        return new DrawRequest(organizationId, DrawMode.OWN, null, "", month, "", "", null, "", true, null, null,
                teamSize, "", 1);
    }
}
