package cn.zhifa.inspection;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.YearMonth;
import java.util.List;

/**
 * A task to create: planning turns 双随机 draws and plan entries into these. The enterprise's name is
 * snapshotted from the registry.
 *
 * @param sourceRef      the plan, draw, campaign, complaint or accident reference (free text), optional
 * @param templateCode   the checklist to use (current version at start), optional
 * @param noticeRequired whether the plan requires the 执法检查告知书 before the visit
 */
public record NewTask(@NotNull(message = "请选择任务来源") TaskSource source,
                      @Size(max = 100, message = "来源编号不超过100字") String sourceRef,
                      @NotNull(message = "请选择被检查企业") Long enterpriseId,
                      @NotNull(message = "请选择检查类别") InspectionKind kind,
                      @NotNull(message = "请选择检查方式") InspectionMode mode,
                      List<Long> team,
                      @NotNull(message = "请填写计划检查月份") YearMonth dueMonth,
                      String templateCode,
                      boolean noticeRequired) {
}
