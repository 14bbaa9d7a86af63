package cn.zhifa.organization.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.organization.SecurityPolicyManagement;
import cn.zhifa.shared.RuleViolation;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** SECURITY_ADMIN sets the password, lockout and session policy. */
@Controller
@Allowed(Action.EDIT_SECURITY_POLICY)
class SecurityPolicyPage {

    private final SecurityPolicyManagement policies;

    SecurityPolicyPage(SecurityPolicyManagement policies) {
        this.policies = policies;
    }

    @GetMapping("/admin/security-policy")
    String show(Model model) {
        model.addAttribute("policy", SecurityPolicyForm.of(policies.current()));
        return "organization/security-policy";
    }

    @PostMapping("/admin/security-policy")
    @Allowed(Action.EDIT_SECURITY_POLICY)
    @AuditAction("修改安全策略")
    String save(@Valid @ModelAttribute("policy") SecurityPolicyForm policy, BindingResult errors, Model model,
                RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return "organization/security-policy";
        }
        try {
            policies.change(policy.toPolicy());
            redirect.addFlashAttribute("message", "安全策略已保存，新登录的会话按新策略执行。");
            return "redirect:/admin/security-policy";
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return "organization/security-policy";
        }
    }
}
