package cn.zhifa.township.web;

import cn.zhifa.audit.AuditAction;
import cn.zhifa.planning.CapException;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.Page;
import cn.zhifa.township.internal.AssistingVisits;
import cn.zhifa.township.internal.AssistingVisits.CloseLead;
import cn.zhifa.township.internal.AssistingVisits.LeadFilter;
import cn.zhifa.township.internal.AssistingVisits.LeadView;
import cn.zhifa.township.internal.AssistingVisits.ToInspection;
import cn.zhifa.township.internal.LeadStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.time.YearMonth;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 专职安全员线索: the leads of the caller's units (and of the townships they came from), the officer's own first; a lead's
 * page offers 转检查任务 and 关闭 to its officer (or a LEADER of the officer's unit) while it is open.
 */
@Controller
@Allowed(Action.READ_BUSINESS)
class LeadPages {

    private static final int PAGE_SIZE = 20;

    private final AssistingVisits visits;

    LeadPages(AssistingVisits visits) {
        this.visits = visits;
    }

    @GetMapping("/township/leads")
    String list(@RequestParam(required = false) LeadStatus status, @RequestParam(required = false) Boolean mine,
                @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        boolean own = Boolean.TRUE.equals(mine);
        Page<LeadView> result = visits.leads(new LeadFilter(status, own, q), Page.number(page), PAGE_SIZE);
        model.addAttribute("page", result);
        model.addAttribute("status", status);
        model.addAttribute("mine", own);
        model.addAttribute("q", q);
        model.addAttribute("statuses", LeadStatus.values());
        return "township/leads";
    }

    @GetMapping("/township/leads/{id}")
    String detail(@PathVariable long id, Model model) {
        LeadView lead = visits.lead(id);
        model.addAttribute("lead", lead);
        var actor = Actors.require();
        boolean handles = lead.open() && (lead.assigneeId() == actor.userId() || actor.has(Role.LEADER))
                && visits.mayHandle(lead);
        model.addAttribute("handles", handles);
        if (handles) {
            model.addAttribute("partners", visits.partners());
            model.addAttribute("capExceptions", CapException.values());
            model.addAttribute("month", YearMonth.from(visits.today()));
        }
        return "township/lead-detail";
    }

    @PostMapping("/township/leads/{id}/inspection")
    @Allowed(Action.HANDLE_TOWNSHIP_LEAD)
    @AuditAction("专职安全员线索转检查任务")
    String toInspection(@PathVariable long id, @ModelAttribute("inspection") ToInspection form, BindingResult binding,
                        Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            if (binding.hasErrors() || form == null) {
                throw new RuleViolation("请检查计划检查月份的填写格式。");
            }
            visits.toInspection(id, form);
            redirect.addFlashAttribute("message", "已转为检查任务，可在“今日检查”或“检查任务”中开始检查。");
            return "redirect:/township/leads/" + id;
        } catch (RuleViolation refused) {
            SafetyStaffPages.refuse(refused, model, response);
            return detail(id, model);
        }
    }

    @PostMapping("/township/leads/{id}/close")
    @Allowed(Action.HANDLE_TOWNSHIP_LEAD)
    @AuditAction("关闭专职安全员线索")
    String close(@PathVariable long id, @ModelAttribute("closing") CloseLead form, Model model,
                 RedirectAttributes redirect, HttpServletResponse response) {
        try {
            visits.close(id, form);
            redirect.addFlashAttribute("message", "已关闭该线索。");
            return "redirect:/township/leads/" + id;
        } catch (RuleViolation refused) {
            SafetyStaffPages.refuse(refused, model, response);
            return detail(id, model);
        }
    }
}
