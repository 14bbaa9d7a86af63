package cn.zhifa.audit;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Names what the current HTTP command acted on. The audit interceptor writes one record per mutating
 * request; a controller or service calls {@link #target(String, Object)} so the record says which record.
 * Outside a request these calls do nothing (use {@link AuditTrail} there).
 */
public final class Audit {

    static final String TARGET_TYPE = Audit.class.getName() + ".targetType";
    static final String TARGET_ID = Audit.class.getName() + ".targetId";
    static final String DETAIL = Audit.class.getName() + ".detail";
    static final String ACTION = Audit.class.getName() + ".action";
    /** Set on a request once its audit record is written (a refusal before the controller has none yet). */
    public static final String RECORDED = Audit.class.getName() + ".recorded";

    private Audit() {
    }

    public static void target(String type, Object id) {
        set(TARGET_TYPE, type);
        set(TARGET_ID, id == null ? null : String.valueOf(id));
    }

    /** A short human-readable note stored with the record (no personal data). */
    public static void detail(String detail) {
        set(DETAIL, detail);
    }

    /** Records the command as refused (REJECTED) with its reason, e.g. when a page redirects with a refusal. */
    public static void refused(String reason) {
        set("cn.zhifa.audit.internal.AuditInterceptor.rejected", reason);
    }

    /** Overrides the action name derived from the handler. */
    public static void action(String action) {
        set(ACTION, action);
    }

    private static void set(String name, Object value) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(name, value, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
