package cn.zhifa.supervision;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Registers a complaint or report. The firm is either one of the registry ({@code enterpriseId}) or named freely
 * ({@code enterpriseName}); an anonymous reporter gives no name or phone. {@code duplicateOf} links it to an open
 * complaint about the same matter: it is then kept, but not handled or counted again.
 */
@Schema(description = "登记投诉举报")
public record NewComplaint(@NotNull(message = "请选择举报渠道") ComplaintChannel channel,
                           @NotNull(message = "请填写收到日期") LocalDate receivedOn,
                           @NotBlank(message = "请填写举报内容") @Size(max = 4000, message = "举报内容不超过4000字") String content,
                           Long enterpriseId,
                           @Size(max = 200, message = "被举报单位名称不超过200字") String enterpriseName,
                           @Size(max = 100, message = "举报人姓名不超过100字") String reporterName,
                           @Size(max = 40, message = "联系电话不超过40字") String reporterPhone,
                           boolean anonymous,
                           Long duplicateOf) {
}
