package cn.zhifa.organization.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user: their own account and password. */
@Controller
@Allowed(Action.SIGNED_IN)
class ProfilePage {

    private final UserManagement users;

    ProfilePage(UserManagement users) {
        this.users = users;
    }

    @GetMapping("/profile")
    String show(Model model) {
        model.addAttribute("me", users.get(Actors.require().userId()));
        model.addAttribute("mustChange", users.mustChangePassword(Actors.require().userId()));
        return "organization/profile";
    }

    @PostMapping("/profile/password")
    @Allowed(Action.SIGNED_IN)
    @AuditAction("修改本人密码")
    String changePassword(@RequestParam String oldPassword, @RequestParam String newPassword,
                          @RequestParam String confirmPassword, Model model, RedirectAttributes redirect) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw new RuleViolation("两次输入的新密码不一致。");
            }
            users.changeOwnPassword(Actors.require().userId(), oldPassword, newPassword);
            redirect.addFlashAttribute("message", "密码已修改。");
            return "redirect:/profile";
        } catch (RuleViolation refused) {
            model.addAttribute("me", users.get(Actors.require().userId()));
            model.addAttribute("mustChange", users.mustChangePassword(Actors.require().userId()));
            model.addAttribute("refusal", refused.getMessage());
            return "organization/profile";
        }
    }
}
