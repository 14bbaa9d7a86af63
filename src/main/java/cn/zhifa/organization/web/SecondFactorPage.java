package cn.zhifa.organization.web;

import cn.zhifa.audit.Audit;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.organization.internal.Logins;
import cn.zhifa.organization.internal.SecondFactorGate;
import cn.zhifa.organization.internal.SecondFactors;
import cn.zhifa.organization.internal.ZhifaUser;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Allowed;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a login that needs the second factor: the 6-digit code from the authenticator app or one of
 * the recovery codes. A wrong code counts towards the account's lockout; once locked, the half-done login ends.
 */
@Controller
@Allowed(Action.SIGNED_IN)
class SecondFactorPage {

    private final Logins logins;

    SecondFactorPage(Logins logins) {
        this.logins = logins;
    }

    @GetMapping(SecondFactorGate.FORM)
    String form() {
        return "organization/second-factor";
    }

    @PostMapping(SecondFactorGate.FORM)
    @Allowed(Action.SIGNED_IN)
    @AuditAction("动态验证码登录验证")
    String verify(@RequestParam(required = false) String code, HttpServletRequest request, Model model) {
        ZhifaUser user = (ZhifaUser) Actors.require();
        if (!SecondFactorGate.pending(request)) {
            return "redirect:/";
        }
        if (logins.checkSecondFactor(user, code)) {
            request.getSession().removeAttribute(SecondFactorGate.PENDING);
            request.changeSessionId();
            return "redirect:/";
        }
        Audit.refused("动态验证码错误");
        if (logins.locked(user.username())) {
            request.getSession().invalidate();
            SecurityContextHolder.clearContext();
            return "redirect:/login?error";
        }
        model.addAttribute("error", SecondFactors.WRONG_CODE);
        return "organization/second-factor";
    }
}
