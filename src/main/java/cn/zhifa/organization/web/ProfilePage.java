package cn.zhifa.organization.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.audit.Audit;
import cn.zhifa.organization.UserView;
import cn.zhifa.organization.internal.SecondFactorGate;
import cn.zhifa.organization.internal.SecondFactors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user: their own account, password and second factor. */
@Controller
@Allowed(Action.SIGNED_IN)
class ProfilePage {

    private final UserManagement users;
    private final SecondFactors secondFactors;

    ProfilePage(UserManagement users, SecondFactors secondFactors) {
        this.users = users;
        this.secondFactors = secondFactors;
    }

    @GetMapping("/profile")
    String show(Model model, HttpServletRequest request) {
        fill(model, request);
        return "organization/profile";
    }

    private void fill(Model model, HttpServletRequest request) {
        long me = Actors.require().userId();
        UserView view = users.get(me);
        model.addAttribute("me", view);
        model.addAttribute("mustChange", users.mustChangePassword(me));
        model.addAttribute("secondFactorOwed", SecondFactorGate.pending(request));
        boolean enrolled = secondFactors.enrolled(me);
        model.addAttribute("secondFactorEnrolled", enrolled);
        if (enrolled) {
            model.addAttribute("unusedRecoveryCodes", secondFactors.unusedRecoveryCodes(me));
        } else {
            secondFactors.pending(me).ifPresent(secret -> {
                model.addAttribute("enrolmentSecret", secret.replaceAll("(.{4})(?!$)", "$1 "));
                model.addAttribute("enrolmentQr", SecondFactors.qrCode(SecondFactors.otpauthUri(view.username(), secret)));
            });
        }
    }

    /** Starts binding an authenticator app: the secret is made on the server and shown as a QR code and as text. */
    @PostMapping("/profile/second-factor/start")
    @Allowed(Action.SIGNED_IN)
    @AuditAction("开始绑定动态验证码")
    String startEnrolment(Model model, HttpServletRequest request) {
        try {
            secondFactors.pendingSecret(Actors.require().userId());
            return "redirect:/profile#second-factor";
        } catch (RuleViolation refused) {
            fill(model, request);
            model.addAttribute("secondFactorRefusal", refused.getMessage());
            return "organization/profile";
        }
    }

    /** The first code confirms the binding; the 10 recovery codes are shown this once. */
    @PostMapping("/profile/second-factor/confirm")
    @Allowed(Action.SIGNED_IN)
    @AuditAction("确认绑定动态验证码")
    String confirmEnrolment(@RequestParam(required = false) String code, Model model, HttpServletRequest request,
                            RedirectAttributes redirect) {
        try {
            List<String> codes = secondFactors.confirm(Actors.require().userId(), code);
            // a login that owed the factor has just shown a right code
            request.getSession().removeAttribute(SecondFactorGate.PENDING);
            redirect.addFlashAttribute("recoveryCodes", codes);
            redirect.addFlashAttribute("message", "动态验证码已绑定。请立即抄录或打印下面的恢复码，本页关闭后不再显示。");
            return "redirect:/profile#second-factor";
        } catch (RuleViolation refused) {
            Audit.refused(refused.getMessage());
            fill(model, request);
            model.addAttribute("secondFactorRefusal", refused.getMessage());
            return "organization/profile";
        }
    }

    @PostMapping("/profile/password")
    @Allowed(Action.SIGNED_IN)
    @AuditAction("修改本人密码")
    String changePassword(@RequestParam String oldPassword, @RequestParam String newPassword,
                          @RequestParam String confirmPassword, Model model, RedirectAttributes redirect,
                          HttpServletRequest request) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw new RuleViolation("两次输入的新密码不一致。");
            }
            users.changeOwnPassword(Actors.require().userId(), oldPassword, newPassword);
            redirect.addFlashAttribute("message", "密码已修改。");
            return "redirect:/profile";
        } catch (RuleViolation refused) {
            fill(model, request);
            model.addAttribute("refusal", refused.getMessage());
            return "organization/profile";
        }
    }
}
