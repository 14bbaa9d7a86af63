package cn.zhifa.inspection;

import cn.zhifa.planning.CapException;
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
 * @param capException   the legal exception under which an unplanned task goes beyond the firm's annual
 *                       frequency cap (投诉举报、事故、重大隐患复查、上级交办), optional
 * @param capExceptionNote the concrete ground of that exception (举报件编号、交办文号 …), required with it
 * @param campaignId     the 专项 (planning's campaign id) the task is for, optional; its records, hazards and cases
 *                       carry it
 */
public record NewTask(@NotNull(message = "请选择任务来源") TaskSource source,
                      @Size(max = 100, message = "来源编号不超过100字") String sourceRef,
                      @NotNull(message = "请选择被检查企业") Long enterpriseId,
                      @NotNull(message = "请选择检查类别") InspectionKind kind,
                      @NotNull(message = "请选择检查方式") InspectionMode mode,
                      List<Long> team,
                      @NotNull(message = "请填写计划检查月份") YearMonth dueMonth,
                      String templateCode,
                      boolean noticeRequired,
                      CapException capException,
                      @Size(max = 500, message = "例外情形依据不超过500字") String capExceptionNote,
                      Long campaignId) {

    /** A task outside any 专项. */
    public NewTask(TaskSource source, String sourceRef, Long enterpriseId, InspectionKind kind, InspectionMode mode,
                   List<Long> team, YearMonth dueMonth, String templateCode, boolean noticeRequired,
                   CapException capException, String capExceptionNote) {
        this(source, sourceRef, enterpriseId, kind, mode, team, dueMonth, templateCode, noticeRequired, capException,
                capExceptionNote, null);
    }

    /** A task without a frequency-cap exception. */
    public NewTask(TaskSource source, String sourceRef, Long enterpriseId, InspectionKind kind, InspectionMode mode,
                   List<Long> team, YearMonth dueMonth, String templateCode, boolean noticeRequired) {
        this(source, sourceRef, enterpriseId, kind, mode, team, dueMonth, templateCode, noticeRequired, null, null, null);
    }
}
