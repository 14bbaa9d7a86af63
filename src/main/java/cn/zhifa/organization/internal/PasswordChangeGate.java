package cn.zhifa.organization.internal;

import cn.zhifa.organization.UserManagement;
import cn.zhifa.shared.security.ActionDenied;
import cn.zhifa.shared.security.Actors;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A user whose password was set by an administrator (initial or reset) or has expired changes it before
 * anything else: pages lead to the password form, the API answers 403 with a Chinese detail — except the
 * password change itself, logout and the static files.
 */
class PasswordChangeGate implements HandlerInterceptor {

    static final String API_REFUSAL = "密码为初始密码、已被重置或已过期，请先通过 POST /api/v1/auth/password 修改密码。";
    private static final List<String> OPEN = List.of("/profile", "/logout", "/login", "/error", "/api/v1/auth/",
            "/css/", "/js/", "/img/", "/webjars/", "/favicon.ico");

    private final UserManagement users;

    PasswordChangeGate(UserManagement users) {
        this.users = users;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        if (request.getDispatcherType() != DispatcherType.REQUEST
                || !(Actors.current().orElse(null) instanceof ZhifaUser user) || !user.passwordChangeRequired()) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (OPEN.stream().anyMatch(path::startsWith) || !users.mustChangePassword(user.userId())) {
            return true;
        }
        if (path.startsWith("/api/")) {
            throw new ActionDenied(API_REFUSAL);
        }
        response.sendRedirect(request.getContextPath() + "/profile?change");
        return false;
    }
}
