package cn.zhifa.audit.internal;

import cn.zhifa.audit.AuditRecord.Outcome;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page login that failed inside the login machinery (e.g. a username the database cannot take, such as one
 * with a NUL) publishes no authentication event, so {@link AuthenticationAudit} never sees it. This filter
 * wraps the security chain and records such an attempt as a failure, so every attempt leaves a row.
 */
@Component
@Order(-110)
class LoginErrorAudit extends OncePerRequestFilter {

    private final AuditLog log;

    LoginErrorAudit(AuditLog log) {
        this.log = log;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && (request.getContextPath() + "/login").equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object before = lastError(request);
        chain.doFilter(request, response);
        Object after = lastError(request);
        if (after != before && after instanceof InternalAuthenticationServiceException) {
            log.append(String.valueOf(request.getParameter("username")), null, null, "登录", "用户", null,
                    Outcome.FAILURE, "登录处理出错（用户名无法处理）", request.getRemoteAddr());
        }
    }

    private static Object lastError(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object attribute = request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return attribute != null ? attribute : session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
}
