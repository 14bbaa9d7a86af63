package cn.zhifa.organization.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A page session whose password was right but whose second factor is still owed reaches nothing but the code form,
 * the enrolment on the profile page (when the user has no factor yet), logout and the static files.
 */
public class SecondFactorGate implements HandlerInterceptor {

    /** Session attribute set after the password when a second factor must follow. */
    public static final String PENDING = "zhifa.secondFactorPending";
    public static final String FORM = "/login/second-factor";
    public static final String ENROLMENT = "/profile?enrol";
    private static final List<String> OPEN = List.of("/logout", "/error", "/css/", "/js/", "/img/", "/webjars/",
            "/favicon.ico");

    private final SecondFactors secondFactors;

    SecondFactorGate(SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
    }

    public static boolean pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(PENDING) instanceof Long;
    }

    /** Where a login that owes the second factor goes next: the code form, or enrolment when there is no factor yet. */
    public static String next(SecondFactors secondFactors, long userId) {
        return secondFactors.enrolled(userId) ? FORM : ENROLMENT;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        if (request.getDispatcherType() != DispatcherType.REQUEST || !pending(request)) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long userId = (Long) request.getSession().getAttribute(PENDING);
        boolean enrolled = secondFactors.enrolled(userId);
        boolean open = OPEN.stream().anyMatch(path::startsWith)
                || (enrolled ? path.equals(FORM) : path.equals("/profile") || path.startsWith("/profile/second-factor/"));
        if (open) {
            return true;
        }
        if (path.startsWith("/api/")) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return false;
        }
        response.sendRedirect(request.getContextPath() + next(secondFactors, userId));
        return false;
    }
}
