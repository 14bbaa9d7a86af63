package cn.zhifa.organization.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.organization.OrganizationForm;
import cn.zhifa.organization.OrganizationKind;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.shared.RuleViolation;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN pages for the organisation tree (the security chain restricts /admin/** to ADMIN). */
@Controller
@Allowed(Action.MANAGE_ORGANIZATIONS)
class OrganizationPages {

    private final OrganizationManagement organizations;

    OrganizationPages(OrganizationManagement organizations) {
        this.organizations = organizations;
    }

    @ModelAttribute("kinds")
    OrganizationKind[] kinds() {
        return OrganizationKind.values();
    }

    @GetMapping("/admin/organizations")
    String tree(Model model) {
        model.addAttribute("tree", organizations.visibleTree());
        return "organization/tree";
    }

    @GetMapping("/admin/organizations/new")
    String newForm(@RequestParam(required = false) Long parentId, Model model) {
        OrganizationForm empty = OrganizationForm.empty();
        model.addAttribute("form", new OrganizationForm(parentId, "", "", empty.kind(), "", 0));
        return form(model, null);
    }

    @PostMapping("/admin/organizations")
    @Allowed(Action.MANAGE_ORGANIZATIONS)
    @AuditAction("新增单位")
    String create(@Valid @ModelAttribute("form") OrganizationForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return form(model, null);
        }
        try {
            OrganizationView created = organizations.create(form);
            redirect.addFlashAttribute("message", "已新增单位“" + created.name() + "”。");
            return "redirect:/admin/organizations";
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return form(model, null);
        }
    }

    @GetMapping("/admin/organizations/{id}")
    String editForm(@PathVariable long id, Model model) {
        OrganizationView view = organizations.find(id).orElseThrow(() -> RuleViolation.notFound("单位不存在。"));
        model.addAttribute("form", OrganizationForm.of(view));
        return form(model, view);
    }

    @PostMapping("/admin/organizations/{id}")
    @Allowed(Action.MANAGE_ORGANIZATIONS)
    @AuditAction("修改单位")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") OrganizationForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        OrganizationView current = organizations.find(id).orElseThrow(() -> RuleViolation.notFound("单位不存在。"));
        if (errors.hasErrors()) {
            return form(model, current);
        }
        try {
            organizations.describe(id, form);
            redirect.addFlashAttribute("message", "已保存单位“" + form.name() + "”。");
            return "redirect:/admin/organizations";
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return form(model, current);
        }
    }

    @PostMapping("/admin/organizations/{id}/move")
    @Allowed(Action.MANAGE_ORGANIZATIONS)
    @AuditAction("调整单位隶属")
    String move(@PathVariable long id, @RequestParam(required = false) Long parentId, Model model,
                RedirectAttributes redirect) {
        OrganizationView current = organizations.find(id).orElseThrow(() -> RuleViolation.notFound("单位不存在。"));
        try {
            if (parentId == null) {
                throw new RuleViolation("请选择新的上级单位。");
            }
            organizations.move(id, parentId);
            redirect.addFlashAttribute("message", "已调整“" + current.name() + "”的上级单位。");
            return "redirect:/admin/organizations";
        } catch (RuleViolation refused) {
            model.addAttribute("form", OrganizationForm.of(current));
            model.addAttribute("refusal", refused.getMessage());
            return form(model, current);
        }
    }

    private String form(Model model, OrganizationView current) {
        model.addAttribute("current", current);
        model.addAttribute("tree", organizations.visibleTree());
        return "organization/form";
    }
}
