package cn.zhifa.registry.web;

import cn.zhifa.audit.AuditAction;
import cn.zhifa.registry.AgencyKind;
import cn.zhifa.registry.AgencyManagement;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.shared.RuleViolation;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Third-party agencies and the registry statistics page. */
@Controller
@PreAuthorize("hasAnyRole('OFFICER','LEADER','LEGAL','SUPERVISOR')")
class AgencyPages {

    private final AgencyManagement agencies;
    private final EnterpriseManagement enterprises;
    private final OfficerManagement officers;
    private final Clock clock;

    AgencyPages(AgencyManagement agencies, EnterpriseManagement enterprises, OfficerManagement officers, Clock clock) {
        this.agencies = agencies;
        this.enterprises = enterprises;
        this.officers = officers;
        this.clock = clock;
    }

    @GetMapping("/registry/agencies")
    String list(Model model) {
        model.addAttribute("agencies", agencies.agencies());
        model.addAttribute("kinds", AgencyKind.values());
        return "registry/agencies";
    }

    @PostMapping("/registry/agencies")
    @PreAuthorize("hasAnyRole('OFFICER','LEADER')")
    @AuditAction("登记第三方机构")
    String register(@RequestParam(required = false) String name, @RequestParam(required = false) String uscc,
                    @RequestParam(required = false) AgencyKind kind, @RequestParam(required = false) String qualificationNo,
                    @RequestParam(required = false) String grade,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
                    RedirectAttributes redirect) {
        try {
            long id = agencies.register(name, uscc, kind, qualificationNo, grade, validUntil);
            redirect.addFlashAttribute("message", "已登记机构。");
            return "redirect:/registry/agencies/" + id;
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
            return "redirect:/registry/agencies";
        }
    }

    @GetMapping("/registry/agencies/{id}")
    String agency(@PathVariable long id, Model model) {
        model.addAttribute("agency", agencies.agency(id));
        model.addAttribute("clients", agencies.clients(id));
        return "registry/agency";
    }

    @PostMapping("/registry/agencies/{id}/clients")
    @PreAuthorize("hasAnyRole('OFFICER','LEADER')")
    @AuditAction("登记机构服务企业")
    String addClient(@PathVariable long id, @RequestParam(required = false) String uscc,
                     @RequestParam(required = false) String service,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
                     RedirectAttributes redirect) {
        try {
            agencies.addClient(id, uscc == null ? "" : uscc.strip().toUpperCase(), service, since);
            redirect.addFlashAttribute("message", "已登记服务企业。");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/registry/agencies/" + id;
    }

    @GetMapping("/registry/statistics")
    String statistics(@RequestParam(required = false) Integer year, Model model) {
        int chosen = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("enterprises", enterprises.statistics());
        model.addAttribute("officers", officers.statistics(chosen));
        model.addAttribute("year", chosen);
        return "registry/statistics";
    }
}
