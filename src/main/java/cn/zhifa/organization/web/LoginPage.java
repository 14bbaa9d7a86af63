package cn.zhifa.organization.web;

import cn.zhifa.organization.internal.LoginThrottle;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page; a refused login gets one message whatever the reason, so it reveals no account. */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String throttled,
                 Model model) {
        if (throttled != null) {
            model.addAttribute("error", LoginThrottle.REFUSED);
        } else if (error != null) {
            model.addAttribute("error", AuthApi.LOGIN_REFUSED);
        }
        return "organization/login";
    }
}
