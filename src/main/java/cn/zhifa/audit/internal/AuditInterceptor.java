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
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.WebUtils;

/**
 * Writes one audit record for every state-changing request (POST, PUT, PATCH, DELETE), after it
 * completed: success, failure (exception or 4xx/5xx) or rejected (a form re-shown with errors, a refusal
 * shown on the page or carried to the next page by a redirect, a 403 or a 422 rule refusal). Reads that
 * disclose personal data ({@link PersonalDataReads}) are recorded too.
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
        if (refusal == null) {
            refusal = RequestContextUtils.getOutputFlashMap(request).get("refusal");
        }
        if (refusal != null) {
            request.setAttribute(REJECTED, refusal.toString());
        }
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!(handler instanceof HandlerMethod method)) {
            return;
        }
        if (!MUTATING.contains(request.getMethod())) {
            PersonalDataReads.of(request.getMethod(), request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))
                    .ifPresent(read -> recordRead(request, response, ex, read));
            return;
        }
        request.setAttribute(Audit.RECORDED, Boolean.TRUE);
        Actor actor = Actors.current().orElse(null);
        Object rejected = request.getAttribute(REJECTED);
        boolean denied = ex instanceof AccessDeniedException || response.getStatus() == 403
                || response.getStatus() == 422;
        if (denied && rejected == null) {
            Object resolved = ex != null ? ex : request.getAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE);
            rejected = resolved instanceof Exception e && e.getMessage() != null ? e.getMessage()
                    : response.getStatus() == 422 ? "业务规则不允许此操作" : "无权执行此操作";
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

    /** A read of personal data: who read which record, and whether it was handed out. */
    private void recordRead(HttpServletRequest request, HttpServletResponse response, Exception ex,
                            PersonalDataReads.Read read) {
        Actor actor = Actors.current().orElse(null);
        int status = response.getStatus();
        Outcome outcome = ex == null && status < 400 ? Outcome.SUCCESS : status == 403 ? Outcome.REJECTED : Outcome.FAILURE;
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String id = variables instanceof java.util.Map<?, ?> map && map.get("id") != null ? map.get("id").toString() : null;
        Object whose = request.getAttribute(attribute("detail")); // what the handler says was read, when no id says it
        log.append(actor == null ? "anonymous" : actor.username(), actor == null ? null : actor.userId(),
                actor == null ? null : actor.organizationId(), read.action(), read.targetType(), id, outcome,
                outcome != Outcome.SUCCESS ? AuditWording.failure(ex, status)
                        : whose == null ? "个人信息查阅" : "个人信息查阅：" + whose, request.getRemoteAddr());
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
