package cn.zhifa.audit.internal;

import cn.zhifa.audit.AuditRecord.Outcome;
import cn.zhifa.shared.security.Actor;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Logins (successful, failed, refused because locked) and logouts are recorded too. */
@Component
class AuthenticationAudit {

    private final AuditLog log;

    AuthenticationAudit(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token
                && token.getPrincipal() instanceof Actor actor) {
            log.append(actor.username(), actor.userId(), actor.organizationId(), "登录", "用户",
                    String.valueOf(actor.userId()), Outcome.SUCCESS, null, address(token.getDetails()));
        }
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        String detail = event instanceof AuthenticationFailureLockedEvent ? "账号已锁定" : "用户名或密码错误";
        log.append(String.valueOf(event.getAuthentication().getName()), null, null, "登录", "用户",
                null, Outcome.FAILURE, detail, address(event.getAuthentication().getDetails()));
    }

    @EventListener
    void on(LogoutSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof Actor actor) {
            log.append(actor.username(), actor.userId(), actor.organizationId(), "退出登录", "用户",
                    String.valueOf(actor.userId()), Outcome.SUCCESS, null, address(event.getAuthentication().getDetails()));
        }
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
