package cn.zhifa.monitoring.web;

import cn.zhifa.monitoring.internal.SystemClients;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN: the monitoring systems allowed to push alarms (name, unit, secret shown once, active). */
@Controller
@Allowed(Action.MANAGE_SYSTEM_CLIENTS)
class SystemClientPages {

    private final SystemClients clients;
    private final OrganizationManagement organizations;

    SystemClientPages(SystemClients clients, OrganizationManagement organizations) {
        this.clients = clients;
        this.organizations = organizations;
    }

    @GetMapping("/admin/monitoring/clients")
    String list(Model model) {
        model.addAttribute("clients", clients.list());
        model.addAttribute("units", organizations.visibleTree());
        if (!model.containsAttribute("name")) {
            model.addAttribute("name", "");
        }
        return "monitoring/clients";
    }

    @PostMapping("/admin/monitoring/clients")
    @Allowed(Action.MANAGE_SYSTEM_CLIENTS)
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) Long organizationId,
                  Model model, RedirectAttributes redirect) {
        try {
            SystemClients.Created created = clients.create(name, organizationId);
            redirect.addFlashAttribute("secret", created.secret());
            redirect.addFlashAttribute("message", "已登记接入客户端“" + name.strip() + "”。请立即把下面的密钥交给该系统，离开本页后不再显示。");
            return "redirect:/admin/monitoring/clients";
        } catch (RuleViolation refused) {
            model.addAttribute("formError", refused.getMessage());
            model.addAttribute("name", name == null ? "" : name);
            model.addAttribute("organizationId", organizationId);
            return list(model);
        }
    }

    @PostMapping("/admin/monitoring/clients/{id}/active")
    @Allowed(Action.MANAGE_SYSTEM_CLIENTS)
    String setActive(@PathVariable long id, @RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
        clients.setActive(id, active);
        redirect.addFlashAttribute("message", active ? "已启用该接入客户端。" : "已停用该接入客户端，其密钥即刻失效。");
        return "redirect:/admin/monitoring/clients";
    }
}
