package cn.zhifa.audit.internal;

import cn.zhifa.audit.Audit;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.audit.AuditRecord.Outcome;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Writes one audit record for every state-changing request (POST, PUT, PATCH, DELETE), after it
 * completed: success, failure (exception or 4xx/5xx) or rejected (a form re-shown with errors).
 */
@Component
class AuditInterceptor implements HandlerInterceptor {

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String REJECTED = AuditInterceptor.class.getName() + ".rejected";

    private final AuditLog log;

    AuditInterceptor(AuditLog log) {
        this.log = log;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView modelAndView) {
        if (modelAndView != null && modelAndView.getModel().values().stream()
                .anyMatch(value -> value instanceof BindingResult result && result.hasErrors())) {
            request.setAttribute(REJECTED, "表单校验未通过");
        }
        Object refusal = modelAndView == null ? null : modelAndView.getModel().get("refusal");
        if (refusal != null) {
            request.setAttribute(REJECTED, refusal.toString());
        }
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!MUTATING.contains(request.getMethod()) || !(handler instanceof HandlerMethod method)) {
            return;
        }
        request.setAttribute(Audit.RECORDED, Boolean.TRUE);
        Actor actor = Actors.current().orElse(null);
        Object rejected = request.getAttribute(REJECTED);
        boolean denied = ex instanceof AccessDeniedException || response.getStatus() == 403;
        if (denied) {
            rejected = ex != null && ex.getMessage() != null ? ex.getMessage() : "无权执行此操作";
        }
        Outcome outcome = denied ? Outcome.REJECTED : ex != null || response.getStatus() >= 400 ? Outcome.FAILURE
                : rejected != null ? Outcome.REJECTED : Outcome.SUCCESS;
        String detail = (String) request.getAttribute(attribute("detail"));
        if (detail == null && rejected != null) {
            detail = rejected.toString();
        }
        if (detail == null && outcome == Outcome.FAILURE) {
            detail = AuditWording.failure(ex, response.getStatus());
        }
        log.append(actor == null ? "anonymous" : actor.username(), actor == null ? null : actor.userId(),
                actor == null ? null : actor.organizationId(), action(request, method),
                (String) request.getAttribute(attribute("targetType")), (String) request.getAttribute(attribute("targetId")),
                outcome, detail, request.getRemoteAddr());
    }

    private static String action(HttpServletRequest request, HandlerMethod method) {
        Object explicit = request.getAttribute(attribute("action"));
        if (explicit != null) {
            return explicit.toString();
        }
        AuditAction annotation = method.getMethodAnnotation(AuditAction.class);
        if (annotation != null) {
            return annotation.value();
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return AuditWording.action(request.getMethod(), pattern != null ? pattern.toString() : request.getRequestURI());
    }

    private static String attribute(String name) {
        return "cn.zhifa.audit.Audit." + name;
    }
}
