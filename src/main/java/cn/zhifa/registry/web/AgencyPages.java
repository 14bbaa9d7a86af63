package cn.zhifa.registry.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import static cn.zhifa.registry.web.OfficerPages.date;

import cn.zhifa.audit.AuditAction;
import cn.zhifa.organization.DataScope;
import cn.zhifa.registry.AgencyKind;
import cn.zhifa.registry.AgencyManagement;
import cn.zhifa.registry.AgencyStatus;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.registry.OfficerStatistics;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.RuleViolation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Third-party agencies and the registry statistics page. */
@Controller
@Allowed(Action.READ_BUSINESS)
class AgencyPages {

    private final AgencyManagement agencies;
    private final EnterpriseManagement enterprises;
    private final OfficerManagement officers;
    private final DataScope scope;
    private final OrganizationManagement organizations;
    private final Clock clock;

    AgencyPages(AgencyManagement agencies, EnterpriseManagement enterprises, OfficerManagement officers, DataScope scope,
                OrganizationManagement organizations, Clock clock) {
        this.scope = scope;
        this.organizations = organizations;
        this.agencies = agencies;
        this.enterprises = enterprises;
        this.officers = officers;
        this.clock = clock;
    }

    @GetMapping("/registry/agencies")
    String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String status, Model model) {
        AgencyKind chosenKind = Arrays.stream(AgencyKind.values()).filter(k -> k.name().equals(kind)).findFirst().orElse(null);
        AgencyStatus chosenStatus = Arrays.stream(AgencyStatus.values()).filter(k -> k.name().equals(status)).findFirst().orElse(null);
        model.addAttribute("agencies", agencies.agencies(chosenKind, chosenStatus));
        model.addAttribute("kinds", AgencyKind.values());
        model.addAttribute("statuses", AgencyStatus.values());
        model.addAttribute("kind", chosenKind);
        model.addAttribute("status", chosenStatus);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("warnings", agencies.qualificationWarnings(scope.visibleOrganizationIds()));
        model.addAttribute("warningDays", agencies.warningDays());
        return "registry/agencies";
    }

    @PostMapping("/registry/agencies")
    @Allowed(Action.EDIT_AGENCY)
    @AuditAction("登记第三方机构")
    String register(@RequestParam(required = false) String name, @RequestParam(required = false) String uscc,
                    @RequestParam(required = false) String kind, @RequestParam(required = false) String qualificationNo,
                    @RequestParam(required = false) String grade, @RequestParam(required = false) String validUntil,
                    Model model, RedirectAttributes redirect) {
        try {
            AgencyKind chosen = Arrays.stream(AgencyKind.values()).filter(k -> k.name().equals(kind)).findFirst().orElse(null);
            long id = agencies.register(name, uscc, chosen, qualificationNo, grade, date(validUntil, "资质有效期"));
            redirect.addFlashAttribute("message", "已登记机构。");
            return "redirect:/registry/agencies/" + id;
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return list(null, null, model);
        }
    }

    @GetMapping("/registry/agencies/{id}")
    String agency(@PathVariable long id, Model model) {
        model.addAttribute("agency", agencies.agency(id));
        model.addAttribute("clients", agencies.clients(id));
        model.addAttribute("history", agencies.history(id));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("warningDays", agencies.warningDays());
        return "registry/agency";
    }

    @PostMapping("/registry/agencies/{id}/clients")
    @Allowed(Action.EDIT_AGENCY)
    @AuditAction("登记机构服务企业")
    String addClient(@PathVariable long id, @RequestParam(required = false) String uscc,
                     @RequestParam(required = false) String service, @RequestParam(required = false) String since,
                     Model model, RedirectAttributes redirect) {
        return change(id, model, redirect, "已登记服务企业。", () -> agencies.addClient(id, uscc, service, date(since, "服务开始日期")));
    }

    @PostMapping("/registry/agencies/{id}/clients/end")
    @Allowed(Action.EDIT_AGENCY)
    @AuditAction("结束机构对企业的服务")
    String endClient(@PathVariable long id, @RequestParam long enterpriseId, @RequestParam(required = false) String service,
                     @RequestParam(required = false) String endedOn, Model model, RedirectAttributes redirect) {
        return change(id, model, redirect, "已结束该项服务。",
                () -> agencies.endClient(id, enterpriseId, service == null ? "" : service, date(endedOn, "服务结束日期")));
    }

    @PostMapping("/registry/agencies/{id}/qualification")
    @Allowed(Action.EDIT_AGENCY)
    @AuditAction("变更机构资质")
    String qualification(@PathVariable long id, @RequestParam(required = false) String qualificationNo,
                         @RequestParam(required = false) String grade, @RequestParam(required = false) String validUntil,
                         @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        return change(id, model, redirect, "已变更资质。",
                () -> agencies.changeQualification(id, qualificationNo, grade, date(validUntil, "资质有效期"), reason));
    }

    @PostMapping("/registry/agencies/{id}/suspend")
    @Allowed(Action.SANCTION_AGENCY)
    @AuditAction("暂停第三方机构")
    String suspend(@PathVariable long id, @RequestParam(required = false) String reason, @RequestParam(required = false) String until,
                   Model model, RedirectAttributes redirect) {
        return change(id, model, redirect, "已暂停。", () -> agencies.suspend(id, reason, date(until, "暂停截止日期")));
    }

    @PostMapping("/registry/agencies/{id}/restore")
    @Allowed(Action.SANCTION_AGENCY)
    @AuditAction("恢复第三方机构")
    String restore(@PathVariable long id, @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        return change(id, model, redirect, "已恢复。", () -> agencies.restore(id, reason));
    }

    @PostMapping("/registry/agencies/{id}/revoke")
    @Allowed(Action.SANCTION_AGENCY)
    @AuditAction("撤销第三方机构")
    String revoke(@PathVariable long id, @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        return change(id, model, redirect, "已撤销。", () -> agencies.revoke(id, reason));
    }

    private String change(long id, Model model, RedirectAttributes redirect, String done, Runnable action) {
        return PageCommand.run(action, done, "/registry/agencies/" + id, redirect, model, () -> agency(id, model));
    }

    @GetMapping("/registry/statistics")
    String statistics(@RequestParam(required = false) String year, @RequestParam(required = false) String on, Model model) {
        LocalDate today = LocalDate.now(clock);
        int chosen = today.getYear();
        LocalDate date = null;
        try {
            if (year != null && !year.isBlank()) {
                if (!year.strip().matches("\\d{4}") || Integer.parseInt(year.strip()) < 2000 || Integer.parseInt(year.strip()) > today.getYear()) {
                    throw new RuleViolation("年度应为 2000 至 " + today.getYear() + " 之间的四位数字。");
                }
                chosen = Integer.parseInt(year.strip());
            }
            date = date(on, "统计日期");
            if (date != null && date.isAfter(today)) {
                throw new RuleViolation("统计日期不能晚于今天。");
            }
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            chosen = today.getYear();
            date = null;
        }
        LocalDate certifiedOn = date != null ? date : chosen >= today.getYear() ? today : LocalDate.of(chosen, 12, 31);
        model.addAttribute("enterprises", enterprises.statistics());
        model.addAttribute("officers", officers.statistics(chosen, certifiedOn, scope.visibleOrganizationIds()));
        long own = Actors.require().organizationId();
        int year0 = chosen;
        Map<String, OfficerStatistics> units = new LinkedHashMap<>();
        organizations.visibleTree().stream().filter(u -> Long.valueOf(own).equals(u.parentId())).forEach(u -> {
            // every unit under the user's own, a unit without certified officers too: a zero is a finding
            units.put(u.name(), officers.statistics(year0, certifiedOn, scope.subtreeIds(u.id())));
        });
        model.addAttribute("units", units);
        model.addAttribute("year", chosen);
        model.addAttribute("on", certifiedOn);
        return "registry/statistics";
    }
}
