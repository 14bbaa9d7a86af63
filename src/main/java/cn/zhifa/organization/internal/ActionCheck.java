package cn.zhifa.organization.internal;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.ActionDenied;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Allowed;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks the role × action table before a request is bound or validated. A state-changing handler
 * of the application must declare its {@link Allowed action} on the method; a read handler may
 * declare one on the method or its class. Undeclared state changes are refused.
 */
class ActionCheck implements HandlerInterceptor {

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod method)
                || !method.getBeanType().getName().startsWith("cn.zhifa.")) {
            return true;
        }
        Optional<Action> action = declared(method, MUTATING.contains(request.getMethod()));
        if (action.isEmpty()) {
            if (MUTATING.contains(request.getMethod())) {
                throw new ActionDenied("该操作未在权限表中登记，已拒绝。");
            }
            return true;
        }
        if (!action.get().allows(Actors.current().orElse(null))) {
            throw new ActionDenied(action.get());
        }
        return true;
    }

    /** The action a handler declares: its own, or for reads its class's. */
    static Optional<Action> declared(HandlerMethod method, boolean mutating) {
        Allowed own = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Allowed.class);
        if (own != null || mutating) {
            return Optional.ofNullable(own).map(Allowed::value);
        }
        return Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Allowed.class))
                .map(Allowed::value);
    }
}
