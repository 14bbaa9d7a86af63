package cn.zhifa.supervision.web;

import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.Verdict;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import cn.zhifa.supervision.ComplaintChannel;
import cn.zhifa.supervision.ComplaintManagement;
import cn.zhifa.supervision.ComplaintRegistered;
import cn.zhifa.supervision.ComplaintStatus;
import cn.zhifa.supervision.ComplaintView;
import cn.zhifa.supervision.NewComplaint;
import cn.zhifa.supervision.SupervisionManagement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 投诉举报 register: list with filters and per-channel figures, registration, handling on the detail page. */
@Controller
@Allowed(Action.READ_COMPLAINTS)
class ComplaintPages {

    private final ComplaintManagement complaints;
    private final SupervisionManagement supervision;

    ComplaintPages(ComplaintManagement complaints, SupervisionManagement supervision) {
        this.complaints = complaints;
        this.supervision = supervision;
    }

    @GetMapping("/complaints")
    String list(@RequestParam(required = false) ComplaintStatus status, @RequestParam(required = false) ComplaintChannel channel,
                @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Integer page, Model model) {
        Page<ComplaintView> result = complaints.search(status, channel, overdue, page, 20);
        int y = year == null ? complaints.today().getYear() : year;
        model.addAttribute("complaints", result);
        model.addAttribute("statuses", ComplaintStatus.values());
        model.addAttribute("channels", ComplaintChannel.values());
        model.addAttribute("status", status);
        model.addAttribute("channel", channel);
        model.addAttribute("overdue", overdue);
        model.addAttribute("year", y);
        model.addAttribute("statistics", complaints.statistics(y));
        model.addAttribute("pagerQuery", (status == null ? "" : "status=" + status.name() + "&")
                + (channel == null ? "" : "channel=" + channel.name() + "&") + (overdue == null ? "" : "overdue=" + overdue + "&"));
        return "supervision/complaints";
    }

    @GetMapping("/complaints/new")
    String form(Model model) {
        model.addAttribute("channels", ComplaintChannel.values());
        model.addAttribute("today", complaints.today());
        model.addAttribute("sources", complaints.periodSources());
        return "supervision/complaint-form";
    }

    @PostMapping("/complaints")
    @Allowed(Action.REGISTER_COMPLAINT)
    String register(@RequestParam(required = false) ComplaintChannel channel,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
                    @RequestParam(required = false) String content, @RequestParam(required = false) Long enterpriseId,
                    @RequestParam(required = false) String enterpriseName, @RequestParam(required = false) String reporterName,
                    @RequestParam(required = false) String reporterPhone, @RequestParam(defaultValue = "false") boolean anonymous,
                    @RequestParam(required = false) Long duplicateOf, Model model, RedirectAttributes redirect) {
        String missing = channel == null ? "请选择举报渠道。" : receivedOn == null ? "请填写收到日期。"
                : content == null || content.isBlank() ? "请填写举报内容。" : content.length() > 4000 ? "举报内容不超过4000字。" : null;
        NewComplaint form = new NewComplaint(channel, receivedOn, content, enterpriseId, enterpriseName, reporterName,
                reporterPhone, anonymous, duplicateOf);
        Verdict verdict = missing != null ? Verdict.refuse(missing) : complaints.check(form);
        if (verdict.refused()) {
            model.addAttribute("refusal", verdict.reason());
            model.addAttribute("form", form);
            return form(model);
        }
        ComplaintRegistered registered = complaints.register(form);
        redirect.addFlashAttribute("message", "已登记，受理期限 " + registered.acceptDue() + "，办结期限 " + registered.closeDue() + "。");
        return "redirect:/complaints/" + registered.id();
    }

    @GetMapping("/complaints/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("c", complaints.get(id));
        model.addAttribute("units", supervision.units());
        model.addAttribute("handles", complaints.handles(id));
        model.addAttribute("attachments", complaints.attachments(id));
        return "supervision/complaint";
    }

    @PostMapping("/complaints/{id}/attachments")
    @Allowed(Action.HANDLE_COMPLAINT)
    String attach(@PathVariable long id,
                  @RequestParam(name = "files", required = false) java.util.List<org.springframework.web.multipart.MultipartFile> files,
                  RedirectAttributes redirect) {
        int stored = 0;
        try {
            for (org.springframework.web.multipart.MultipartFile file : files == null ? java.util.List.<org.springframework.web.multipart.MultipartFile>of() : files) {
                if (file.isEmpty()) {
                    continue;
                }
                try (java.io.InputStream in = file.getInputStream()) {
                    complaints.attach(id, cn.zhifa.evidence.Upload.of(in, file.getOriginalFilename(), cn.zhifa.evidence.EvidenceSource.UPLOAD));
                    stored++;
                } catch (java.io.IOException e) {
                    throw new RuleViolation("无法读取上传的文件。");
                }
            }
            if (stored == 0) {
                throw new RuleViolation("请选择要上传的附件。");
            }
            redirect.addFlashAttribute("message", "已上传附件 " + stored + " 个。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", (stored > 0 ? "已上传 " + stored + " 个，其余未保存：" : "") + refused.getMessage());
        }
        return "redirect:/complaints/" + id + "#attachments";
    }

    @PostMapping("/complaints/{id}/accept")
    @Allowed(Action.HANDLE_COMPLAINT)
    String accept(@PathVariable long id, @RequestParam(required = false) Long unitId, RedirectAttributes redirect) {
        if (unitId == null) {
            return refuse(id, "请选择承办单位。", redirect);
        }
        return act(id, "已受理并交办。", c -> complaints.accept(id, new ComplaintManagement.Accept(unitId)), redirect);
    }

    @PostMapping("/complaints/{id}/reject")
    @Allowed(Action.HANDLE_COMPLAINT)
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, "已登记不予受理。", c -> complaints.reject(id, new ComplaintManagement.Reject(reason)), redirect);
    }

    @PostMapping("/complaints/{id}/assign")
    @Allowed(Action.HANDLE_COMPLAINT)
    String assign(@PathVariable long id, @RequestParam(required = false) Long unitId, RedirectAttributes redirect) {
        if (unitId == null) {
            return refuse(id, "请选择承办单位。", redirect);
        }
        return act(id, "已改派承办单位。", c -> complaints.assign(id, new ComplaintManagement.Assign(unitId)), redirect);
    }

    @PostMapping("/complaints/{id}/inspection")
    @Allowed(Action.HANDLE_COMPLAINT)
    String inspection(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, "已派检查任务（来源：举报投诉，属频次上限的例外情形）。", c -> complaints.openInspection(id), redirect);
    }

    @PostMapping("/complaints/{id}/case")
    @Allowed(Action.HANDLE_COMPLAINT)
    String openCase(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, "已登记案件来源（投诉举报），请到案件办理中立案。", c -> complaints.openCase(id), redirect);
    }

    @PostMapping("/complaints/{id}/reply")
    @Allowed(Action.HANDLE_COMPLAINT)
    String reply(@PathVariable long id, @RequestParam(required = false) String reply, RedirectAttributes redirect) {
        return act(id, "已答复举报人。", c -> complaints.reply(id, new ComplaintManagement.Reply(reply)), redirect);
    }

    @PostMapping("/complaints/{id}/close")
    @Allowed(Action.HANDLE_COMPLAINT)
    String close(@PathVariable long id, @RequestParam(required = false) String result, RedirectAttributes redirect) {
        return act(id, "已办结。", c -> complaints.close(id, new ComplaintManagement.Close(result)), redirect);
    }

    @PostMapping("/complaints/{id}/reward")
    @Allowed(Action.HANDLE_COMPLAINT)
    String proposeReward(@PathVariable long id, @RequestParam(required = false) BigDecimal fineYuan, RedirectAttributes redirect) {
        return act(id, "已提出举报奖励，待审批。", c -> complaints.proposeReward(id, new ComplaintManagement.ProposeReward(fineYuan)),
                redirect);
    }

    @PostMapping("/complaints/{id}/reward/approve")
    @Allowed(Action.DECIDE_COMPLAINT_REWARD)
    String approveReward(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, "已批准举报奖励。", c -> complaints.approveReward(id), redirect);
    }

    @PostMapping("/complaints/{id}/reward/paid")
    @Allowed(Action.HANDLE_COMPLAINT)
    String rewardPaid(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, "已登记奖励发放。", c -> complaints.payReward(id), redirect);
    }

    private String act(long id, String done, Consumer<Long> step, RedirectAttributes redirect) {
        try {
            step.accept(id);
            redirect.addFlashAttribute("message", done);
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/complaints/" + id;
    }

    private String refuse(long id, String reason, RedirectAttributes redirect) {
        redirect.addFlashAttribute("refusal", reason);
        return "redirect:/complaints/" + id;
    }
}
