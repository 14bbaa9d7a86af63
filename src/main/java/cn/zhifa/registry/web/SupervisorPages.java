package cn.zhifa.registry.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import static cn.zhifa.registry.web.OfficerPages.date;

import cn.zhifa.audit.AuditAction;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.registry.Supervisor;
import cn.zhifa.registry.SupervisorManagement;
import cn.zhifa.shared.RuleViolation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 技术检查员 and 社会监督员: list and appointment, one appointment's page (edit, term, 解聘, history), and the
 * public list of social supervisors serving today. A refused command re-shows its page with the reason.
 */
@Controller
@Allowed(Action.READ_BUSINESS)
class SupervisorPages {

    private final SupervisorManagement supervisors;
    private final OrganizationManagement organizations;
    private final Clock clock;

    SupervisorPages(SupervisorManagement supervisors, OrganizationManagement organizations, Clock clock) {
        this.supervisors = supervisors;
        this.organizations = organizations;
        this.clock = clock;
    }

    @GetMapping("/registry/supervisors")
    String list(Model model) {
        model.addAttribute("supervisors", supervisors.supervisors());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("kinds", Supervisor.SupervisorKind.values());
        model.addAttribute("terms", supervisors.terms());
        model.addAttribute("units", organizations.visibleTree());
        model.addAttribute("unitNames", unitNames());
        return "registry/supervisors";
    }

    @PostMapping("/registry/supervisors")
    @Allowed(Action.EDIT_SUPERVISORS)
    @AuditAction("聘任检查员或监督员")
    String appoint(@RequestParam(required = false) String kind, @RequestParam(required = false) String name,
                   @RequestParam(required = false) String idNumber, @RequestParam(required = false) String employer,
                   @RequestParam(required = false) String phone, @RequestParam(required = false) Long organizationId,
                   @RequestParam(required = false) String termStart, @RequestParam(required = false) String termEnd,
                   Model model, RedirectAttributes redirect) {
        try {
            Supervisor.SupervisorKind chosen = java.util.Arrays.stream(Supervisor.SupervisorKind.values())
                    .filter(k -> k.name().equals(kind)).findFirst().orElse(null);
            long id = supervisors.appoint(chosen, name, idNumber, employer, phone, organizationId,
                    date(termStart, "任期开始日期"), date(termEnd, "任期结束日期"));
            redirect.addFlashAttribute("message", "已聘任。");
            return "redirect:/registry/supervisors/" + id;
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return list(model);
        }
    }

    @GetMapping("/registry/supervisors/{id}")
    String supervisor(@PathVariable long id, Model model) {
        Supervisor supervisor = supervisors.supervisor(id);
        model.addAttribute("s", supervisor);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("term", supervisors.terms().of(supervisor.kind()));
        model.addAttribute("unitName", unitNames().getOrDefault(supervisor.organizationId(), ""));
        model.addAttribute("history", supervisors.history(id));
        return "registry/supervisor";
    }

    @PostMapping("/registry/supervisors/{id}")
    @Allowed(Action.EDIT_SUPERVISORS)
    @AuditAction("修改检查员或监督员信息")
    String edit(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam(required = false) String idNumber,
                @RequestParam(required = false) String employer, @RequestParam(required = false) String phone,
                Model model, RedirectAttributes redirect) {
        return change(id, model, redirect, "已保存。", () -> supervisors.edit(id, name, idNumber, employer, phone));
    }

    @PostMapping("/registry/supervisors/{id}/term")
    @Allowed(Action.EDIT_SUPERVISORS)
    @AuditAction("调整检查员或监督员任期")
    String term(@PathVariable long id, @RequestParam(required = false) String termStart, @RequestParam(required = false) String termEnd,
                @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        return change(id, model, redirect, "已调整任期。", () -> supervisors.changeTerm(id, date(termStart, "任期开始日期"),
                date(termEnd, "任期结束日期"), reason));
    }

    @PostMapping("/registry/supervisors/{id}/end")
    @Allowed(Action.EDIT_SUPERVISORS)
    @AuditAction("解聘检查员或监督员")
    String end(@PathVariable long id, @RequestParam(required = false) String endedOn, @RequestParam(required = false) String reason,
               Model model, RedirectAttributes redirect) {
        return change(id, model, redirect, "已解聘。", () -> supervisors.end(id, date(endedOn, "解聘日期"), reason));
    }

    private String change(long id, Model model, RedirectAttributes redirect, String done, Runnable action) {
        return PageCommand.run(action, done, "/registry/supervisors/" + id, redirect, model, () -> supervisor(id, model));
    }

    /** Public (no login): the social supervisors serving today, with masked phone numbers. */
    @GetMapping("/public/supervisors")
    @Allowed(Action.PUBLIC)
    String publicSupervisors(Model model) {
        List<Supervisor> serving = supervisors.publicSocialSupervisors();
        Map<Long, String> units = serving.stream().map(Supervisor::organizationId).distinct()
                .collect(Collectors.toMap(id -> id, id -> organizations.find(id).map(OrganizationView::name).orElse("")));
        model.addAttribute("supervisors", serving);
        model.addAttribute("units", units);
        return "registry/public-supervisors";
    }

    private Map<Long, String> unitNames() {
        return organizations.visibleTree().stream().collect(Collectors.toMap(OrganizationView::id, OrganizationView::name));
    }
}
