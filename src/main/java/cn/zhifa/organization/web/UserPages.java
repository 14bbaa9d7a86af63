package cn.zhifa.organization.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.Audit;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.UserForm;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Role;
import cn.zhifa.shared.web.Page;
import jakarta.validation.Valid;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN pages for users of the administrator's subtree. */
@Controller
@Allowed(Action.READ_ACCOUNTS)
class UserPages {

    private final UserManagement users;
    private final OrganizationManagement organizations;
    private final Clock clock;

    UserPages(UserManagement users, OrganizationManagement organizations, Clock clock) {
        this.users = users;
        this.organizations = organizations;
        this.clock = clock;
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return java.util.Arrays.stream(Role.values()).filter(Role::assignableToUsers).toArray(Role[]::new);
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long org,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        model.addAttribute("users", users.search(q, org, Page.number(page), Page.size(size)));
        model.addAttribute("approvals", users.pendingApprovals());
        model.addAttribute("tree", organizations.visibleTree());
        model.addAttribute("now", clock.instant());
        return "organization/users";
    }

    @GetMapping("/admin/users/new")
    @Allowed(Action.MANAGE_ACCOUNTS)
    String newForm(Model model) {
        model.addAttribute("form", UserForm.empty());
        return form(model, null);
    }

    @PostMapping("/admin/users")
    @Allowed(Action.MANAGE_ACCOUNTS)
    @AuditAction("新增用户")
    String create(@Valid @ModelAttribute("form") UserForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return form(model, null);
        }
        try {
            UserView created = users.create(form);
            redirect.addFlashAttribute("message", "已新增用户“" + created.displayName() + "”（" + created.username() + "）。");
            return "redirect:/admin/users";
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return form(model, null);
        }
    }

    @GetMapping("/admin/users/{id}")
    String editForm(@PathVariable long id, Model model) {
        UserView user = users.get(id);
        model.addAttribute("form", new UserForm(user.username(), user.displayName(), user.organizationId(),
                user.phone(), user.roles(), null));
        return form(model, user);
    }

    @PostMapping("/admin/users/{id}")
    @Allowed(Action.MANAGE_ACCOUNTS)
    @AuditAction("修改用户")
    String update(@PathVariable long id, @RequestParam int version, @Valid @ModelAttribute("form") UserForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        UserView current = users.get(id);
        if (errors.hasErrors()) {
            return form(model, current);
        }
        try {
            users.describe(id, form, version);
            redirect.addFlashAttribute("message", "已保存用户“" + form.displayName() + "”。");
            return "redirect:/admin/users";
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return form(model, current);
        }
    }

    @PostMapping("/admin/users/{id}/password")
    @Allowed(Action.MANAGE_ACCOUNT_ACCESS)
    @AuditAction("重置用户密码")
    String resetPassword(@PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("message", users.resetPassword(id, password)
                    ? "密码已重置，用户下次登录时须修改密码。"
                    : "三员账号的密码重置已提交，经另一名管理员批准后生效。");
        } catch (RuleViolation refused) {
            Audit.refused(refused.getMessage());
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/second-factor/reset")
    @Allowed(Action.MANAGE_ACCOUNT_ACCESS)
    @AuditAction("重置用户动态验证码")
    String resetSecondFactor(@PathVariable long id, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("message", users.resetSecondFactor(id)
                    ? "动态验证码已重置，用户下次需要时重新绑定。"
                    : "三员账号的动态验证码重置已提交，经另一名管理员批准后生效。");
        } catch (RuleViolation refused) {
            Audit.refused(refused.getMessage());
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/unlock")
    @Allowed(Action.MANAGE_ACCOUNT_ACCESS)
    @AuditAction("解锁用户")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        try {
            users.unlock(id);
            redirect.addFlashAttribute("message", "账号已解锁。");
        } catch (RuleViolation refused) {
            Audit.refused(refused.getMessage());
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/roles")
    @Allowed(Action.ASSIGN_ROLES)
    @AuditAction("分配用户角色")
    String assignRoles(@PathVariable long id, @RequestParam int version,
                       @RequestParam(name = "roles", required = false) java.util.Set<Role> roles, RedirectAttributes redirect) {
        try {
            UserView user = users.assignRoles(id, roles, version);
            redirect.addFlashAttribute("message", roles != null && user.roles().equals(roles) ? "已保存角色。"
                    : "三员角色的授予已提交，经系统管理员批准后生效。");
        } catch (RuleViolation refused) {
            Audit.refused(refused.getMessage());
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/enabled")
    @Allowed(Action.MANAGE_ACCOUNT_ACCESS)
    @AuditAction("启用或停用用户")
    String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        try {
            users.setEnabled(id, enabled);
            redirect.addFlashAttribute("message", enabled ? "账号已启用。" : "账号已停用。");
        } catch (RuleViolation refused) {
            Audit.refused(refused.getMessage());
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/approvals/{approval}/approve")
    @Allowed(Action.APPROVE_ADMINISTRATION)
    @AuditAction("批准三员申请")
    String approve(@PathVariable long approval, RedirectAttributes redirect) {
        try {
            users.approve(approval);
            redirect.addFlashAttribute("message", "已批准，变更已生效。");
        } catch (RuleViolation refused) {
            Audit.refused(refused.getMessage());
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/approvals/{approval}/reject")
    @Allowed(Action.APPROVE_ADMINISTRATION)
    @AuditAction("驳回三员申请")
    String reject(@PathVariable long approval, RedirectAttributes redirect) {
        try {
            users.reject(approval);
            redirect.addFlashAttribute("message", "已驳回，未作变更。");
        } catch (RuleViolation refused) {
            Audit.refused(refused.getMessage());
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/admin/users";
    }

    private String form(Model model, UserView current) {
        model.addAttribute("current", current);
        model.addAttribute("tree", organizations.visibleTree());
        model.addAttribute("now", clock.instant());
        model.addAttribute("hasSecondFactor", current != null && users.hasSecondFactor(current.id()));
        return "organization/user-form";
    }
}
