package cn.zhifa.accident;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** 事故快报: what the bureau learns first. The grade is computed, not given. */
@Schema(description = "事故快报")
public record NewAccident(
        @NotNull(message = "请选择事故发生单位") @Schema(description = "事故发生单位（企业库编号）") Long enterpriseId,
        @NotBlank(message = "请填写事故名称") @Size(max = 200, message = "事故名称不超过200字") @Schema(description = "事故名称，如“3·12”较大中毒窒息事故") String title,
        @NotNull(message = "请填写事故发生时间") @Schema(description = "事故发生时间") LocalDateTime occurredAt,
        @NotNull(message = "请填写接报时间") @Schema(description = "本部门接到事故报告的时间") LocalDateTime receivedAt,
        @Schema(description = "向上一级部门上报的时间（可空）") LocalDateTime forwardedAt,
        @NotBlank(message = "请填写事故发生地点") @Size(max = 300, message = "地点不超过300字") @Schema(description = "事故发生地点") String place,
        @NotNull(message = "请选择事故类别") @Schema(description = "事故类别") AccidentKind kind,
        @Min(value = 0, message = "死亡人数不能为负数") @Schema(description = "死亡人数") int deaths,
        @Min(value = 0, message = "重伤人数不能为负数") @Schema(description = "重伤（含急性工业中毒）人数") int seriousInjuries,
        @Min(value = 0, message = "下落不明人数不能为负数") @Schema(description = "下落不明人数") int missing,
        @NotNull(message = "请填写直接经济损失") @DecimalMin(value = "0", message = "直接经济损失不能为负数") @Schema(description = "直接经济损失（元，初步估计）") BigDecimal directLossYuan,
        @NotBlank(message = "请填写事故简要经过") @Size(max = 4000, message = "简要经过不超过4000字") @Schema(description = "事故简要经过") String summary) {
}
