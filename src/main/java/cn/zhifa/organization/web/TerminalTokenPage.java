package cn.zhifa.organization.web;

import cn.zhifa.organization.internal.ApiTokens;
import cn.zhifa.organization.internal.ZhifaUser;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The field terminal's offline app (今日检查 → 离线使用) runs on the same phone as the logged-in page: it takes a
 * bearer token from the page session (CSRF-protected) to download the day and to sync its queue through the API.
 * The token lives only as long as the security policy's token validity and is revoked at logout.
 */
@RestController
class TerminalTokenPage {

    private final ApiTokens tokens;

    TerminalTokenPage(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record TerminalToken(String token, Instant expiresAt) {
    }

    @PostMapping("/profile/terminal-token")
    @Allowed(Action.INSPECT)
    TerminalToken issue(Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof ZhifaUser user)) {
            throw new RuleViolation("请在网页登录后再下载离线数据。");
        }
        ApiTokens.IssuedToken issued = tokens.issue(user);
        return new TerminalToken(issued.token(), issued.expiresAt());
    }
}
